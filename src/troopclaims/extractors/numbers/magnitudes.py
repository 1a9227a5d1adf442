"""Readers of the words that multiply a figure: scale words (thousand, million, lakh) and multipliers (dozen)."""
from __future__ import annotations

from troopclaims.extractors.numbers.reading import Reading


def read_scale(r: Reading, j: int) -> int | None:
    """Read a magnitude word ("thousand", "million", "lakh") that multiplies the figure before it."""
    t = r.toks[j]
    if r.group is not None and t.value < r.last_scale and (r.group < t.value or r.last == "frac"):
        r.prev_value = r.value_now()
        r.total += r.group * t.value
        r.group, r.group_hundred, r.last_scale, r.last = None, False, t.value, "scale"
        r.and_base = r.and_after = None
        r.words_used = r.words_used or len(t.word) > 3
        r.cut = r.best = r.keep(j + 1, m=t.value)
        return j + 1
    if r.group is None and r.last == "scale" and t.value > r.last_scale:
        # "three lakh crore": a larger scale word multiplies all before it.
        r.total *= t.value
        r.last_scale = t.value
        r.cut = r.best = r.keep(j + 1, m=t.value)
        return j + 1
    if r.cut is not None and r.best is not None and r.best.j > r.cut.j:
        r.best = r.cut                # "two thousand and three thousand": two numbers
    return None


def read_multiplier(r: Reading, j: int) -> int | None:
    """Read a multiplier word ("dozen", "score") that multiplies the figure written since the last "and"."""
    if r.group is not None and r.last in ("digit", "teen", "tens", "dig", "a", "frac"):
        tail = r.group - (r.and_base or 0) if r.last != "frac" else r.group
        r.group = r.group - tail + tail * r.toks[j].value
        r.last, r.words_used = "mult", True
        r.best = r.keep(j + 1)
        return j + 1
    return None
