"""Why a count that only grows is in conflict, in words: which claims cannot both be true, who says each, and when.

A toll read as a series (the cumulative aspects of rules/aspects.yaml) is in conflict for a reason its camps do not
show: "27 on Wednesday, 41 on Thursday" is a rise, and the clash is elsewhere, two figures of one day or a figure
that fell. Knows nothing of click.
"""
from __future__ import annotations

from datetime import date
from typing import Callable

from troopclaims.compare.facts import Fact, aspect_label, claim_interval
from troopclaims.records import Claim
from troopclaims.output.render import interval

MAX_CLASHES = 3


def is_series(fact: Fact, cumulative) -> bool:
    """Return whether compare read the fact as a series over days (a count of a cumulative aspect)."""
    return fact.kind == "quantity" and aspect_label(fact.aspect) in cumulative


def _day(claim) -> float | None:
    """Return the day a figure holds for as compare orders a series: its as_of, else its publication date (an
    earlier value the text revises, half a day before)."""
    text = claim.as_of or claim.published
    if not text or len(text) != 10:
        return None
    try:
        day = float(date.fromisoformat(text).toordinal())
    except ValueError:
        return None
    return day - 0.5 if claim.earlier else day


def _when(claim, day: Callable[[str], str]) -> str:
    """Return the day a figure holds for, in words: "on 2030-05-05" (its as_of, else its publication day), "before
    2030-05-05" (an earlier value the text revises, of no day of its own), or "on a day not known"."""
    if claim.as_of:
        return f"on {day(claim.as_of)}"
    if claim.published:
        return f"{'before' if claim.earlier else 'on'} {day(claim.published)}"
    return "on a day not known"


def clashes(fact: Fact) -> list[tuple[int, int]]:
    """Return the pairs of claims (indices, the earlier day first) of a series that cannot both be true: in no camp
    together, and of one day, of a day not known, or the later one lower."""
    together = {(i, j) for camp in fact.camps for i in camp.members for j in camp.members}
    days = [_day(claim) for claim in fact.claims]
    order = sorted(range(len(fact.claims)), key=lambda i: (days[i] is None, days[i] or 0.0, i))
    found = []
    for at, first in enumerate(order):
        for second in order[at + 1:]:
            if (first, second) in together:
                continue
            if days[first] is not None and days[second] is not None and days[first] != days[second] and \
                    claim_interval(fact.claims[second])[1] >= claim_interval(fact.claims[first])[0]:
                continue        # higher on a later day: the count grew
            found.append((first, second))
    return found


def why(fact: Fact, cumulative, source: Callable[[Claim], str] = lambda claim: claim.source,
        day: Callable[[str], str] = str, figure: Callable[[Claim], str] | None = None) -> str | None:
    """Return why a series is in conflict ("on 2030-05-06, 38 (...) and 41 (...) cannot both be true"), or None
    when the fact is no series in conflict. `source` names a claim's article, `day` writes an ISO day and
    `figure` a claim's interval (the report's: the outlet, "6 May 2030", "50 or more people")."""
    if fact.verdict != "conflict" or not is_series(fact, cumulative):
        return None

    def _said(claim) -> str:
        who = f"{claim.speaker} in {source(claim)}" if claim.speaker else source(claim)
        return f"{(figure or interval)(claim) or claim.text} ({who})"

    reasons = []        # (rank, words): two figures of one day first, then of a day not known, then a fall
    falls: dict[tuple[int, str], list] = {}     # the figures of one later day below one earlier figure
    for first, second in clashes(fact):
        a, b = fact.claims[first], fact.claims[second]
        if _day(a) is None or _day(b) is None:
            reasons.append((1, f"{_said(a)} {_when(a, day)} and {_said(b)} {_when(b, day)} cannot both be true"))
        elif _day(a) == _day(b):
            reasons.append((0, f"{_when(a, day)}, {_said(a)} and {_said(b)} cannot both be true"))
        else:
            falls.setdefault((first, _when(b, day)), []).append(b)
    for (first, later), below in falls.items():
        a = fact.claims[first]
        reasons.append((2, f"{' and '.join(_said(b) for b in below)} {later} "
                           f"{'is' if len(below) == 1 else 'are'} below {_said(a)} {_when(a, day)}, "
                           "and this count only grows"))
    if not reasons:
        return None
    reasons = [words for _, words in sorted(reasons, key=lambda reason: reason[0])]
    more = len(reasons) - MAX_CLASHES
    return "; ".join(reasons[:MAX_CLASHES]) + (f"; and {more} more" if more > 0 else "")


def over_time(fact: Fact, cumulative, day: Callable[[str], str] = str,
              figure: Callable[[Claim], str] | None = None) -> str | None:
    """Return how a series that changed moved, day by day ("12.. on 2030-05-04, then 27 on 2030-05-05"), or None
    when the fact is no series that changed. Figures of a day not known are left out: they fit the series."""
    if fact.verdict != "changed" or not is_series(fact, cumulative):
        return None
    by_day: dict[float, list[str]] = {}
    for claim in sorted(fact.claims, key=lambda claim: _day(claim) or 0.0):
        at = _day(claim)
        if at is not None:
            said = (figure or interval)(claim) or claim.text
            if said not in by_day.setdefault(at, []):
                by_day[at].append(said)
    steps = []
    for at, figures in by_day.items():
        claim = next(claim for claim in fact.claims if _day(claim) == at)
        steps.append(f"{' or '.join(figures)} {_when(claim, day)}")
    return ", then ".join(steps) if len(steps) > 1 else None
