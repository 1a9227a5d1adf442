"""The verdict on a fact's claims: the interval each claim allows, the camps of claims that can all be true at
once, and whether their differences are a conflict, a change over time or none (agree, single)."""
from __future__ import annotations

from collections import defaultdict
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
    """Return the maximal sets of claims whose intervals share a point, each with the shared interval."""
    everything = (float("-inf"), float("inf"))
    intervals = [interval(claim) for claim in claims]
    # A claim that allows any value ("a significant number") agrees with every camp, so it shapes none.
    informative = [i for i, interval in enumerate(intervals) if interval != everything]
    if not informative:
        return [(everything, tuple(range(len(claims))))] if claims else []
    found: list[tuple[tuple[float, float], frozenset[int]]] = []
    # Intervals on a line share a point iff they all hold some interval's left end: try each left end.
    for point in sorted({intervals[i][0] for i in informative}):
        members = frozenset(i for i in informative if intervals[i][0] <= point <= intervals[i][1])
        if members and not any(members <= other for _, other in found):
            found = [(span, other) for span, other in found if not other < members]
            shared = (max(intervals[i][0] for i in members), min(intervals[i][1] for i in members))
            found.append((shared, members))
    return [(shared, tuple(sorted(members))) for shared, members in found]


def _as_of_range(claims: list[Claim], members: Iterable[int]) -> tuple[float, float] | None:
    points = [_as_point(claims[i].as_of) for i in members]
    if not points or any(point is None for point in points):
        return None
    return min(points), max(points)


def verdict_of(claims: list[Claim], camps, cumulative: bool = False,
               interval: Callable[[Claim], tuple[float, float]] = claim_interval) -> str:
    """Return agree / conflict / changed / single for a fact's claims and camps (a cumulative count: as a series)."""
    if len(camps) == 1:
        return "single" if len({claim.source for claim in claims}) == 1 else "agree"
    if cumulative:
        return "changed" if _grows(claims, interval) else "conflict"
    current = [interval(claim) for claim in claims if not claim.earlier]
    if len(current) < len(claims) and current and max(low for low, _ in current) <= min(high for _, high in current):
        return "changed"  # only the earlier values the text revises differ ("raised the seats from 65 to 125")
    # Camps that hold at different times (every claim dated, the dates apart) are a change, not a conflict.
    spans = [_as_of_range(claims, members) for _, members in camps]
    if all(span is not None for span in spans):
        ordered = sorted(spans)
        if all(earlier[1] < later[0] for earlier, later in zip(ordered, ordered[1:])):
            return "changed"
    return "conflict"


def _day(claim: Claim) -> float | None:
    """Return the day a figure holds for (its as_of, else its publication), half a day earlier for an earlier value."""
    day = _as_point(claim.as_of or claim.published)
    return day - 0.5 if day is not None and claim.earlier else day


def _grows(claims: list[Claim], interval: Callable[[Claim], tuple[float, float]] = claim_interval) -> bool:
    """Return whether figures of a count that only grows fit one series: none below a figure of an earlier day,
    none apart from another of its own day, and none apart from any other when its day is unknown."""
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
                any(high < earlier_low for _, high in same):
            return False
        earlier_low = max(earlier_low, max(low for low, _ in same))
    return True
