"""The grammar of written numbers: the reader of each word kind, the numbers in a run of tokens, parse_number."""
from __future__ import annotations

import math

from troopclaims.extractors.numbers.fractions import read_fraction
from troopclaims.extractors.numbers.lexicon import NumberLexicon
from troopclaims.extractors.numbers.magnitudes import read_multiplier, read_scale
from troopclaims.extractors.numbers.number_words import (read_a, read_and, read_digits, read_hundred, read_of,
    read_point, read_word)
from troopclaims.extractors.numbers.reading import Read, Reading
from troopclaims.extractors.numbers.records import round_figure
from troopclaims.extractors.numbers.tokens import NumberToken, number_tokens


def _read(toks: list[NumberToken], i: int, lex: NumberLexicon) -> tuple[Read | None, int]:
    """Return the longest number starting at toks[i] and the index to go on from (past an ordinal it skipped)."""
    n = len(toks)
    sign = 1
    start = i
    if toks[i].kind == "neg":
        if i + 1 < n and toks[i + 1].kind in ("dig", "digit", "teen", "tens", "a", "frac"):
            sign, i = -1, i + 1
        else:
            return None, i + 1
    r = Reading(toks, lex, i, start, sign)
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


_READERS = {"dig": read_digits, "digit": read_word, "teen": read_word, "tens": read_word,
            "hundred": read_hundred, "scale": read_scale, "mult": read_multiplier, "a": read_a,
            "and": read_and, "of": read_of, "point": read_point, "frac": read_fraction, "ord": read_fraction}


def read_run(toks: list[NumberToken], lex: NumberLexicon) -> list[Read]:
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
    toks = number_tokens(text, offset, lexicon)
    if not toks or toks[0].start != offset:
        return None
    read, _ = _read(toks, 0, lexicon)
    if read is None or toks[read.j - 1].end != offset + len(stripped) or not math.isfinite(read.value):
        return None
    return round_figure(float(read.value))
