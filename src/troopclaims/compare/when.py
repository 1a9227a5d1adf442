"""Dates and times of one happening: the event classes of rules/events.yaml, which put the dates and times of one
happening side by side whatever word each article uses for it."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from troopclaims.errors import RulesError
from troopclaims.records import WHEN_KINDS, Claim
from troopclaims.rules import LineDict, check_keys, location, word_list

CLASS = "class:"      # the mark of an aspect key that is an event class: "class:shooting"


@dataclass(frozen=True)
class EventClasses:
    """Written forms of event words mapped to the class of happening they name ("gunfire" -> shooting)."""

    classes: dict[str, str] = field(default_factory=dict)     # form -> class

    def class_of(self, claim: Claim) -> str | None:
        """Return the class of a date's or time's subject head, else of its event word, else None."""
        if claim.kind not in WHEN_KINDS:
            return None
        head = (claim.subject or "").split()[-1:]
        for word in (*head, claim.event or ""):
            if found := self.classes.get(word.lower()):
                return found
        return None


def build_event_classes(section: LineDict, rules) -> EventClasses:
    """Return the compiled rules/events.yaml (strictly checked)."""
    check_keys(section, section.where(), allowed=("classes",))
    classes = section.get("classes") or {}
    if not isinstance(classes, dict):
        raise RulesError(f"{location(section, 'classes')}: classes must map a class name to a list of words")
    compiled: dict[str, str] = {}
    for name, words in classes.items():
        for word in word_list(words, location(classes, name), f"class {name!r}"):
            compiled[word.lower()] = str(name)   # the last entry wins: a user's class comes after the defaults
    return EventClasses(compiled)


# --- dates and times of one happening in one fact -------------------------------------------------------------

DAY = 1440.0          # minutes: a fact of dates and times compares instants, a day being 1,440 of them
Interval = tuple[float, float]


def merge_times(groups: dict) -> dict:
    """Return the groups with each group of times moved into the group of dates of the same happening: the same
    key, or, for times known by their subject alone ("the fire was out by 09:30"), the one date group of that
    subject ("the fire broke out on Sunday"). A fact-checker reads the day and the hour of one event together."""
    dates = [key for key in groups if key[0] == "date"]
    merged: dict[tuple, list[Claim]] = {}
    for key, members in groups.items():
        target = _date_key(key, dates) if key[0] == "time" else None
        merged.setdefault(target or key, []).extend(members)
    return merged


def _date_key(key: tuple, dates: list[tuple]) -> tuple | None:
    same = ("date",) + tuple(key[1:])
    if same in dates:
        return same
    aspect = key[3] or ""
    if not aspect.startswith("event:*:"):
        return None
    head = aspect.split(":")[2]
    fits = [other for other in dates if other[2] == key[2] and (other[3] or "").startswith("event:")
            and (other[3] or "").split(":")[-1] == head]
    return fits[0] if len(fits) == 1 else None


def days_beside(claims: list[Claim], interval: Callable[[Claim], Interval]) -> dict[int, Interval]:
    """Return, by id of each time of day with no day of its own, the day of the one-day date in its sentence
    ("at 8:00 on Sunday", the Sunday placed by compare when the article has no publication date)."""
    by_sentence: dict[tuple, list[Interval]] = {}
    for claim in claims:
        if claim.kind == "date" and claim.sentence:
            low, high = interval(claim)
            if low == high and low not in (float("inf"), float("-inf")):
                by_sentence.setdefault((claim.source, claim.sentence), []).append((low, high))
    found = {}
    for claim in claims:
        days = by_sentence.get((claim.source, claim.sentence)) if claim.kind == "time" and not claim.as_of else None
        if days and len(set(days)) == 1:
            found[id(claim)] = days[0]
    return found


def instants(claims: list[Claim], interval: Callable[[Claim], Interval], beside: dict[int, Interval]
             ) -> Callable[[Claim], Interval]:
    """Return the interval function of a fact of dates and times, on a line of minutes: a date is its days, a time
    its minutes on its day (its as_of, else the date beside it). A time of no known day falls on the day all the
    others share, when they share one; else it allows any instant: the hour alone cannot conflict with a day."""
    def day(claim: Claim) -> Interval | None:
        if claim.kind == "date":
            return interval(claim)
        if claim.as_of and len(str(claim.as_of)) == 10:
            return (float(date.fromisoformat(str(claim.as_of)).toordinal()),) * 2
        return beside.get(id(claim))

    known = [span for span in map(day, claims) if span is not None]
    shared = (max(low for low, _ in known), min(high for _, high in known)) if known else None
    common = shared if shared and shared[0] == shared[1] and abs(shared[0]) != float("inf") else None

    def on_line(claim: Claim) -> Interval:
        low, high = day(claim) or common or (float("-inf"), float("inf"))
        if claim.kind == "date":
            return low * DAY, high * DAY + DAY - 1
        if abs(low) == float("inf") or abs(high) == float("inf"):
            return float("-inf"), float("inf")
        start, end = interval(claim)
        return low * DAY + max(start, 0.0), high * DAY + min(end, DAY - 1)
    return on_line
