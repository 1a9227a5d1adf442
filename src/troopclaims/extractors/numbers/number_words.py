"""Readers of the plain words of a number: digits, digit/teen/tens words, hundred, a, and, of, point."""
from __future__ import annotations

from troopclaims.extractors.numbers.fractions import (denominator_of, fraction_ahead, ordinal_ahead,
    read_ordinal_fraction)
from troopclaims.extractors.numbers.reading import Reading
from troopclaims.extractors.numbers.tokens import NumberToken


def read_digits(r: Reading, j: int) -> int | None:
    """Read a figure written with digits ("3,000", "12k"); return the next index, or None where the number ends."""
    t = r.toks[j]
    if t.mag is not None:
        if r.last is None:
            r.total, r.group = t.value * t.mag, None
            r.best = r.keep(j + 1, m=t.mag)
        return None
    if t.value == 0 and r.last is not None:
        return None
    if not (r.last is None or (r.last == "scale" and r.group is None and t.value < r.last_scale) or
            (r.last == "hundred" and r.pending_and(j) and t.value < 100)):
        return None
    r.prev_value = r.value_now()
    r.group = (r.group or 0) + t.value
    r.last = "dig"
    r.best = r.keep(j + 1)
    return j + 1


def read_word(r: Reading, j: int) -> int | None:
    """Read a digit, teen or tens word ("three", "twenty"), or the fraction it starts ("three fifths")."""
    t, k, pending_and = r.toks[j], r.toks[j].kind, r.pending_and(j)
    last = r.last
    ok = (last is None or (last == "scale" and r.group is None) or last == "hundred" or
          (last == "tens" and k == "digit" and not pending_and) or
          (pending_and and last in ("digit", "teen", "tens", "dig", "mult") and fraction_ahead(r.toks, j, r.lex)))
    if t.value == 0 and last is not None:
        return None
    if not ok or last == "a":
        return read_ordinal_fraction(r, j) if last is not None and not pending_and else None
    if pending_and and r.and_base is None:
        r.and_base = 0.0
    r.prev_value = r.value_now()
    r.group = (r.group or 0) + t.value
    r.last = k
    r.words_used = True
    r.best = r.keep(j + 1)
    return j + 1


def read_hundred(r: Reading, j: int) -> int | None:
    """Read "hundred" after a figure ("three hundred"), or before a scale word ("hundred thousand")."""
    if r.group is not None and not r.group_hundred and (r.group < 100 or r.last == "dig") and \
            r.last in ("digit", "teen", "tens", "dig", "a"):
        r.prev_value = r.value_now()
        r.group = r.group * 100
        r.group_hundred, r.last, r.words_used = True, "hundred", True
        r.cut = r.best = r.keep(j + 1, m=100.0)
        return j + 1
    if r.last is None and j + 1 < len(r.toks) and r.toks[j + 1].kind == "scale":
        r.group, r.group_hundred, r.last, r.words_used = 100.0, True, "hundred", True
        return j + 1
    if r.cut is not None and r.best is not None and r.best.j > r.cut.j:
        r.best = r.cut                # "3 hundred and 2 hundred": two numbers
    return None


def read_a(r: Reading, j: int) -> int | None:
    """Read "a"/"an" standing for one before a magnitude or a fraction ("a million", "a third", "half a dozen")."""
    toks, n = r.toks, len(r.toks)
    nxt = toks[j + 1] if j + 1 < n else None
    if nxt is None:
        return None
    if r.last == "frac" and nxt.kind in ("mult", "scale"):
        return j + 1                  # "half a dozen", "half a million"
    pending_and = r.pending_and(j)
    leads = nxt.kind in ("hundred", "scale", "mult") or denominator_of(r.lex, nxt) is not None or \
        ordinal_ahead(toks, j + 1, r.lex) is not None
    if leads and (r.last is None or (pending_and and fraction_ahead(toks, j, r.lex)) or
                  (r.last == "scale" and r.group is None and nxt.kind != "scale")):
        if pending_and and r.and_base is None:
            r.and_base = r.group or 0.0
        r.group = (r.group or 0) + 1
        r.last = "a"
        return j + 1
    return None


def read_and(r: Reading, j: int) -> int | None:
    """Read "and" inside a number ("one hundred and six"), remembering the figure it follows."""
    if r.last in ("hundred", "scale", "digit", "teen", "tens", "dig", "mult") and j + 1 < len(r.toks):
        r.and_base = r.group if r.last != "scale" else 0.0
        r.and_after = r.last
        return j + 1
    return None


def read_of(r: Reading, j: int) -> int | None:
    """Read "of a" between a fraction and a scale word ("two thirds of a million")."""
    toks = r.toks
    if r.last == "frac" and j + 2 < len(toks) and toks[j + 1].kind == "a" and toks[j + 2].kind == "scale":
        return j + 2
    return None


def read_point(r: Reading, j: int) -> int | None:
    """Read "point" and the decimal digits written after it ("two point five", "3 point 75")."""
    if r.last in ("digit", "teen", "tens", "hundred", "dig") and j + 1 < len(r.toks) and \
            (r.last != "dig" or (r.group is not None and float(r.group).is_integer())):
        digits, jj = _decimal_words(r.toks, j + 1)
        if digits:
            r.group = (r.group or 0) + float("0." + digits)
            r.last, r.words_used = "point", True
            r.best = r.keep(jj)
            return jj
    return None


def _decimal_words(toks: list[NumberToken], j: int) -> tuple[str, int]:
    """Return the digits written after "point" ("zero three" -> "03", "seventy-one" -> "71") and the next index."""
    digits = ""
    n = len(toks)
    if j < n and toks[j].kind in ("teen", "tens"):
        value = int(toks[j].value)
        j += 1
        if value >= 20 and j < n and toks[j].kind == "digit" and "-" in toks[j].sep or \
                value >= 20 and j < n and toks[j].kind == "digit":
            value += int(toks[j].value)
            j += 1
        return str(value), j
    while j < n and toks[j].kind == "digit":
        digits += str(int(toks[j].value))
        j += 1
    if not digits and j < n and toks[j].kind == "dig" and float(toks[j].value).is_integer():
        return str(int(toks[j].value)), j + 1
    return digits, j
