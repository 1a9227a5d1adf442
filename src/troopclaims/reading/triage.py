"""The cheap first pass: which articles can hold a figure or a date at all, so the others skip the pipeline.

An article can hold one when it has a digit or a word the number and date rules are made of (number words, vague
magnitudes, months, weekdays, relative days, seasons, the words of the date forms). The word list is read from the
rules, so a user's rules widen it. It is generous on purpose: a needless parse costs time, a missed one a claim,
and `--exhaustive` (every article through every component) is the check that none is missed.

Finer windows (only the sentences near a claim) were left out: in news most words are in or next to a sentence with
a figure or date (on ECB+, 81% of the words are in a line this pattern matches and 98% in one or next to one), and
attribution reads cues, speakers and antecedents anywhere before a claim, so windows would save little and change
speakers.
"""
from __future__ import annotations

import re

_NUMBER_SECTIONS = ("words", "vague", "vague_numbers", "vague_counts", "vague_magnitudes")
_DATE_SECTIONS = ("months", "weekdays", "relative_days", "seasons", "vague", "parts")
_PLACEHOLDER = re.compile(r"\(\?P<\w+>|\{\w+\}|\\[a-zA-Z]")


def _words(node, whole: bool = False) -> set[str]:
    """Return the words of a rule node's keys and string values, in lower case.

    With whole, a phrase gives only its longest word: "about the future" can be there only where "future" is, and
    its "about" alone must not make every article with "about" look like one with a date.
    """
    if isinstance(node, dict):
        return set().union(*(_words(key, whole) | _words(value, whole) for key, value in node.items()))
    if isinstance(node, (list, tuple)):
        return set().union(set(), *(_words(item, whole) for item in node))
    if isinstance(node, str):
        words = re.findall(r"[a-z]+", _PLACEHOLDER.sub(" ", node).lower())
        return {max(words, key=len)} if whole and words else set(words)
    return set()


class Triage:
    """Tells from the text alone whether an article may hold claims of the kinds asked for."""

    def __init__(self, rules):
        numbers, dates = rules.section("numbers"), rules.section("dates")
        words = set()
        for name in _NUMBER_SECTIONS:
            words |= _words(numbers.get(name), whole=True)
        for name in _DATE_SECTIONS:
            words |= _words(dates.get(name), whole=True)
        words |= _words([form.get("pattern", "") for form in dates.get("forms") or () if isinstance(form, dict)])
        words |= _words((dates.get("times") or {}).get("named"), whole=True)   # "at noon": a time, no digit
        # Function words ("the", "of", "its") make no claim by themselves: they only lead up to one.
        words -= _words(dates.get("weak_cues"))
        words = {word for word in words if len(word) >= 3}
        alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
        self.pattern = re.compile(rf"\d|\b(?:{alternatives})\b" if words else r"\d", re.IGNORECASE)

    def may_hold_claims(self, text: str, kinds) -> bool:
        """Return False only when no claim of these kinds can be in the text (places can be anywhere)."""
        return "place" in kinds or self.pattern.search(text) is not None
