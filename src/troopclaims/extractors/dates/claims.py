"""Date claims of an article, each resolved against its publication date and the date before it; one expression."""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Iterator

from troopclaims.extractors.dates.periods import Period, add_months, month_end
from troopclaims.extractors.dates.resolution import Resolution, interpret
from troopclaims.extractors.dates.rules import Form, _date_rules
from troopclaims.extractors.dates.scan import Atom, Mention, scan_mentions
from troopclaims.extractors.dates.tense import main_tense, tense_of
from troopclaims.extractors.dates.times import times
from troopclaims.records import Article, Claim
from troopclaims.spans import annotated, new_claim


def _as_date(published) -> date | None:
    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]")
_ANCHORED_FORM = Form("year_ago", re.compile("(?!x)x"), "anchored", None, (), None)


def _is_quarter(period: Period) -> bool:
    low, high = period.low, period.high
    return low.day == 1 and low.month in (1, 4, 7, 10) and high == month_end(*add_months(low.year, low.month, 2))


def _set_numeric_order(mentions: list[Mention]) -> None:
    """Read every numeric date of an article day first when one of them can only be day/month (22/04) and none
    can only be month/day (11/20)."""
    atoms = [atom for mention in mentions for atom in mention.atoms if atom.form.resolve == "numeric"]
    pairs = [(int(a.groups.get("a") or a.groups["a2"]), int(a.groups.get("b") or a.groups["b2"])) for a in atoms]
    day_first = any(a > 12 >= b for a, b in pairs)
    month_first = any(b > 12 >= a for a, b in pairs)
    if day_first and not month_first:
        for atom in atoms:
            atom.groups["_order"] = "dm"


def find_dates(doc, article: Article, rules) -> Iterator[Claim]:
    """Yield date claims (kind "date") in a spaCy Doc of article.text, resolved against article.published, then
    its times of day (kind "time"), each on the day beside it when there is one."""
    dr = _date_rules(rules)
    found = list(_dates(doc, article, dr, rules))
    yield from found
    if dr.times is not None:
        yield from times(doc, article, dr.times, found)


def _dates(doc, article: Article, dr, rules=None) -> Iterator[Claim]:
    """Yield the date claims of kind "date" of a Doc with the compiled date rules."""
    text = article.text
    published = _as_date(article.published)
    parsed = annotated(doc, "DEP")
    mentions = [mention for mention in scan_mentions(text, dr, article.body_start, len(text))
                if not (mention.atoms[0].form.unless_measure and _after_measure(text, mention.start, rules))]
    _set_numeric_order(mentions)
    anchor, anchor_end = None, 0
    for mention in mentions:
        tense = tense_of(doc, text, mention.start, mention.end, dr, parsed)
        lean = mention.bound.lean if mention.bound is not None and mention.bound.tense is None else None
        if tense is None and parsed and lean:
            # "The shelter, open until Friday, housed 300 people": the tense of the clause before the lean
            tense = main_tense(doc, mention.start, mention.end, dr)
        if anchor is not None and PARAGRAPH_BREAK.search(text, anchor_end, mention.start):
            anchor = None
        first = mention.atoms[0]
        if first.form.resolve == "offset" and "ago" in first.groups and anchor is not None \
                and _is_quarter(anchor) and not SENTENCE_BREAK.search(text, anchor_end, mention.start):
            # "third-quarter profit rose from a year ago": the quarter a year before, not the year.
            first = Atom(first.start, first.end, _ANCHORED_FORM, dict(first.groups, shift="ago"))
            mention = Mention(mention.start, mention.end, [first], mention.join, mention.bound)
        # without a parse a past verb is often not seen ("remained"), so a bound's lean is no better than the default
        resolution, period = interpret(mention, text, published, tense, dr,
                                        anchor if first.form.resolve == "anchored" else None, lean=parsed)
        if lean and (tense not in (None, lean) or not parsed) and resolution is not None \
                and _ends_before_start(mention, resolution, mentions, doc, text, published, dr, parsed):
            # "The curfew, in force until Friday, was imposed on Monday": a state lasts until after its start
            resolution, period = interpret(mention, text, published, lean, dr, None, lean=parsed)
        if resolution is None:
            continue
        if period.low is not None and period.high is not None and period.qualifier != "vague" \
                and mention.bound is None:
            anchor, anchor_end = period, mention.end
        yield new_claim(article, doc, mention.start, mention.end, "date", value=resolution.value,
                        low=resolution.low, high=resolution.high, qualifier=resolution.qualifier,
                        grain=resolution.grain)


def _ends_before_start(mention: Mention, resolution: Resolution, mentions: list[Mention], doc, text: str,
                       published: date | None, dr, parsed: bool) -> bool:
    """Return whether a bound's end, read in the tense of the main clause, falls before a date of that clause in
    the same sentence (the day the state it bounds began)."""
    if resolution.high is None:
        return False
    for other in mentions:
        if other is mention or other.bound is not None:
            continue
        lo, hi = sorted((other.start, mention.start))
        if SENTENCE_BREAK.search(text, lo, hi) or PARAGRAPH_BREAK.search(text, lo, hi):
            continue
        tense = tense_of(doc, text, other.start, other.end, dr, parsed)
        found = interpret(other, text, published, tense, dr, None, lean=parsed)[0]
        if found is not None and found.low is not None and found.grain == "day" and found.low > resolution.high:
            return True
    return False


def _after_measure(text: str, start: int, rules) -> bool:
    """Return whether the words right before a date are those of a measure (rules/quantities.yaml): a measured
    noun ("magnitude 3.6", "aftershocks of 3.4": the noun and a measure link) or a link opening a range
    ("ranging from 3.6 to 4.3", "measuring 4.1"): the figure is a measure, not a day."""
    if rules is None:
        return False
    lexicon = rules.lexicon("quantities")
    words = re.findall(r"[a-z]+", text[max(0, start - 40):start].lower())
    if words[-1:] in (["from"], ["between"]):
        words.pop()
    if not words:
        return False

    def measured(word: str) -> bool:
        return word in lexicon.measures or word.endswith("s") and word[:-1] in lexicon.measures

    *_, before, last = ["", *words]
    return measured(last) or last in lexicon.measure_links and (last != "of" or measured(before))


def resolve(expression: str, published: date | str | None, future: bool = False, rules=None) -> Resolution | None:
    """Return the resolution of one date expression ("last week", "by the end of August") against a publication
    date, read as future tense when future is true; None when the expression is not one date."""
    dr = _date_rules(rules)
    stripped = expression.strip().rstrip(".,;:")
    mentions = scan_mentions(stripped, dr)
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    leading = stripped[:mention.start].strip().lower()
    if leading not in ("", "on", "in", "at", "during") or stripped[mention.end:].strip():
        return None
    tense = "future" if future else None
    return interpret(mention, stripped, _as_date(published), tense, dr)[0]
