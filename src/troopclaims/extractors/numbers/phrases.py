"""Patterns built from the phrase lists of the rules: alternations, phrases before a position, unit keys."""
from __future__ import annotations

import re
from typing import NamedTuple

from troopclaims.errors import RulesError


class BeforePhrases(NamedTuple):
    """Phrases that may stand right before a position, matched on the reversed text (one anchored attempt)."""

    pattern: re.Pattern

    def find(self, text: str, rev: str, pos: int) -> tuple[int, str] | None:
        """Return (start, phrase) of the phrase ending right before pos (after optional spaces), or None."""
        m = self.pattern.match(rev, len(text) - pos)
        if not m:
            return None
        start = len(text) - m.end()
        return start, text[start:pos].strip()


def before_phrases(phrases, sep_word: str, sep_symbol: str, where: str, what: str,
                   short_case: bool = False) -> BeforePhrases:
    """Return a BeforePhrases for phrases; word-ending phrases take sep_word before the position, others sep_symbol."""
    alternatives = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = r"\s+".join(re.escape(word[::-1]) for word in reversed(phrase.split()))
        if not short_case or len(phrase) > 3:
            body = f"(?i:{body})"
        sep = sep_word if phrase[-1].isalnum() else sep_symbol
        edge = r"(?![\w$€£])" if phrase[0].isalnum() or phrase[0] == "$" else ""
        alternatives.append(sep + body + edge)
    return BeforePhrases(compile_pattern("|".join(alternatives) or r"(?!x)x", where, what))


def compile_pattern(pattern: str, where: str, what: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise RulesError(f"{where}: bad pattern in {what} ({exc}); fix the regular expression") from None


def normalize(text: str) -> str:
    return " ".join(text.lower().split())


def alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def phrase_pattern(text: str) -> str:
    return r"\s+".join(re.escape(part) for part in text.split())


def phrase_alternation(phrases, bare: bool = False) -> str:
    """Return an alternation of phrases, longest first; word-ending phrases set the group `w` unless bare."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    if bare:
        parts = []
        for p in ordered:
            body = phrase_pattern(p)
            parts.append((r"\b" if p[0].isalnum() else "") + body + (r"\b" if p[-1].isalnum() else ""))
        return "|".join(parts) or r"(?!x)x"
    words = [p for p in ordered if p[-1].isalnum() or p[-1] == "."]
    symbols = [p for p in ordered if not (p[-1].isalnum() or p[-1] == ".")]
    alternatives = []
    if words:
        alternatives.append("(?P<w>" + "|".join((r"\b" if p[0].isalnum() else "") + phrase_pattern(p) for p in words)
                            + ")")
    if symbols:
        alternatives.append("|".join(phrase_pattern(p) for p in symbols))
    return "|".join(alternatives) or r"(?!x)x"


_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])\s*-\s*(?=[^\W\d_])")


def unit_key(form: str) -> str:
    """Return the lookup key of a unit form: short forms keep their case, longer ones are lower-cased; a hyphen
    between words is a space ("a 480-nautical-mile corridor", "a 170,000 - square - foot building")."""
    form = " ".join(_WORD_HYPHEN.sub(" ", form).split())
    return form if len(form) <= 3 else form.lower()


def unit_phrases(forms) -> str:
    ordered = sorted(set(forms), key=len, reverse=True)
    parts = []
    for form in ordered:
        body = r"(?:\s+|\s*-\s*)".join(re.escape(part) for part in form.split())
        if len(form) > 3:
            body = f"(?i:{body})"
        tail = r"(?![\w])" if form[-1].isalnum() else ""
        parts.append(body + tail)
    return "|".join(parts) or r"(?!x)x"
