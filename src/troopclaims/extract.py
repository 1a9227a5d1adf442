"""The extract job: articles in, claims out, each claim with its unit, event, place and speaker."""
from __future__ import annotations

import io
import itertools
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from troopclaims.articles import ReadReport, masked_text, read_articles, read_claims, sniff_jsonl
from troopclaims.events import event_lexicon, governing_event
from troopclaims.pipeline import BLANK, BLANK_LOSSES, choose_model, load_pipeline
from troopclaims.quantities import quantities
from troopclaims.records import Article, Claim

DEFAULT_KINDS = ("quantity", "date")
ALL_KINDS = ("quantity", "date", "place")


def extract(articles: Iterable[Article], nlp, rules, kinds: Iterable[str] = DEFAULT_KINDS,
            warn: Callable[[str], None] = lambda message: None) -> Iterator[Claim]:
    """Yield the claims of every article, article by article, in text order."""
    kinds = tuple(kinds)
    pairs = ((masked_text(article), article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=8):
        yield from claims_in(doc, article, rules, kinds)


def claims_in(doc, article: Article, rules, kinds: tuple[str, ...] = DEFAULT_KINDS) -> list[Claim]:
    """Return the claims of one parsed article."""
    claims = list(quantities(doc, article, rules)) if "quantity" in kinds else []
    lexicon = event_lexicon(rules)
    claims = [claim.with_fields(**dict(zip(("event", "aspect"), governing_event(doc, claim.start, claim.end, lexicon))))
              for claim in claims]
    return sorted(claims, key=lambda claim: (claim.start, claim.end))


def claims_from_inputs(paths: Iterable[str], rules, model: str | None = None, kinds: Iterable[str] = DEFAULT_KINDS,
                       published: str | None = None, warn: Callable[[str], None] = lambda message: None,
                       report: ReadReport | None = None, stdin: TextIO | None = None,
                       accept_claims: bool = False) -> Iterator[Claim]:
    """Yield the claims of the inputs: extracted from articles, or read as they are from claims JSON Lines.

    The spaCy pipeline is loaded only when there is an article to read. With accept_claims, a .jsonl file or
    stdin whose records are claims (as extract prints them) is read as claims; otherwise JSON Lines are articles.
    """
    report = report if report is not None else ReadReport()
    article_paths: list[str] = []
    for path in paths:
        lines = _jsonl_lines(path, stdin, warn, report) if accept_claims else None
        if lines is None:
            article_paths.append(path)
        elif sniff_jsonl(lines) == "claims":
            yield from read_claims(lines, "<stdin>" if path == "-" else path, warn, report)
        else:
            article_paths.append(path)
            if path == "-":
                stdin = io.StringIO("".join(lines))
    if not article_paths:
        return
    articles = read_articles(article_paths, warn, report, published=published, stdin=stdin)
    first = next(articles, None)
    if first is None:
        return
    name = choose_model(model)
    if name == BLANK:
        warn(BLANK_LOSSES)
    nlp = load_pipeline(name)
    yield from extract(itertools.chain([first], articles), nlp, rules, kinds, warn)


def _jsonl_lines(path: str, stdin: TextIO | None, warn, report: ReadReport) -> list[str] | None:
    """Return the lines of stdin or a .jsonl file (to sniff what they hold), None for other paths."""
    if path == "-":
        return stdin.readlines() if stdin is not None else []
    if not path.endswith(".jsonl") or not Path(path).is_file():
        return None
    try:
        return Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
    except (OSError, UnicodeDecodeError) as exc:
        report.skip(path, f"cannot read ({exc}); give UTF-8 JSON Lines", warn)
        return []
