"""Readers of fractions written in words: fraction words, ordinals as denominators, numerators after "and"."""
from __future__ import annotations

from troopclaims.extractors.numbers.lexicon import NumberLexicon
from troopclaims.extractors.numbers.reading import INF, Reading
from troopclaims.extractors.numbers.tokens import NumberToken


def denominator_of(lex: NumberLexicon, tok: NumberToken) -> float | None:
    if tok.kind == "frac":
        return tok.value
    if tok.kind == "ord" and tok.word.rstrip("s") not in lex.not_denominators and tok.word not in \
            lex.not_denominators:
        return tok.value
    return None


def read_fraction(r: Reading, j: int) -> int | None:
    """Read a fraction word or an ordinal as a denominator ("half", "three quarters", "one hundred and a half")."""
    t, k, pending_and, last = r.toks[j], r.toks[j].kind, r.pending_and(j), r.last
    den = denominator_of(r.lex, t)
    if last is None:
        if k == "frac" and not t.plural:
            # "half", "quarter" alone or before a magnitude ("half million", "half a dozen").
            r.group, r.last, r.words_used = 1.0 / t.value, "frac", True
            r.best = r.keep(j + 1)
            return j + 1
        return None
    if last in ("frac", "point", "mult", "dig") or pending_and:
        return None
    if den is None:
        r.ordinal = last in ("tens", "hundred")   # "twenty-second", "one hundred first": an ordinal, not a number
        return None
    whole, numer, den = _numerator(r, j, den)
    if numer <= 0:
        return None
    if not t.plural and numer != 1:
        r.ordinal = k == "ord" and last in ("tens", "hundred")
        return None
    part = numer / den
    if r.and_after == "scale" and r.and_base is not None:
        # "one million and a half" = 1.5 million; "one billion and a half million" adds half a million.
        if r.last_scale < INF and not (j + 1 < len(r.toks) and r.toks[j + 1].kind == "scale"):
            part *= r.last_scale
        r.group = part
    else:
        r.total, r.group, r.last_scale = 0.0, whole + part, INF
    r.last, r.words_used = "frac", True
    r.and_base = None
    r.best = r.keep(j + 1)
    return j + 1


def _numerator(r: Reading, j: int, den: float) -> tuple[float, float, float]:
    """Return (whole, numerator, denominator) of the fraction that toks[j] ends, from what was read before it."""
    t = r.toks[j]
    whole = 0.0
    numer = r.value_now()
    if r.last == "tens" and t.kind == "ord" and t.value < 10 and r.prev_value > 0 and \
            r.toks[j - 2].kind != "and":
        den = r.value_now() - r.prev_value + t.value      # "one hundred thirty fifths" = 100/35
        numer = r.prev_value
    elif r.and_base is not None:
        since = (r.group or 0) - r.and_base
        # A proper fraction after "and" is a part: "one hundred and three quarters" = 100.75,
        # "two hundred and fifty-four hundredths" = 200.54; an improper one takes the whole figure:
        # "one hundred and thirty fifths" = 130/5.
        if since < den or r.and_after in ("digit", "teen", "tens", "dig", "scale"):
            whole, numer = r.total + r.and_base, since
    return whole, numer, den


def read_ordinal_fraction(r: Reading, j: int) -> int | None:
    """Read number words that end in an ordinal as the denominator of what came before ("three twenty-fifths")."""
    ahead = ordinal_ahead(r.toks, j, r.lex)
    if ahead is not None and r.value_now() > 0:
        den, plural, jj = ahead
        numer = r.value_now()
        if plural or numer == 1:
            r.total, r.group, r.last, r.words_used = 0.0, numer / den, "frac", True
            r.best = r.keep(jj)
            return jj
    return None


def fraction_ahead(toks: list[NumberToken], j: int, lex: NumberLexicon) -> bool:
    """Return True when the words from toks[j] end in a fraction ("three fifths", "a half")."""
    seen = False
    while j < len(toks) and (toks[j].kind in ("digit", "teen", "tens", "a", "hundred") or
                             (seen and toks[j].kind == "and")):
        seen = True
        j += 1
    return seen and j < len(toks) and denominator_of(lex, toks[j]) is not None


def ordinal_ahead(toks: list[NumberToken], j: int, lex: NumberLexicon) -> tuple[float, bool, int] | None:
    """Return (value, plural, next index) when toks[j:] reads as an ordinal ("twenty-first", "hundred fifth")."""
    value = 0.0
    seen = False
    while j < len(toks):
        t = toks[j]
        if t.kind in ("digit", "teen", "tens"):
            value += t.value
        elif t.kind == "hundred":
            value = (value or 1) * 100
        elif t.kind == "and" and seen:
            pass
        elif t.kind == "ord" and seen:
            value = value + t.value if t.value < 100 else value * t.value
            return value, t.plural, j + 1
        else:
            return None
        seen = True
        j += 1
    return None
