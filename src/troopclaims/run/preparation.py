"""What the parent reads of an article before its claims: the page furniture to blank and the date of its dateline.

Both are a function of the article's text and the rules, which the cache key holds, so they are stored with the
article's claims: a run from the cache gives each article its furniture and dateline (and says so on stderr, as
the run that found them did) without reading a line of it again.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from troopclaims.reading.articles import ReadReport, masked_text
from troopclaims.reading.furniture import furniture_spans, with_furniture
from troopclaims.records import Article


@dataclass(frozen=True)
class Preparation:
    """The furniture lines of an article, as (start, end) spans, and the date of its dateline when it needs one."""

    blanked: tuple[tuple[int, int], ...] = ()
    dateline: str | None = None
    updated: bool = False           # the dateline is an update stamp's ("Updated 14:05 GMT, 5 May 2031")

    def to_dict(self) -> dict:
        return {"blanked": [list(span) for span in self.blanked], "dateline": self.dateline, "updated": self.updated}

    @classmethod
    def from_dict(cls, data: dict) -> Preparation:
        blanked, dateline = data["blanked"], data["dateline"]
        if not isinstance(blanked, list) or not all(isinstance(span, list) and len(span) == 2 and
                                                    all(type(at) is int for at in span) for span in blanked) \
                or not isinstance(dateline, (str, type(None))) or not isinstance(data.get("updated", False), bool):
            raise ValueError("not the furniture and dateline of an article")
        return cls(tuple((start, end) for start, end in blanked), dateline, data.get("updated", False))


def prepare(article: Article, rules) -> Preparation:
    """Return the furniture of an article and, when it has no publication date, the date of its dateline."""
    from troopclaims.extractors.dates.dateline import find_dateline_stamp     # not imported by a run from the cache

    spans = furniture_spans(article.text, rules.lexicon("page"), article.body_start)
    dateline, updated = None, False
    if article.published is None:
        text = masked_text(replace(article, blanked=spans) if spans else article)
        dateline, updated = find_dateline_stamp(text, rules=rules)
    return Preparation(spans, dateline, updated)


def prepared(article: Article, preparation: Preparation, warn: Callable[[str], None],
             report: ReadReport | None = None) -> Article:
    """Return the article with its furniture marked to be blanked and its dateline's date, each said on stderr."""
    article = with_furniture(article, preparation.blanked, warn, report)
    if preparation.dateline and article.published is None:
        where = "its update stamp (published that day or before)" if preparation.updated else "its dateline"
        warn(f"{article.where}: no publication date given; using {preparation.dateline} from {where}")
        article = replace(article, published=preparation.dateline)
    return article
