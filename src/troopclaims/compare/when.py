"""Dates and times of one happening: the event classes of rules/events.yaml, which put the dates and times of one
happening side by side whatever word each article uses for it."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from troopclaims.compare.measures import Bases
from troopclaims.errors import RulesError
from troopclaims.records import WHEN_KINDS, Claim
from troopclaims.rules import LineDict, check_keys, location, word_list
from troopclaims.spans import merged_runs

CLASS = "class:"      # the mark of an aspect key that is an event class: "class:shooting"


@dataclass(frozen=True)
class EventClasses:
    """Written forms of event words mapped to the class of happening they name ("gunfire" -> shooting)."""

    classes: dict[str, str] = field(default_factory=dict)     # form -> class
    bases: Bases = Bases()        # what a share or rate is of: figures are grouped by it (rules/events.yaml)
    particles: frozenset[str] = frozenset()   # change words that are a verb's particle ("shot down by 3 missiles")
    others: frozenset[str] = frozenset()      # words of a count besides another ("three other rifles")
    bounds: tuple[tuple[str, ...], ...] = ()  # phrases where such a word makes a bound ("60 or more", "more than")
    passive: frozenset[str] = frozenset()     # auxiliaries of a passive: "was shot down by 3 missiles" names an agent

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
    check_keys(section, section.where(), allowed=("classes", "bases", "particles", "passive", "others", "bounds"))
    classes = section.get("classes") or {}
    if not isinstance(classes, dict):
        raise RulesError(f"{location(section, 'classes')}: classes must map a class name to a list of words")
    compiled: dict[str, str] = {}
    for name, words in classes.items():
        for word in word_list(words, location(classes, name), f"class {name!r}"):
            compiled[word.lower()] = str(name)   # the last entry wins: a user's class comes after the defaults
    particles = frozenset(word.lower() for word in word_list(section.get("particles"), location(section, "particles"),
                                                             "particles"))
    others = frozenset(word.lower() for word in word_list(section.get("others"), location(section, "others"), "others"))
    bounds = tuple(tuple(phrase.lower().split())
                   for phrase in word_list(section.get("bounds"), location(section, "bounds"), "bounds"))
    passive = frozenset(word.lower() for word in word_list(section.get("passive"), location(section, "passive"),
                                                           "passive"))
    return EventClasses(compiled, _bases(section.get("bases") or {}, location(section, "bases")), particles, others,
                        bounds, passive)


def _bases(section, where: str) -> Bases:
    """Return the compiled `bases` section: four lists of words."""
    if not isinstance(section, dict):
        raise RulesError(f"{where}: bases must map units, words, skip and stops to lists of words")
    names = ("units", "words", "skip", "stops")
    check_keys(section, where, allowed=names)
    return Bases(*(frozenset(word if name == "units" else word.lower()
                             for word in word_list(section.get(name), location(section, name, where), f"bases {name}"))
                   for name in names))


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


def join_unknown_subjects(groups: dict) -> dict:
    """Return the groups with the dates of an event word whose subject is unknown ("on the March 2 broadcast") moved
    into the one group of dates of that word with a subject ("the ceremony will be broadcast on March 2")."""
    merged: dict[tuple, list[Claim]] = {}
    for key, members in groups.items():
        aspect = key[3] or ""
        target = None
        if key[0] == "date" and aspect.startswith("event:") and aspect.endswith(":?"):
            stem = aspect[:-1]
            fits = [other for other in groups if other[:3] == key[:3] and other != key
                    and (other[3] or "").startswith(stem)]
            target = fits[0] if len(fits) == 1 else None
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


# --- figures of different happenings ---------------------------------------------------------------------------

HAPPENED = ":happened "   # the mark on the aspect key of figures of one dated happening, when a fact holds several


def apart_by_happening(groups: dict, states: frozenset[str], label: Callable[[str | None], str | None],
                       daily: frozenset[str] = frozenset()) -> dict:
    """Return the groups with the figures of each one split by the happening their sentences date, when the dated
    figures of a group fall on days (or months) that do not overlap: the crowd of Monday is not that of Wednesday,
    and an earlier quake's injured ("a quake struck in September, injuring 40") are not today's. A figure no
    sentence dates goes with the latest happening on or before its own day (its as_of, else its publication),
    so the tolls of one quake reported on later days stay one series. States ("controlled") change over time:
    never split. Figures of a `daily` aspect (a crowd) are of the day they hold for when no sentence dates their
    happening. `label` gives the aspect of a key."""
    result: dict[tuple, list[Claim]] = {}
    for key, members in groups.items():
        day = label(key[3]) in daily
        # an earlier value ("up from 312 a day earlier") is of the series its sentence revises: no happening of its own
        spans = {id(claim): span for claim in members if not claim.earlier
                 and (span := _happening(claim.happened or (claim.as_of if day else None)))}
        clusters = merged_runs(spans.values()) if key[0] == "quantity" and label(key[3]) not in states else []
        if len(clusters) < 2:
            result.setdefault(key, []).extend(members)
            continue
        names = [_cluster_name(members, spans, cluster, day) for cluster in clusters]
        for claim in members:
            span = spans.get(id(claim))
            index = _cluster_of(span[0], clusters) if span else _latest_before(_day_of(claim), clusters)
            result.setdefault(key[:3] + (f"{key[3] or ''}{HAPPENED}{names[index]}",), []).append(claim)
    return result


def happening_of(aspect_key: str | None) -> str | None:
    """Return the happening a fact's aspect key was split by ("2030-09"), or None."""
    return aspect_key.split(HAPPENED, 1)[1] if aspect_key and HAPPENED in aspect_key else None


def _happening(value) -> Interval | None:
    """Return the days of an ISO day, month or year as ordinals, or None."""
    text = str(value or "")
    try:
        if len(text) == 10:
            day = float(date.fromisoformat(text).toordinal())
            return day, day
        if len(text) == 7:
            year, month = int(text[:4]), int(text[5:])
            after = date(year + month // 12, month % 12 + 1, 1)
            return float(date(year, month, 1).toordinal()), float(after.toordinal() - 1)
        if len(text) == 4:
            return float(date(int(text), 1, 1).toordinal()), float(date(int(text), 12, 31).toordinal())
    except ValueError:
        return None
    return None


def _cluster_of(day: float, clusters: list[Interval]) -> int:
    return next(i for i, (low, high) in enumerate(clusters) if low <= day <= high)


def _latest_before(day: float | None, clusters: list[Interval]) -> int:
    if day is None:
        return len(clusters) - 1
    before = [i for i, (low, _) in enumerate(clusters) if low <= day]
    return before[-1] if before else 0


def _day_of(claim: Claim) -> float | None:
    found = _happening(claim.as_of or claim.published)
    return found[0] if found else None


def _cluster_name(members: list[Claim], spans: dict, cluster: Interval, day: bool) -> str:
    """Return the ISO value most figures of a cluster give for their happening (the shortest on a tie)."""
    values = [str(claim.happened or (claim.as_of if day else "")) for claim in members
              if id(claim) in spans and cluster[0] <= spans[id(claim)][0] <= cluster[1]]
    return min(set(values), key=lambda value: (-values.count(value), len(value), value))
