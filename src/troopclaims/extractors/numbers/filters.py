"""What is no figure: spans the not_numbers and not_figures rules mask, and years that are no count."""
from __future__ import annotations

import re
from functools import lru_cache

from troopclaims.extractors.numbers.lexicon import NumberLexicon
from troopclaims.extractors.numbers.records import Atom, Numeric
from troopclaims.spans import merged_runs


def blocked_mask(text: str, lex: NumberLexicon, patterns: tuple | None = None,
                 windows: list[tuple[int, int]] | None = None) -> bytearray:
    mask = bytearray(len(text))
    for pattern in map(gated, lex.blockers if patterns is None else patterns):
        for m in (match for s, e in windows or [(0, len(text))] for match in pattern.finditer(text, s, e)):
            # Only the groups named x... are blocked when they took part; otherwise the whole match.
            groups = [name for name, value in m.groupdict().items() if name.startswith("x") and value is not None]
            spans = [m.span(name) for name in groups] if groups else [m.span()]
            for s, e in spans:
                if e > s:
                    mask[s:e] = b"\x01" * (e - s)
    return mask


# --- first-character gates ----------------------------------------------------------------------------------
# A rule pattern such as (?i)\b(?P<x>\d+|one|two|...) is tried at every character of a text, and trying its
# case-insensitive alternatives is what costs: most of the CPU of this module. The same pattern behind a
# lookahead for the characters a match can start with finds the same matches (a match starts with one of them
# by construction) and fails at a glance on the other characters.
_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")
_LEADING_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))+")


@lru_cache(maxsize=1024)      # the number and date rules hold some 150 patterns; a user's rules add theirs
def gated(pattern: re.Pattern) -> re.Pattern:
    """Return pattern behind a lookahead for the characters its matches start with; pattern itself when these
    cannot be told (a match may be empty, start with any character, or the form is one this does not read)."""
    folded = bool(pattern.flags & re.IGNORECASE)
    try:
        from re import _parser

        first = _first_chars(_parser.parse(pattern.pattern, pattern.flags).data, folded)
    except Exception:          # a private module of Python's re: whatever it does differently, keep the pattern
        return pattern
    if first is None or first[1] or not first[0]:
        return pattern
    # One class a case rule: a group with (?i:...) or (?-i:...) folds its characters as the group does.
    classes = []
    for case in (folded, not folded):
        parts = "".join(sorted(part for fold, part in first[0] if fold == case))
        if parts:
            classes.append(f"[{parts}]" if case == folded else f"(?{'' if case else '-'}i:[{parts}])")
    flags = _LEADING_FLAGS.match(pattern.pattern)
    body = pattern.pattern[flags.end():] if flags else pattern.pattern
    newline = "\n" if pattern.flags & re.VERBOSE else ""      # a trailing comment must not hide the ")"
    try:
        return re.compile(f"(?={'|'.join(classes)})(?:{body}{newline})", pattern.flags)
    except re.error:
        return pattern


_CLASS_NEUTRAL = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE     # flags a group may change here


def _first_chars(items, folded: bool) -> tuple[set[tuple[bool, str]], bool] | None:
    """Return (the characters a sequence's match can start with, as (folds case, class syntax) pairs, whether it
    can match empty), or None when a start may be any character or the sequence has a form this does not read."""
    chars: set[tuple[bool, str]] = set()
    for op, av in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        if name == "LITERAL":
            return chars | {(folded, f"\\U{av:08x}")}, False
        if name == "IN":
            parts = _class_parts(av)
            return None if parts is None else (chars | {(folded, part) for part in parts}, False)
        if name == "SUBPATTERN":
            _, add, remove, group = av
            if (add | remove) & ~_CLASS_NEUTRAL:
                return None           # (?a:...) and the like change what \\d and \\s hold
            inner = _first_chars(group.data, bool(add & re.IGNORECASE) or folded and not remove & re.IGNORECASE)
        elif name == "ATOMIC_GROUP":
            inner = _first_chars(av.data, folded)
        elif name == "BRANCH":
            inner = _branch_chars(av[1], folded)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            inner = _first_chars(av[2].data, folded)
            if inner is not None and av[0] == 0:
                inner = (inner[0], True)
        else:
            return None               # any character, a back reference, a conditional group
        if inner is None:
            return None
        chars |= inner[0]
        if not inner[1]:
            return chars, False
    return chars, True


def _branch_chars(alternatives, folded: bool) -> tuple[set[tuple[bool, str]], bool] | None:
    chars: set[tuple[bool, str]] = set()
    empty = False
    for alternative in alternatives:
        inner = _first_chars(alternative.data, folded)
        if inner is None:
            return None
        chars |= inner[0]
        empty = empty or inner[1]
    return chars, empty


_CATEGORIES = {"CATEGORY_DIGIT": "\\d", "CATEGORY_UNI_DIGIT": "\\d", "CATEGORY_SPACE": "\\s",
               "CATEGORY_UNI_SPACE": "\\s"}


def _class_parts(items) -> set[str] | None:
    """Return a character class's parts as class syntax; None for a negated class or a broad category (\\w)."""
    parts = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            parts.add(f"\\U{av:08x}")
        elif name == "RANGE":
            parts.add(f"\\U{av[0]:08x}-\\U{av[1]:08x}")
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            parts.add(_CATEGORIES[str(av)])
        else:
            return None
    return parts


_CONTEXT = 100     # characters of context a not_figures pattern may use either side of a figure


def is_year(text: str, rev: str, atom: Atom, lex: NumberLexicon, end: int) -> bool:
    """Return True when a bare four-digit figure reads as a year in its context."""
    digits = atom.digits_only
    if digits is None or not re.fullmatch(r"\d{4}", digits) or atom.unit:
        return False
    if not lex.year_min <= int(digits) <= lex.year_max:
        return False
    if lex.year_before.find(text, rev, atom.s):
        return True                           # "since 2014", "through at least 2025"
    if atom.cue:
        return False                          # "about 2000 were killed"
    nxt = lex.next_word.match(text, end)
    if nxt:
        word = nxt.group(1)
        if nxt.group(2):
            return True                       # "2022's invasion"
        low = word.lower()
        if low in lex.year_count_words:
            return False
        if word.islower() and low.endswith("s") and not low.endswith("ss") and low not in lex.year_nouns \
                and text[end:nxt.start(1)].strip() == "":
            return False                      # "2000 troops"
    return True


def range_is_years(text: str, rev: str, atom: Atom, lex: NumberLexicon) -> bool:
    lo, hi = atom.low, atom.high
    raw = text[atom.ns:atom.ne]
    if atom.unit or any(c in raw for c in ",. \u00a0") and re.search(r"\d[,. \u00a0]\d{3}", raw):
        return False
    if lo is None or hi is None or not (lex.year_min <= lo <= lex.year_max and lex.year_min <= hi <= lex.year_max):
        return False
    probe = Atom(atom.ns, atom.ne, hi, None, False, str(int(hi)), atom.s, atom.e)
    return is_year(text, rev, probe, lex, atom.e)


def only_figures(text: str, found: list[Numeric], lexicon: NumberLexicon) -> list[Numeric]:
    """Return the numerics found in text that no `not_figures` pattern masks."""
    if not lexicon.not_figures or not found:
        return found
    # only the text around figures is searched (for speed)
    windows = merged_runs((max(0, n.start - _CONTEXT), min(len(text), n.end + _CONTEXT)) for n in found)
    mask = blocked_mask(text, lexicon, lexicon.not_figures, windows)
    return [n for n in found if mask.find(1, n.num_start, n.num_end) == -1]
