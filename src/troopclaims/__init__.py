"""troopclaims: find claims (figures, dates, places, speakers) in news articles and compare them across sources.

The Python API, for notebooks and scripts (every record has `to_dict`, so `pandas.DataFrame([c.to_dict() for c in
claims])` is a table):

    claims = troopclaims.extract_texts({"a": "About 3,000 soldiers arrived.", "b": "..."}, published="2024-10-25")
    facts = troopclaims.compare_claims(claims)

The heavy modules (spaCy above all) are imported when a function is first called, so `import troopclaims` and
`troopclaims --help` stay instant.
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Callable, Iterable, Mapping

if TYPE_CHECKING:
    from troopclaims.compare.facts import Fact
    from troopclaims.records import Article, Claim
    from troopclaims.rules import Rules

__version__ = "0.1.0"
__all__ = ["extract_texts", "extract_articles", "read_articles", "compare_claims", "load_rules",
           "Article", "Claim", "Fact"]

Warn = Callable[[str], None]


def _stderr(message: str) -> None:
    print(f"troopclaims: {message}", file=sys.stderr)


def load_rules(folders: str | Iterable[str] = ()) -> Rules:
    """Return the default rules with the given rule folders laid over them, in order (see the README's Rules)."""
    from troopclaims.rules import load_rules as load

    return load([folders] if isinstance(folders, str) else folders)


def _rules_of(rules) -> Rules:
    from troopclaims.rules import Rules

    return rules if isinstance(rules, Rules) else load_rules(rules or ())


def read_articles(*paths: str, published: str | None = None, warn: Warn = _stderr) -> list[Article]:
    """Return the articles of folders, files or JSON Lines files, as `troopclaims extract` reads them."""
    from troopclaims.reading.articles import read_articles as read

    return list(read(paths, warn, published=published))


def extract_articles(articles: Iterable[Article], rules=(), model: str | None = None,
                     kinds: Iterable[str] = ("quantity", "date", "age", "duration"),
                     warn: Warn = _stderr) -> list[Claim]:
    """Return the claims of Article records, in article and text order.

    rules: rule folders (or a Rules object from load_rules); model: a spaCy pipeline name, "blank" for rules only
    (default as on the command line: $TROOPCLAIMS_MODEL, else the installed English pipeline); kinds: any of
    "quantity", "date", "place", "age", "duration". An article that cannot be read is named through `warn` and left out.
    """
    from troopclaims.run.extract import extract
    from troopclaims.pipeline import BLANK, BLANK_LOSSES, choose_model, load_pipeline

    name = choose_model(model)
    if name == BLANK:
        warn(BLANK_LOSSES)
    return list(extract(articles, load_pipeline(name), _rules_of(rules), tuple(kinds), warn))


def extract_texts(texts: Mapping[str, str] | Iterable[str], published: str | None = None, rules=(),
                  model: str | None = None, kinds: Iterable[str] = ("quantity", "date", "age", "duration"),
                  warn: Warn = _stderr) -> list[Claim]:
    """Return the claims of texts: a mapping of id to text, or a list of texts (ids "1", "2" ...).

    published (YYYY-MM-DD) is the date relative dates are read against; the other arguments are extract_articles'.
    """
    from troopclaims.reading.articles import parse_published
    from troopclaims.errors import InputError
    from troopclaims.records import Article

    day = parse_published(published, "published", warn) if published is not None else None
    if published is not None and day is None:
        raise InputError(f"published {published!r} is not a date; write it as YYYY-MM-DD")
    texts = [texts] if isinstance(texts, str) else texts
    pairs = texts.items() if isinstance(texts, Mapping) else ((str(n), text) for n, text in enumerate(texts, 1))
    articles = [Article(str(key), text, day) for key, text in pairs]
    return extract_articles(articles, rules, model, kinds, warn)


def compare_claims(claims: Iterable[Claim], rules=(), warn: Warn = _stderr) -> list[Fact]:
    """Return the facts of claims, as `troopclaims compare` groups them: conflicts first, each with its verdict."""
    from troopclaims.compare.facts import compare_claims as compare

    return compare(list(claims), _rules_of(rules), warn)


def __getattr__(name: str):
    """Give the record types (Article, Claim, Fact) on first use, without importing them at `import troopclaims`."""
    if name in ("Article", "Claim"):
        from troopclaims import records

        return getattr(records, name)
    if name == "Fact":
        from troopclaims.compare.facts import Fact

        return Fact
    raise AttributeError(f"module 'troopclaims' has no attribute {name!r}")
