"""Ages and durations compared across sources: an age with the ages of the same person ("Smith" is the one "Adam
Smith" of the story), a duration with those of the same event ("the standoff"; "served", of the same subject).

Verdicts are the figures' (camps of intervals that share a point, qualifiers and ranges read the same way), on
one scale per fact: each claim's interval in the fact's most common unit ("36 hours" beside "two days").
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable

from troopclaims.compare.facts import Camp, Fact
from troopclaims.compare.verdicts import camps_of, claim_interval, judged
from troopclaims.records import Claim

_SUFFIX = re.compile(r"(?:ing|ed|es|s)$")
# the average length in days of a calendar unit (as rules/spans_of_time.yaml gives it) -> its shortest and longest
_CALENDAR = {30.4375: (28.0, 31.0), 365.25: (365.0, 366.0), 3652.5: (3652.0, 3653.0), 36525.0: (36524.0, 36525.0)}
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
        # from one unit to another, a calendar unit is as long as its shortest and its longest ("three months" is
        # 84 to 93 days, no rival of "90 days"); the rules give months and years their average length
        shortest, longest = _lengths(days.get(claim.unit or "", 1.0))
        to_shortest, to_longest = _lengths(days.get(unit or "", 1.0))
        return low * shortest / to_longest, high * longest / to_shortest

    camps = camps_of(claims, interval)
    fact = SpanFact(kind, unit, None, None, None, claims, name=_name(kind, claims),
                    factors=tuple(days.get(claim.unit or "", 1.0) / days.get(unit or "", 1.0) for claim in claims))
    fact.camps = [Camp(_end(low), _end(high), members) for (low, high), members in camps]
    fact.verdict, fact.reasons = judged(claims, camps, interval=interval)
    return fact


def _lengths(average: float) -> tuple[float, float]:
    return _CALENDAR.get(average, (average, average))


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
