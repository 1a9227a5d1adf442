"""Why a count that only grows is in conflict, in words: which claims cannot both be true, who says each, and when.

A toll read as a series (the cumulative aspects of rules/aspects.yaml) is in conflict for a reason its camps do not
show: "27 on Wednesday, 41 on Thursday" is a rise, and the clash is elsewhere, two figures of one day or a figure
that fell. compare.verdicts finds those reasons and puts them on the fact (`Fact.reasons`); this module only says
them. Knows nothing of click.
"""
from __future__ import annotations

from typing import Callable

from troopclaims.compare.facts import Fact, aspect_label
from troopclaims.records import Claim
from troopclaims.output.render import interval

MAX_CLASHES = 3
_RANK = {"same_day": 0, "day_unknown": 1, "fell": 2}     # two figures of one day first, then of no day, then a fall


def is_series(fact: Fact, cumulative) -> bool:
    """Return whether compare read the fact as a series over days (a count of a cumulative aspect)."""
    return fact.kind == "quantity" and aspect_label(fact.aspect) in cumulative


def _when(claim, day: Callable[[str], str]) -> str:
    """Return the day a figure holds for, in words: "on 2030-05-05" (its as_of, else its publication day), "before
    2030-05-05" (an earlier value the text revises, of no day of its own), or "on a day not known"."""
    if claim.as_of:
        return f"on {day(claim.as_of)}"
    if claim.published:
        return f"{'before' if claim.earlier else 'on'} {day(claim.published)}"
    return "on a day not known"


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

    reasons = []
    falls: dict[tuple[int, str], list] = {}     # the figures of one later day below one earlier figure
    for reason in fact.reasons:
        if reason.why not in _RANK:
            continue
        a, b = (fact.claims[i] for i in reason.claims)
        if reason.why == "day_unknown":
            reasons.append((_RANK[reason.why],
                            f"{_said(a)} {_when(a, day)} and {_said(b)} {_when(b, day)} cannot both be true"))
        elif reason.why == "same_day":
            reasons.append((_RANK[reason.why], f"{_when(a, day)}, {_said(a)} and {_said(b)} cannot both be true"))
        else:
            falls.setdefault((reason.claims[0], _when(b, day)), []).append(b)
    for (first, later), below in falls.items():
        a = fact.claims[first]
        reasons.append((_RANK["fell"], f"{' and '.join(_said(b) for b in below)} {later} "
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
    steps = []
    for reason in fact.reasons:
        if reason.why != "grew":
            continue
        figures: list[str] = []
        for i in reason.claims:
            if (said := (figure or interval)(fact.claims[i]) or fact.claims[i].text) not in figures:
                figures.append(said)
        steps.append(f"{' or '.join(figures)} {_when(fact.claims[reason.claims[0]], day)}")
    return ", then ".join(steps) if len(steps) > 1 else None
