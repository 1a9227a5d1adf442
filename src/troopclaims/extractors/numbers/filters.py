"""What is no figure: spans the not_numbers and not_figures rules mask, and years that are no count."""
from __future__ import annotations

import re

from troopclaims.extractors.numbers.lexicon import NumberLexicon
from troopclaims.extractors.numbers.records import Atom, Numeric


def blocked_mask(text: str, lex: NumberLexicon, patterns: tuple | None = None,
                 windows: list[tuple[int, int]] | None = None) -> bytearray:
    mask = bytearray(len(text))
    for pattern in lex.blockers if patterns is None else patterns:
        for m in (match for s, e in windows or [(0, len(text))] for match in pattern.finditer(text, s, e)):
            # Only the groups named x... are blocked when they took part; otherwise the whole match.
            groups = [name for name, value in m.groupdict().items() if name.startswith("x") and value is not None]
            spans = [m.span(name) for name in groups] if groups else [m.span()]
            for s, e in spans:
                if e > s:
                    mask[s:e] = b"\x01" * (e - s)
    return mask


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
    windows: list[tuple[int, int]] = []         # only the text around figures is searched (for speed)
    for n in found:
        start, end = max(0, n.start - _CONTEXT), min(len(text), n.end + _CONTEXT)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    mask = blocked_mask(text, lexicon, lexicon.not_figures, windows)
    return [n for n in found if mask.find(1, n.num_start, n.num_end) == -1]
