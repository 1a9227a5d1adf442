"""Dates and times of one happening: the event classes of rules/events.yaml, which put the dates and times of one
happening side by side whatever word each article uses for it."""
from __future__ import annotations

from dataclasses import dataclass, field

from troopclaims.errors import RulesError
from troopclaims.extractors.events import forms
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
            for form in forms(word.lower()):
                compiled[form] = str(name)       # the last entry wins: a user's class comes after the defaults
    return EventClasses(compiled)
