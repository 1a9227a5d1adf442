"""Ages and durations compared across sources: an age with the ages of the same person ("Smith" is the one "Adam
Smith" of the story), a duration with those of the same event ("the standoff"; "served", of the same subject).

Verdicts are the figures' (camps of intervals that share a point, qualifiers and ranges read the same way), on
one scale per fact: each claim's interval in the fact's most common unit ("36 hours" beside "two days").
"""
from __future__ import annotations

import bisect
import calendar
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Callable

from troopclaims.compare.facts import Camp, Fact
from troopclaims.compare.verdicts import camps_of, claim_interval, judged
from troopclaims.records import Claim

_SUFFIX = re.compile(r"(?:ing|ed|es|s)$")
# the average length in days of a calendar unit (as rules/spans_of_time.yaml gives it) -> the months it holds
_CALENDAR = {30.4375: 1, 365.25: 12, 3652.5: 120, 36525.0: 1200}
# the days of each month of a 400-year Gregorian cycle, the calendar's whole period, and their running sums
_MONTHS = [calendar.monthrange(2000 + i // 12, i % 12 + 1)[1] for i in range(4800)]
_CYCLE = sum(_MONTHS)
_SUMS = [0, *accumulate(_MONTHS + _MONTHS)]
_ARTICLES = frozenset(("the", "a", "an"))


def span_facts(claims: list[Claim], rules, warn: Callable[[str], None] = lambda message: None) -> list[Fact]:
    """Return the facts of age and duration claims, each with its camps and verdict; a claim that says not whose
    age or what lasted is left out, and said so."""
    days = rules.lexicon("spans_of_time").days
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    unknown = 0
    for claim in claims:
        key = _key(claim)
        if key is None:
            unknown += 1
        else:
            groups[key].append(claim)
    if unknown:
        warn(f"left out {unknown} age{'s' * (unknown != 1)} or duration{'s' * (unknown != 1)} that say not whose "
             "age or what lasted (a pronoun, or no noun or verb found)")
    facts = [_fact(kind, members, days) for (kind, _, _), merged in _same_people(groups).items()
             for members in _apart(kind, merged)]
    taken: Counter = Counter()
    for fact in facts:
        taken[fact.name] += 1
        fact.name = fact.name if taken[fact.name] == 1 else f"{fact.name} #{taken[fact.name]}"
    return facts


@dataclass
class SpanFact(Fact):
    """A fact of ages or durations: `factors` turn each claim's figures into the fact's unit (36 hours in days)."""

    factors: tuple[float, ...] = ()


def _key(claim: Claim) -> tuple[str, str, frozenset[str]] | None:
    """Return (kind, what, who) a claim is grouped by: an age by the words of its person; a duration by its event
    word (stemmed: "served", "serving") and the words of that event's subject."""
    if claim.kind == "age":
        words = _words(claim.subject)
        return (claim.kind, "", words) if words else None
    event = _words(claim.event)
    if not event:
        return None
    head = max(event, key=lambda word: claim.event.lower().split().index(word))     # its last word
    return claim.kind, _SUFFIX.sub("", head) if len(head) > 4 else head, _words(claim.subject)


def _words(phrase: str | None) -> frozenset[str]:
    return frozenset(word for word in (phrase or "").lower().split() if word not in _ARTICLES)


def _same_people(groups: dict[tuple, list[Claim]]) -> dict[tuple, list[Claim]]:
    """Merge each group into the one group of the same kind and event whose person holds all its words ("Smith"
    into "Adam Smith", a duration of no subject into the one subject of its event); with two candidates ("Adam
    Smith", "Eve Smith") it stays apart."""
    merged: dict[tuple, list[Claim]] = defaultdict(list)
    for (kind, what, who), members in groups.items():
        wider = [other for other in groups if other[:2] == (kind, what) and who < other[2]
                 and not any(other[2] < third[2] for third in groups if third[:2] == (kind, what))]
        merged[wider[0] if len(wider) == 1 else (kind, what, who)].extend(members)
    return merged


def _apart(kind: str, claims: list[Claim]) -> list[list[Claim]]:
    """Return the claims of a group as the people they are of: a name is one person across articles, and so is a
    noun ("the gunman" of one story), unless one article gives that noun two ages ("a 24-year-old man ... his
    neighbour, a 60-year-old man"): then each article's age of it is a person of its own."""
    if kind != "age" or any(word[:1].isupper() for claim in claims for word in (claim.subject or "").split()):
        return [claims]
    ages: dict[str, set] = defaultdict(set)
    for claim in claims:
        ages[claim.source].add(claim_interval(claim))
    if all(len(intervals) == 1 for intervals in ages.values()):
        return [claims]
    people: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        people[(claim.source, claim_interval(claim))].append(claim)
    return list(people.values())


def _fact(kind: str, claims: list[Claim], days: dict[str, float]) -> Fact:
    """Return the fact of one group: its unit (the most common), camps on that unit's scale, verdict and name."""
    unit = Counter(claim.unit for claim in claims).most_common(1)[0][0]

    def interval(claim: Claim) -> tuple[float, float]:
        low, high = claim_interval(claim)
        if claim.unit == unit:
            return low, high
        # from one unit to another, N calendar units last from the shortest to the longest run of N of them in a
        # row ("three months" is 89 to 92 days, no rival of "90 days"; "12 months" is 365 or 366, a rival of 340)
        here, there = days.get(claim.unit or "", 1.0), days.get(unit or "", 1.0)
        return _count(_days(low, here, 0), there, 1), _count(_days(high, here, 1), there, 0)

    camps = camps_of(claims, interval)
    fact = SpanFact(kind, unit, None, None, None, claims, name=_name(kind, claims),
                    factors=tuple(days.get(claim.unit or "", 1.0) / days.get(unit or "", 1.0) for claim in claims))
    fact.camps = [Camp(_end(low), _end(high), members) for (low, high), members in camps]
    fact.verdict, fact.reasons = judged(claims, camps, interval=interval)
    return fact


@lru_cache(maxsize=None)
def _run(months: int) -> tuple[int, int]:
    """Return the days of the shortest and the longest run of `months` calendar months in a row."""
    whole, rest = divmod(months, len(_MONTHS))
    runs = [_SUMS[start + rest] - _SUMS[start] for start in range(len(_MONTHS))]
    return whole * _CYCLE + min(runs), whole * _CYCLE + max(runs)


def _days(count: float, average: float, longest: int) -> float:
    """Return the days `count` units last at the shortest (longest 0) or the longest (1): a calendar unit by its
    runs of months, a part month in proportion, any other unit by its length."""
    months = _CALENDAR.get(average)
    if months is None or count in (float("inf"), float("-inf")) or count <= 0:
        return count * average
    whole, part = divmod(count * months, 1)
    below, above = _run(int(whole))[longest], _run(int(whole) + 1)[longest]
    return below + part * (above - below)


def _count(days: float, average: float, longest: int) -> float:
    """Return the units whose shortest (longest 0) or longest (1) run lasts `days`: _days the other way."""
    months = _CALENDAR.get(average)
    if months is None or days in (float("inf"), float("-inf")) or days <= 0:
        return days / average
    guess = max(0, int(days * months / average) - 2)      # a run of months is never far from its average
    whole = guess + bisect.bisect_right(range(guess, guess + 8), days, key=lambda n: _run(n)[longest]) - 1
    below, above = _run(whole)[longest], _run(whole + 1)[longest]
    return (whole + (days - below) / (above - below)) / months


def _end(point: float) -> float | None:
    return None if point in (float("inf"), float("-inf")) else float(f"{point:.6g}")


def _name(kind: str, claims: list[Claim]) -> str:
    """Return the fact in words: "age: Adam Smith", "duration: standoff", "duration: served (Okafor)"."""
    def longest(field: str) -> str | None:
        values = Counter(getattr(claim, field) for claim in claims if getattr(claim, field))
        return max(values, key=lambda value: (len(value.split()), values[value], value)) if values else None

    if kind == "age":
        return f"age: {longest('subject')}"
    subject = longest("subject")
    event = Counter(claim.event for claim in claims if claim.event).most_common(1)[0][0]
    return f"duration: {event}" + (f" ({subject})" if subject else "")
