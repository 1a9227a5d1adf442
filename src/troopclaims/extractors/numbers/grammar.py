"""The grammar of written numbers: the reader of each word kind, the numbers in a run of tokens, parse_number."""
from __future__ import annotations

import math

from troopclaims.extractors.numbers.fractions import _read_fraction
from troopclaims.extractors.numbers.lexicon import NumberLexicon
from troopclaims.extractors.numbers.magnitudes import _read_multiplier, _read_scale
from troopclaims.extractors.numbers.number_words import (_read_a, _read_and, _read_digits, _read_hundred, _read_of,
    _read_point, _read_word)
from troopclaims.extractors.numbers.reading import _Read, _Reading
from troopclaims.extractors.numbers.records import _round
from troopclaims.extractors.numbers.tokens import _Tok, _tokens


def _read(toks: list[_Tok], i: int, lex: NumberLexicon) -> tuple[_Read | None, int]:
    """Return the longest number starting at toks[i] and the index to go on from (past an ordinal it skipped)."""
    n = len(toks)
    sign = 1
    start = i
    if toks[i].kind == "neg":
        if i + 1 < n and toks[i + 1].kind in ("dig", "digit", "teen", "tens", "a", "frac"):
            sign, i = -1, i + 1
        else:
            return None, i + 1
    r = _Reading(toks, lex, i, start, sign)
    j = i
    while j < n:
        reader = _READERS.get(toks[j].kind)
        nxt = reader(r, j) if reader is not None else None
        if r.ordinal:
            return None, j + 1
        if nxt is None:
            break
        j = nxt
    return r.best, (r.best.j if r.best is not None else start + 1)


_READERS = {"dig": _read_digits, "digit": _read_word, "teen": _read_word, "tens": _read_word,
            "hundred": _read_hundred, "scale": _read_scale, "mult": _read_multiplier, "a": _read_a,
            "and": _read_and, "of": _read_of, "point": _read_point, "frac": _read_fraction, "ord": _read_fraction}


def _read_run(toks: list[_Tok], lex: NumberLexicon) -> list[_Read]:
    """Return the numbers in a run of tokens, left to right."""
    found = []
    i = 0
    while i < len(toks):
        if toks[i].kind in ("and", "of", "point", "bad") or (toks[i].kind in ("scale",) and len(toks[i].word) <= 3):
            i += 1
            continue
        read, nxt = _read(toks, i, lex)
        if read is not None:
            found.append(read)
            i = max(read.j, i + 1)
        else:
            i = max(nxt, i + 1)
    return found


def parse_number(text: str, lexicon: NumberLexicon) -> float | None:
    """Return the value of text when the whole of it is one number ("twelve thousand", "1.5 million", "3/4")."""
    stripped = text.strip()
    if not stripped:
        return None
    offset = text.index(stripped[0])
    toks = _tokens(text, offset, lexicon)
    if not toks or toks[0].start != offset:
        return None
    read, _ = _read(toks, 0, lexicon)
    if read is None or toks[read.j - 1].end != offset + len(stripped) or not math.isfinite(read.value):
        return None
    return _round(float(read.value))
