"""The verdict on a fact's claims: the interval each claim allows, the camps of claims that can all be true at
once, and whether their differences are a conflict, a change over time or none (agree, single)."""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable

from troopclaims.records import Claim


def _as_point(value) -> float | None:
    """Return a number for a figure or an ISO date (dates as day ordinals), None when there is none."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value)
    try:
        if len(text) == 10:
            return float(date.fromisoformat(text).toordinal())
        return float(text)
    except ValueError:
        return None


def claim_interval(claim: Claim) -> tuple[float, float]:
    """Return the closed interval a claim allows, with open ends as -inf/+inf (a bare vague claim allows all)."""
    low, high = _as_point(claim.low), _as_point(claim.high)
    if low is None and high is None and claim.qualifier not in ("vague", "at_least", "at_most"):
        low = high = _as_point(claim.value)
    return (low if low is not None else float("-inf"), high if high is not None else float("inf"))


def camps_of(claims: list[Claim], interval: Callable[[Claim], tuple[float, float]] = claim_interval
             ) -> list[tuple[tuple[float, float], tuple[int, ...]]]:
    """Return the maximal sets of claims whose intervals share a point, each with the shared interval, from left
    to right."""
    everything = (float("-inf"), float("inf"))
    intervals = [interval(claim) for claim in claims]
    # A claim that allows any value ("a significant number") agrees with every camp, so it shapes none.
    informative = [i for i, interval in enumerate(intervals) if interval != everything]
    if not informative:
        return [(everything, tuple(range(len(claims))))] if claims else []
    # A sweep along the line (closed intervals: a start before an end at one point): the claims open when the first
    # end comes after a start are a maximal set. Linear in the claims and the camps' sizes, not quadratic.
    events = sorted([(intervals[i][0], 0, i) for i in informative] + [(intervals[i][1], 1, i) for i in informative])
    found, open_now, opening = [], set(), False
    for _, end, i in events:
        if not end:
            open_now.add(i)
            opening = True
            continue
        if opening:
            members = tuple(sorted(open_now))
            shared = (max(intervals[m][0] for m in members), min(intervals[m][1] for m in members))
            found.append((shared, members))
            opening = False
        open_now.discard(i)
    return found


def _as_of_range(claims: list[Claim], members: Iterable[int]) -> tuple[float, float] | None:
    points = [_as_point(claims[i].as_of) for i in members]
    if not points or any(point is None for point in points):
        return None
    return min(points), max(points)


@dataclass(frozen=True)
class Reason:
    """One ground of a fact's verdict: how some of its claims (indices into the fact's claims) stand to each other.

    `why` is one of: `same_day` (two figures of a series for one day, apart), `day_unknown` (a figure of a series of
    no known day, apart from another), `fell` (a later day's figure of a series below an earlier one's), `grew` (the
    figures of one day of a series that changed, in day order), `apart` (rival camps that cannot all be true),
    `dated_apart` (camps that hold on different days), `revised` (only earlier values the text revises differ, and the earlier reports' figures that state them).
    `day` is the ISO day the claims hold for (`same_day`, `grew`; the later day for `fell`), else None."""

    why: str
    claims: tuple[int, ...]
    day: str | None = None

    def to_dict(self) -> dict:
        """Return the reason as a JSON-ready record."""
        return {"why": self.why, "claims": list(self.claims), "day": self.day}


def judged(claims: list[Claim], camps, cumulative: bool = False,
           interval: Callable[[Claim], tuple[float, float]] = claim_interval,
           falls: bool = False) -> tuple[str, list[Reason]]:
    """Return the verdict on a fact's claims and camps (agree, conflict, changed, single; a cumulative count read as
    a series over days, one that `falls` too read as a series in both directions) with its reasons (none for agree
    and single)."""
    if len(camps) == 1:
        if cumulative and _rose(claims, interval):
            return "changed", _steps(claims)      # "more than 7,000" on Monday, 9,400 on Tuesday: the toll rose
        return ("single" if len({claim.source for claim in claims}) == 1 else "agree"), []
    everyone = tuple(range(len(claims)))
    if cumulative:
        if _grows(claims, interval, falls):
            return "changed", _steps(claims)
        return "conflict", clashes(claims, interval, falls)
    old = _revised(claims, interval)
    current = [interval(claim) for i, claim in enumerate(claims) if i not in old]
    if old and current and max(low for low, _ in current) <= min(high for _, high in current):
        # only the earlier values the text revises differ ("raised the seats from 65 to 125"), and the figures
        # of earlier reports that state them ("2,000" on Monday; "4,500, up from 2,000" on Wednesday)
        return "changed", [Reason("revised", tuple(sorted(old)))]
    # Camps that hold at different times (every claim dated, the dates apart) are a change, not a conflict.
    spans = [_as_of_range(claims, members) for _, members in camps]
    if all(span is not None for span in spans):
        ordered = sorted(spans)
        if all(earlier[1] < later[0] for earlier, later in zip(ordered, ordered[1:])):
            return "changed", [Reason("dated_apart", everyone)]
    return "conflict", [Reason("apart", everyone)]


def _revised(claims: list[Claim], interval: Callable[[Claim], tuple[float, float]]) -> set[int]:
    """Return the indices of the earlier values the text revises ("up from 2,000", "revised from 290") and of the
    figures that state such a value before the article that revises it, or that its speaker states: they are what it
    was, no rival. Another speaker's figure of the revision's day, or of a day not known, is a rival."""
    earlier = [(interval(claim), _as_point(claim.published), claim.source, _speaker(claim))
               for claim in claims if claim.earlier]
    old = {i for i, claim in enumerate(claims) if claim.earlier}
    for i, claim in enumerate(claims):
        low, high = interval(claim)
        day = _as_point(claim.as_of or claim.published)
        # never the revising article's own new figure
        if any(low <= e_high and e_low <= high and source != claim.source
               and (day is not None and revised is not None and day < revised
                    or speaker is not None and speaker == _speaker(claim))
               for (e_low, e_high), revised, source, speaker in earlier):
            old.add(i)
    return old if len(old) < len(claims) else set()


def _speaker(claim: Claim) -> str | None:
    """Return who states a figure, in lower case; None for an outlet's own voice (no two outlets share it)."""
    return " ".join(claim.speaker.lower().split()) if claim.speaker else None


