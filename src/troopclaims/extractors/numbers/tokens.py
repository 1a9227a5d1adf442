"""The tokens of a written number: digits (with a magnitude glued on), fractions in digits and number words."""
from __future__ import annotations

import math
import re
import unicodedata
from typing import NamedTuple

from troopclaims.extractors.numbers.lexicon import NumberLexicon, VAGUE_FRACTION_GLYPHS
from troopclaims.extractors.numbers.phrases import unit_key


class NumberToken(NamedTuple):
    kind: str              # dig digit teen tens hundred scale mult ord ords frac a and of point neg
    value: float
    start: int
    end: int
    sep: str               # the text between the previous token and this one
    word: str              # lower-case word ("" for digits)
    mag: float | None = None           # digits with a glued magnitude ("12k")
    plural: bool = False


def _digits_value(text: str) -> float | None:
    """Return the value of a digit string ("1,240", "12 000", "1.5", "2½", "1e10", "1.1^2", "3/4", "2 1/4")."""
    text = text.strip()
    try:
        if "/" in text:
            whole, _, frac = text.rpartition(" ")
            if not frac:
                frac, whole = whole, ""
            num, den = frac.split("/")
            if int(den) == 0:
                return None
            return (int(whole) if whole.strip() else 0) + int(num) / int(den)
        glyph = 0.0
        if text and text[-1] in VAGUE_FRACTION_GLYPHS:
            glyph = unicodedata.numeric(text[-1])
            text = text[:-1].strip()
            if not text:
                return glyph
        sci = re.search(r"\s?[x×]\s?10\^([+-]?\d+)$", text)
        if sci:
            exponent = int(sci.group(1))
            if abs(exponent) > 30:
                return None
            return float(re.sub(r"[,\s\u00a0\u202f\u2009]", "", text[:sci.start()])) * 10.0 ** exponent + glyph
        power = None
        if "^" in text:
            text, _, power = text.partition("^")
        clean = re.sub(r"[,\s\u00a0\u202f\u2009]", "", text)
        value = float(clean)
        if power is not None:
            exponent = int(power)
            if abs(exponent) > 30:
                return None
            value = value ** exponent
        value += glyph
        return value if math.isfinite(value) else None
    except (ValueError, ZeroDivisionError, OverflowError):
        return None


def number_tokens(text: str, pos: int, lex: NumberLexicon, rev: str | None = None) -> list[NumberToken]:
    """Return the run of number tokens (digits, number words, connectors) starting at pos."""
    toks: list[NumberToken] = []
    first = True
    while True:
        m = lex.token.match(text, pos)
        if not m:
            break
        sep = m.group("sep")
        if first:
            sep = ""
        elif "\n" in sep and sep.count("\n") > 1:
            break
        if m.group("frac") is not None:
            tok = _fraction_token(m, sep, first)
        elif m.group("dig") is not None:
            tok = _digits_token(text, m, sep, lex, rev)
        else:
            tok = _word_token(m, sep, lex)
        if tok is None:
            break
        toks.append(tok)
        if tok.kind == "bad" or tok.mag is not None:
            break                     # a magnitude letter ends the number ("12k"), so does a code ("21st")
        pos = tok.end
        first = False
    return toks


def _fraction_token(m: re.Match, sep: str, first: bool) -> NumberToken | None:
    """Return the token of a fraction in digits ("3/4", "2 1/4"), or None when it cannot continue the number."""
    if not first and not sep.strip(" \t\u00a0\u202f\u2009") == "":
        return None
    value = _digits_value(m.group("frac"))
    if value is None:
        return None
    return NumberToken("dig", value, m.start("frac"), m.end("frac"), sep, "")


def _digits_token(text: str, m: re.Match, sep: str, lex: NumberLexicon, rev: str | None) -> NumberToken | None:
    """Return the token of digits with the magnitude glued or spaced after them ("12k", "1.5 M"), a "bad" token
    when the letters glued to them are neither a magnitude nor a unit, or None when the digits are no number."""
    value = _digits_value(m.group("dig"))
    if value is None:
        return None
    glue = m.group("glue")
    mag = None
    end = m.end("dig")
    if glue:
        code = m.end("glue") < len(text) and text[m.end("glue")].isdigit()
        if glue in lex.suffixes and not code:
            mag = lex.suffixes[glue]
        elif glue in lex.money_suffixes and not code and \
                _is_money(text, rev, m.start("dig"), m.end("glue") + text.startswith(".", m.end("glue")), lex):
            mag = lex.money_suffixes[glue]
        elif not lex.unit_after.match(text, end):
            # Digits glued to letters that are neither a magnitude nor a unit: an ordinal ("21st"),
            # a code or an id. Not a number at all.
            return NumberToken("bad", value, m.start("dig"), m.end("glue"), sep, "")
        if mag is not None:
            end = m.end("glue")
    else:
        spaced = lex.spaced_suffix.match(text, end)
        abbreviated = lex.money_abbreviation.match(text, end)
        if spaced:                    # "1,674,200.5 M"
            mag, end = lex.suffixes[spaced.group("suffix")], spaced.end()
        elif abbreviated and _is_money(text, rev, m.start("dig"), abbreviated.end(), lex):   # "110 b. euros"
            mag, end = lex.money_suffixes[abbreviated.group("suffix")], abbreviated.end()
    return NumberToken("dig", value, m.start("dig"), end, sep, "", mag)


def _is_money(text: str, rev: str | None, start: int, end: int, lex: NumberLexicon) -> bool:
    """Return whether a currency stands right before start ("$5m") or right after end ("5 m. euros"): only then is
    a money suffix a magnitude ("5m" alone is five metres). A currency is a unit named by an ISO 4217 code."""
    if lex.unit_before.find(text, text[::-1] if rev is None else rev, start):
        return True
    after = lex.unit_after.match(text, end)
    if not after or not after.group("unit"):
        return False
    key = unit_key(after.group("unit"))
    unit = lex.unit_forms.get(("after", key)) or lex.unit_forms.get(("after", key.lower())) or ""
    return bool(re.fullmatch("[A-Z]{3}", unit))


def _word_token(m: re.Match, sep: str, lex: NumberLexicon) -> NumberToken | None:
    """Return the token of a number word ("three", "fifths", "dozens", "and"), or None when it is no number word."""
    word = m.group("word").lower()
    entry = lex.words.get(word)
    if entry is None:
        return None
    kind, value = entry
    plural = kind == "ords" or (kind == "frac" and word.endswith("s")) or (kind == "mult" and word.endswith("s"))
    if kind == "ords":
        kind = "ord"
    return NumberToken(kind, value, m.start("word"), m.end("word"), sep, word, None, plural)
