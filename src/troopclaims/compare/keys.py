"""The key a claim is grouped by for its event: its aspect, an event word outside the rules, an event class, or a
mark that keeps it apart (a distance's point, what a share is of, a part of a whole, a measure of nothing said);
with Grouping, what the rules tell grouping."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from troopclaims.compare.measures import BASE, FROM, after_figure, base_of, before_figure, is_threshold
from troopclaims.compare.when import CLASS, EventClasses
from troopclaims.records import WHEN_KINDS, Claim


@dataclass(frozen=True)
class Grouping:
    """What the rules tell grouping: aspects counted as a series, generic units, light verbs, event measures."""

    cumulative: frozenset[str] = frozenset()   # counts that only grow (killed, arrested ...): a series over days
    generic: frozenset[str] = frozenset()      # units of many different counts in one story (people, percent)
    light: frozenset[str] = frozenset()        # verbs that only say something happened: a date is its subject's
    event_measures: frozenset[str] = frozenset()   # units that measure the event itself (magnitude): no aspect
    named_actor: frozenset[str] = frozenset()  # aspects whose actor is whoever is named (the payer of an offer)
    totals: tuple[str, ...] = ()               # phrases of a running total ("a total of", "so far")
    classes: EventClasses = EventClasses()     # words naming one happening: its dates and times are one fact
    reference: Callable[[Claim, int], str | None] | None = None   # the point a distance (the nth alike) is from
    measures: frozenset[str] = frozenset()     # units of measure (percent, USD): the unit says not what is measured
    states: frozenset[str] = frozenset()       # aspects that last over time: their figures are never split by day
    daily: frozenset[str] = frozenset()        # aspects of one day's count (a crowd): split by the day they hold for
    scopes: tuple[tuple[str, str], ...] = ()   # (word, scope): "overseas booths" are not the country's booths
    measured_apart: frozenset[str] = frozenset()   # measured nouns of events beside the main one (aftershock)
    thresholds: tuple[str, ...] = ()           # words that make a figure a condition ("valid only with 50 percent")
    joins: tuple[tuple[str, str], ...] = ()    # (aspect, aspect it joins unless an article gives both): destroyed
    breaks: frozenset[str] = frozenset()       # words that end a clause (rules/places.yaml's clause_breaks)
    falls: frozenset[str] = frozenset()        # series that may also fall (missing): a lower later figure


TOTAL = ":in all"     # the mark on the aspect key of running totals kept apart
OTHER = ":other"      # the mark on the aspect key of a count besides another of its sentence ("three other rifles")
OF = "of:"            # the mark of an aspect key of the measures of an event beside the main one: "of:aftershock"
THRESHOLD = ":threshold"   # the mark on the aspect key of a figure that states a condition, not a measure
ALONE = "alone:"      # the mark of an aspect key of a measure that says not what it measures: a fact of its own
VAGUE = "vague:"      # the mark of an aspect key of a vague count of no event, by what its clause says of it
_PREDICATE_WORDS = 4   # words of a clause after a figure that say what it says of the figure
# "two of them", "37 of the candidates": a part of a whole counted elsewhere, kept with figures of its own event
_PART = re.compile(r"\bof (?:the|them|those|these|its|their)\b", re.IGNORECASE)
PART = ":part"       # the mark on the aspect key of such parts: no other figure joins them for want of an event
# "Of the 23 pirates arrested, 12 are Somali": a figure whose event is the whole's, named before it, is a part
_WHOLE = re.compile(r"^\W*(?:of|out of|among) (?P<whole>[^,;:]+),", re.IGNORECASE)


def aspect_label(key: str | None) -> str | None:
    """Return an aspect key for people: the aspect, or the event word it stands for (None for other events)."""
    if not key or key.startswith((FROM, ALONE, BASE, OF, VAGUE)):
        return None
    return key.removeprefix("event:").removeprefix(CLASS).split(":")[0] or None


def aspect_key(claim: Claim, grouping: Grouping = Grouping(), nth: int = 0) -> str | None:
    """Return what a claim is grouped by for its event (see _event_key), marked when the figure states a
    condition rather than a measure (`thresholds`: "valid only with a turnout of more than 50 percent")."""
    key = _event_key(claim, grouping, nth)
    return f"{key or ''}{THRESHOLD}" if is_threshold(claim, grouping.thresholds, nth) else key


def _event_key(claim: Claim, grouping: Grouping, nth: int) -> str | None:
    """Return what a claim is grouped by for its event: the aspect, else the event word, else None (no event found).

    A figure of an event word outside the rules is one with the others of its unit whatever their words ("candidates
    standing", "candidates competing"), and joins the one known aspect of its unit when there is one; in a generic
    unit (people), which counts many things in one story, it is kept with figures of the same word only ("2,800
    staying" is not "15,000 moved"). A unit that measures the event itself (`event_measures`: magnitude) is one
    fact whatever the verb ("the quake struck", "killing 40"). A date of such an event needs the same event word
    and subject ("Cheeks coached" is not "Stevens coached"), or, for a light verb, the same subject ("the blaze
    happened on Thursday", "the blaze took place Thursday night"). A part of a whole ("two of them managed to
    escape") is kept with the figures of its own event word, as in a generic unit: the whole is another figure.
    A time of day of such an event is grouped by its subject alone, every verb read as light ("the fire was
    reported at 3:33", "the fire broke out at 3:30"), else by its event word. A date or time whose subject or event
    word is in an event class of rules/events.yaml ("gunfire", "the shooting") is grouped by that class first.
    `nth` says which of the figures written alike in its sentence the claim is (its point or base follows it).
    """
    if claim.kind == "quantity" and claim.unit in grouping.event_measures:
        head = (claim.subject or "").lower().split()[-1:]
        if head and (head[0] in grouping.measured_apart or head[0].removesuffix("s") in grouping.measured_apart):
            return f"{OF}{head[0].removesuffix('s')}"     # the aftershocks' magnitudes are not the quake's
        point = grouping.reference(claim, nth) if grouping.reference else None
        return None if point is None else f"{FROM}{point}"
    if happening := grouping.classes.class_of(claim):
        return f"{CLASS}{happening}"
    if not claim.aspect and (base := base_of(claim, grouping.classes.bases, nth)):
        return f"{BASE}{base}"       # "25 percent on steel" is no rival of "10 percent on aluminum"
    if claim.kind == "quantity" and claim.unit in grouping.measures and not (claim.event or claim.aspect
                                                                               or claim.subject):
        return f"{ALONE}{claim.source}:{claim.start}"   # "60 percent" of nothing said: beside nothing else
    if claim.kind == "time" and not claim.aspect and (claim.subject or claim.event):
        head = (claim.subject or "").split()[-1:]
        return f"event:*:{head[0].lower().rstrip('s')}" if head else f"event:{claim.event}:?"
    if claim.kind == "quantity" and _part_of_whole(claim):
        return f"event:{claim.event or ''}{PART}"
    if claim.aspect or not claim.event:
        return claim.aspect
    if claim.kind in WHEN_KINDS:
        head = (claim.subject or "").split()[-1:] or ["?"]
        event = "*" if claim.event.lower() in grouping.light and head != ["?"] else claim.event
        return f"event:{event}:{head[0].lower().rstrip('s')}"
    if _PART.search(claim.text):
        return f"event:{claim.event}{PART}"
    return f"event:{claim.event}" if claim.unit in grouping.generic else None


def predicate_of(claim: Claim, grouping: Grouping, nth: int = 0) -> str:
    """Return what the figure's clause says of it, in its words after the figure up to the clause's end, passing
    over auxiliaries and determiners ("in water" for "dozens of people were still in the water."): figures of no
    aspect or event word with other such words are no rivals ("258 people were on board")."""
    words = []
    for word in re.findall(r"[\w'’-]+|[^\w\s]", (after_figure(claim, nth) or "").lower()):
        if not word[0].isalnum() or word in grouping.breaks:
            break
        if word not in grouping.classes.passive and word not in grouping.classes.bases.skip:
            words.append(word)
    return " ".join(words[:_PREDICATE_WORDS])


def _part_of_whole(claim: Claim) -> bool:
    """Return whether the figure counts part of a whole its sentence opens with, taking that whole's event word
    ("Of the 23 pirates arrested, 12 are reported to be Somali"); not the whole, nor a part with its own event
    ("Of the 40 injured, two died")."""
    whole = _WHOLE.match(claim.sentence or "")
    # the figure as a whole number: "3" is no part of the whole's "23"
    in_whole = whole and re.search(rf"(?<![\w.,]){re.escape(' '.join(claim.text.split()))}(?![\w]|[.,]\d)",
                                   whole["whole"])
    # a figure with no event word of its own takes the whole's: "Of the 288 candidates, 286 have degrees"
    return bool(whole and not in_whole and (not claim.event or claim.event.lower() in whole["whole"].lower().split()))


def others_of(claims: list[Claim], others: frozenset[str], nth: dict[int, int],
              bounds: tuple[tuple[str, ...], ...] = ()) -> set[int]:
    """Return the ids of the figures that count others besides a figure of the same aspect, or of the same unit and no
    other aspect, before them in their sentence ("seven AK-47s, three other rifles", "40 men were held, and another 12"): a count
    of their own, no rival of the first (`others` in rules/events.yaml; a word of a bound, `bounds` there: "more
    than 40", "60 or more", is no count besides)."""
    if not others:
        return set()
    earlier: dict[tuple, list[Claim]] = {}
    found = set()
    for claim in sorted(claims, key=lambda claim: (claim.source, claim.start)):
        if claim.kind != "quantity":
            continue
        siblings = earlier.setdefault((claim.source, claim.sentence), [])
        if _counts_besides(claim, others, bounds, nth.get(id(claim), 0)) and \
                any(_alike(claim, sibling) for sibling in siblings):
            found.add(id(claim))
        siblings.append(claim)
    return found


def _counts_besides(claim: Claim, others: frozenset[str], bounds: tuple[tuple[str, ...], ...], nth: int) -> bool:
    """Return whether a word of `others` is in the figure's words or right before them, and in no bound phrase there
    ("three other rifles", "another 12", "12 more"; not "more than 40", "60 or more")."""
    def words_of(text: str | None) -> list[str]:
        return re.findall(r"[\w'’-]+", (text or "").lower())

    before, words = words_of(before_figure(claim, nth))[-3:], words_of(claim.text)
    around = before + words + words_of(after_figure(claim, nth))[:2]
    in_bound = set()
    for bound in bounds:
        for at in range(len(around) - len(bound) + 1):
            if tuple(around[at:at + len(bound)]) == bound:
                in_bound.update(range(at, at + len(bound)))
    return any(around[i] in others and i not in in_bound for i in range(max(len(before) - 1, 0), len(before) + len(words)))


def _alike(claim: Claim, other: Claim) -> bool:
    """Return whether two figures count the same kind of thing: one aspect, or one unit and no two aspects ("killing
    10 people and wounding other 70": the 70 are others than the dead, not a second count of the wounded)."""
    if claim.aspect and other.aspect:
        return claim.aspect == other.aspect
    return claim.unit == other.unit