def _rose(claims: list[Claim], interval: Callable[[Claim], tuple[float, float]]) -> bool:
    """Return whether the figures of a count that only grows, all of one camp, moved up over days: a later day's
    figure lies above all of an earlier day's figure as written (its range, its "about" band, its bound: "more than
    7,000" on Monday, 9,400 on Tuesday); none lies below one. "About 9,000", then 9,400, or "between 7,000 and
    8,000", then 7,500, is no change."""
    stated = [(day, span) for claim in claims
              if (day := _day(claim)) is not None and (span := interval(claim)) != (float("-inf"), float("inf"))]
    rose = False
    for day, span in stated:
        low, high = _as_written(span)
        for later, (after_low, after_high) in stated:
            if later > day and after_low > high:
                rose = True
            elif later > day and after_high < low:
                return False
    return rose


def _as_written(span: tuple[float, float]) -> tuple[float, float]:
    """Return the figures a claim writes: its interval, a bound's open end closed at the bound ("more than 7,000"
    writes 7,000)."""
    low, high = span
    return (high if low == float("-inf") else low), (low if high == float("inf") else high)


def _iso(day: float | None) -> str | None:
    """Return the ISO day of a day ordinal (an earlier value's half day: the day it precedes), or None."""
    return None if day is None else date.fromordinal(int(-(-day // 1))).isoformat()


def _steps(claims: list[Claim]) -> list[Reason]:
    """Return the days of a series that changed, in order, each with its figures (figures of no known day left out:
    they fit the series)."""
    by_day: dict[float, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        if (day := _day(claim)) is not None:
            by_day[day].append(i)
    return [Reason("grew", tuple(members), _iso(day)) for day, members in sorted(by_day.items())]


def clashes(claims: list[Claim], interval: Callable[[Claim], tuple[float, float]] = claim_interval,
            falls: bool = False) -> list[Reason]:
    """Return the pairs of figures of a series that cannot both be true (the earlier day first): apart (no point in
    common), and of one day, of a day not known, or the later one lower (unless the count `falls` too). Figures alike (one interval, one day) are
    judged once, and only figures that can clash are paired: a story of many reports is not judged pair by pair."""
    days = [_day(claim) for claim in claims]
    alike: dict[tuple, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        alike[(interval(claim), days[i])].append(i)
    position = {i: at for at, i in enumerate(sorted(range(len(claims)),
                                                    key=lambda i: (days[i] is None, days[i] or 0.0, i)))}
    found: list[tuple[list[int], list[int], str]] = []
    by_day: dict[float | None, list[tuple]] = defaultdict(list)
    for (span, day), members in alike.items():
        by_day[day].append((span, members))
    unknown = by_day.pop(None, [])
    dated = [group for day in sorted(by_day) for group in by_day[day]]
    for at, (span, members) in enumerate(unknown):
        found.extend((members, other, "day_unknown") for other_span, other in unknown[at + 1:] + dated
                     if _apart(span, other_span))
    for day in sorted(by_day):
        groups = by_day[day]
        found.extend((members, other, "same_day") for at, (span, members) in enumerate(groups)
                     for other_span, other in groups[at + 1:] if _apart(span, other_span))
    # a later day's figures below an earlier day's (no clash for a count that falls too): the earlier groups kept
    # in order of their low ends
    lows: list[float] = []
    earlier: list[list[int]] = []
    for day in [] if falls else sorted(by_day):
        for (_, high), members in by_day[day]:
            found.extend((previous, members, "fell") for previous in earlier[bisect.bisect_right(lows, high):])
        for (low, _), members in by_day[day]:
            at = bisect.bisect_right(lows, low)
            lows.insert(at, low)
            earlier.insert(at, members)
    pairs = []
    for one, other, why in found:
        for i in one:
            for j in other:
                pair = (i, j) if position[i] < position[j] else (j, i)
                pairs.append((position[pair[0]], position[pair[1]], why, pair))
    return [Reason(why, pair, None if why == "day_unknown" else _iso(days[pair[1]]))
            for _, _, why, pair in sorted(pairs)]


def _apart(one: tuple[float, float], other: tuple[float, float]) -> bool:
    return one[1] < other[0] or other[1] < one[0]


def _day(claim: Claim) -> float | None:
    """Return the day a figure holds for (its as_of, else its publication), half a day earlier for an earlier value."""
    day = _as_point(claim.as_of or claim.published)
    return day - 0.5 if day is not None and claim.earlier else day


def _grows(claims: list[Claim], interval: Callable[[Claim], tuple[float, float]] = claim_interval,
           falls: bool = False) -> bool:
    """Return whether figures of a count that only grows fit one series: none below a figure of an earlier day
    (unless the count `falls` too), none apart from another of its own day, and none apart from any other when its
    day is unknown."""
    intervals = [interval(claim) for claim in claims]
    days = [_day(claim) for claim in claims]
    lows = sorted(low for low, _ in intervals)
    highs = sorted(high for _, high in intervals)
    for (low, high), day in zip(intervals, days):
        if day is None:    # apart from some other claim: above the lowest other high or below the highest other low
            other_high = highs[1] if highs[0] == high and len(highs) > 1 else highs[0]
            other_low = lows[-2] if lows[-1] == low and len(lows) > 1 else lows[-1]
            if low > other_high or high < other_low:
                return False
    by_day: dict[float, list[tuple[float, float]]] = defaultdict(list)
    for interval, day in zip(intervals, days):
        if day is not None:
            by_day[day].append(interval)
    earlier_low = float("-inf")
    for day in sorted(by_day):
        same = by_day[day]
        if min(high for _, high in same) < max(low for low, _ in same) or \
                not falls and any(high < earlier_low for _, high in same):
            return False
        earlier_low = max(earlier_low, max(low for low, _ in same))
    return True
