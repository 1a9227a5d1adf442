"""Numeric expressions in plain text: figures, qualifier words, ranges, vague magnitudes and units of measure."""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

from typing import Any, NamedTuple

from troopclaims.errors import RulesError
from troopclaims.rules import LineDict, check_keys, location

QUALIFIER_KINDS = ("exact", "approximate", "at_least", "at_most", "range", "vague")


@dataclass(frozen=True)
class Numeric:
    """One numeric expression: qualifier words + figure(s) + an adjacent unit of measure."""

    start: int            # the whole expression: "about 3,000", "between 3,000 and 5,000", "$1.5bn", "thousands"
    end: int              # end exclusive; text[start:end] is the expression (with an adjacent unit of measure)
    num_start: int        # the figure itself ("3,000"); ranges: first figure start .. last figure end
    num_end: int
    value: float | None                # the stated figure; ranges: the low figure; vague phrases: None
    low: float | None     # interval the wording allows; None = open end
    high: float | None
    qualifier: str        # exact | approximate | at_least | at_most | range | vague
    cue: str | None       # the qualifier words as written ("about", "more than", "between"); None when bare
    unit: str | None      # canonical unit of measure when adjacent (km2, percent, USD ...); None otherwise


# --- the compiled lexicon -------------------------------------------------------------------------------------

# Word kinds a written number is made of; the parser's grammar is over these.


@dataclass(frozen=True)
class _Qualifier:
    name: str             # the rule's name (approximate, just_below ...)
    qualifier: str
    low: float | None     # factor of the figure; None = open
    high: float | None


class _Vague(NamedTuple):
    low: float | None
    high: float | None
    cue: str | None          # the vague count word ("several" in "several hundred")


class _Before(NamedTuple):
    """Phrases that may stand right before a position, matched on the reversed text (one anchored attempt)."""

    pattern: re.Pattern

    def find(self, text: str, rev: str, pos: int) -> tuple[int, str] | None:
        """Return (start, phrase) of the phrase ending right before pos (after optional spaces), or None."""
        m = self.pattern.match(rev, len(text) - pos)
        if not m:
            return None
        start = len(text) - m.end()
        return start, text[start:pos].strip()


def _before(phrases, sep_word: str, sep_symbol: str, where: str, what: str, short_case: bool = False) -> _Before:
    """Return a _Before for phrases; word-ending phrases take sep_word before the position, others sep_symbol."""
    alternatives = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = r"\s+".join(re.escape(word[::-1]) for word in reversed(phrase.split()))
        if not short_case or len(phrase) > 3:
            body = f"(?i:{body})"
        sep = sep_word if phrase[-1].isalnum() else sep_symbol
        edge = r"(?![\w$€£])" if phrase[0].isalnum() or phrase[0] == "$" else ""
        alternatives.append(sep + body + edge)
    return _Before(_compile("|".join(alternatives) or r"(?!x)x", where, what))


@dataclass(frozen=True)
class NumberLexicon:
    """The compiled numbers rules: word tables and precompiled patterns."""

    words: dict                      # lower-case word -> (kind, value)
    not_denominators: frozenset
    suffixes: dict                   # glued magnitude letters (case-sensitive) -> float
    money_suffixes: dict
    spaced_suffix: re.Pattern        # magnitude letters that may also stand apart from the digits ("10 M")
    seed: re.Pattern                 # where a number may start
    token: re.Pattern                # one token of a written number, with the separator before it
    cue_before: _Before              # qualifier words right before a figure
    cue_after: re.Pattern            # qualifier words right after a figure (match)
    cue_kinds: dict                  # normalised cue -> _Qualifier
    range_gap: re.Pattern            # the whole text between two figures of a range
    between_before: _Before
    between_gap: re.Pattern
    from_before: _Before
    from_gap: re.Pattern
    change_before: re.Pattern
    bound_gap: re.Pattern
    ratio_gap: re.Pattern            # "one over three": a fraction written with a word between two figures
    vague: dict                      # normalised vague phrase -> _Vague
    vague_phrases: re.Pattern        # all vague phrases, matched on the lower-cased text
    unit_after: re.Pattern
    unit_before: _Before
    unit_forms: dict                 # surface form (as matched, normalised) -> canonical unit
    money_after_magnitude: dict      # unit form -> currency when a magnitude word precedes ("361 million pounds")
    subunits: dict                   # unit -> its value in the unit before it ("3 dollars 50 cents")
    scale_after: re.Pattern          # a magnitude word after a unit ("75 USD million")
    blockers: tuple                  # compiled not-number patterns
    not_figures: tuple               # compiled patterns of numbers that are no figure (ages, roads, channels)
    year_min: int
    year_max: int
    year_count_words: frozenset
    year_nouns: frozenset
    year_before: _Before             # time words before a year ("since 2014", "by around 2030")
    next_word: re.Pattern = field(default=re.compile(r"[\s\"“”‘’']*([A-Za-z]+)(['’]s\b)?"))


_TOP_KEYS = ("words", "suffixes", "money_suffixes", "spaced_suffixes", "qualifiers", "ranges", "vague",
             "vague_numbers", "vague_counts", "vague_magnitudes", "units", "money_after_magnitude", "subunits",
             "not_numbers", "not_figures", "years")
_WORD_KEYS = ("digits", "teens", "tens", "hundreds", "scales", "multipliers", "ordinals", "not_denominators",
              "fractions", "negative", "point")
_VAGUE_FRACTION_GLYPHS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞⅐⅑⅒"


def build_number_lexicon(section: LineDict, rules=None) -> NumberLexicon:
    """Return the NumberLexicon for the numbers section, checking every key, number and pattern."""
    where = location(section, fallback="rules/numbers.yaml")
    check_keys(section, where, _TOP_KEYS, required=("words", "qualifiers", "units"))
    words, not_denominators = _build_words(section)
    return NumberLexicon(
        words=words, not_denominators=not_denominators, **_build_suffixes(section), **_build_seeds(words, where),
        **_build_qualifiers(section), **_build_ranges(section), **_build_vague(section),
        **_build_units(section, words),
        blockers=_patterns(section, "not_numbers"), not_figures=_patterns(section, "not_figures"),
        **_build_years(section),
    )


_WORD_KINDS = {"digits": "digit", "teens": "teen", "tens": "tens", "hundreds": "hundred", "scales": "scale",
               "multipliers": "mult", "ordinals": "ord", "fractions": "frac"}


def _build_words(section: LineDict) -> tuple[dict[str, tuple[str, float]], frozenset]:
    """Return the number words (`words`: lower-case word -> (kind, value)) and the ordinals that are no
    denominator."""
    words_node = check_keys(section["words"], location(section, "words"), _WORD_KEYS,
                            required=("digits", "teens", "tens", "hundreds", "scales"))
    words: dict[str, tuple[str, float]] = {}
    for key, kind in _WORD_KINDS.items():
        for word, value in _mapping(words_node, key).items():
            words[str(word).lower()] = (kind, _fraction(value, words_node.get(key), word))
    for word in _strings(words_node, "negative"):
        words[word.lower()] = ("neg", 0.0)
    for word in _strings(words_node, "point"):
        words[word.lower()] = ("point", 0.0)
    for word in ("a", "an"):
        words[word] = ("a", 1.0)
    words["and"] = ("and", 0.0)
    words["of"] = ("of", 0.0)
    # Plural ordinals and fraction words are written out by adding "s" ("fifths", "hundredths").
    for word, (kind, value) in list(words.items()):
        if kind == "ord" and word + "s" not in words:
            words[word + "s"] = ("ords", value)
    return words, frozenset(w.lower() for w in _strings(words_node, "not_denominators"))


def _build_suffixes(section: LineDict) -> dict[str, Any]:
    """Return the magnitude letters glued to digits (`suffixes`, `money_suffixes`) and the spaced ones."""
    suffixes = {str(k): _fraction(v, section.get("suffixes"), k) for k, v in _mapping(section, "suffixes").items()}
    money_suffixes = {str(k): _fraction(v, section.get("money_suffixes"), k)
                      for k, v in _mapping(section, "money_suffixes").items()}
    spaced = _strings(section, "spaced_suffixes")
    for letters in spaced:
        if letters not in suffixes:
            raise RulesError(f"{location(section, 'spaced_suffixes')}: spaced suffix {letters!r} is not in suffixes")
    spaced_suffix = _compile(rf"[ \u00a0](?P<suffix>{_alternation(spaced)})(?![\w])" if spaced else r"(?!x)x",
                             location(section, "spaced_suffixes"), "spaced_suffixes")
    return {"suffixes": suffixes, "money_suffixes": money_suffixes, "spaced_suffix": spaced_suffix}


def _build_seeds(words: dict[str, tuple[str, float]], where: str) -> dict[str, re.Pattern]:
    """Return where a number may start (`seed`) and one token of a written number (`token`)."""
    # Seeds: digits (not glued to a letter before them), number words, and "a"/"an" before a magnitude word.
    number_words = sorted((w for w, (k, _) in words.items() if k in ("digit", "teen", "tens", "hundred", "mult")
                           or (k == "scale" and len(w) > 3) or (k == "frac") or k == "neg"),
                          key=len, reverse=True)
    after_a = sorted((w for w, (k, _) in words.items()
                      if k in ("hundred", "scale", "mult", "frac", "ord", "ords", "tens") and len(w) > 3),
                     key=len, reverse=True)
    digits = r"(?:\d{1,3}(?:,\d{3}(?!\d))+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}(?![\d,]))+|\d+)(?:\.\d+)?|\.\d+"
    glyphs = f"[{_VAGUE_FRACTION_GLYPHS}]"
    digit_number = (rf"(?:{digits})(?:[eE][+-]?\d+(?![\w.])|\s?[x×]\s?10\^[+-]?\d+(?!\d))?(?:\^[+-]?\d+)?"
                    rf"(?:\s?{glyphs})?|{glyphs}")
    fraction_number = r"\d+\s+\d{1,3}/\d{1,3}(?![\d/])|\d{1,4}/\d{1,3}(?![\d/])"
    seed = _compile(
        # Not inside a word, a handle or a path; after "22," a new figure may start ("nrs. 22,24,26").
        rf"(?<![\w.#@/\\])(?<!\d\.)(?:{fraction_number}|{digit_number})"
        rf"|\b(?:{_alternation(number_words)})\b"
        rf"|\ban?\s+(?=(?:{_alternation(after_a)})\b)",
        where, "number seed")
    token = _compile(
        r"(?P<sep>[ \t\u00a0\u202f\u2009]*(?:\n[ \t]*)?(?:[-–‒][ \t]*)?)"
        rf"(?:(?P<frac>{fraction_number})|(?P<dig>{digit_number})(?P<glue>[A-Za-z]+)?"
        r"|(?P<word>[A-Za-z]+)(?![\w]))",
        where, "number token")
    return {"seed": seed, "token": token}


def _named_rules(section: LineDict, key: str, what: str) -> dict:
    """Return section[key], a mapping of named rules, or raise saying what it must be."""
    table = section[key]
    if not isinstance(table, dict):
        raise RulesError(f"{location(section, key)}: {key} must {what}")
    return table


def _index_sides(rule: Any, value: Any, keyed: dict, sides: dict[str, list[str]], key_of) -> None:
    """Index the phrases a rule writes before and after a figure: keyed[(side, key_of(phrase))] = value."""
    for side, bucket in sides.items():
        for phrase in _strings(rule, side):
            keyed[(side, key_of(phrase))] = value
            bucket.append(phrase)


def _build_qualifiers(section: LineDict) -> dict[str, Any]:
    """Return the qualifier words before and after a figure and what each means (`cue_kinds`)."""
    cue_kinds: dict[tuple[str, str], _Qualifier] = {}
    sides: dict[str, list[str]] = {"before": [], "after": []}
    quals = _named_rules(section, "qualifiers", "be a mapping of named rules")
    for name, rule in quals.items():
        check_keys(rule, location(quals, name), ("before", "after"), required=("qualifier", "low", "high"))
        if rule["qualifier"] not in QUALIFIER_KINDS:
            raise RulesError(f"{location(rule, 'qualifier')}: qualifier {rule['qualifier']!r} is not one of "
                             f"{', '.join(QUALIFIER_KINDS)}")
        low, high = (_factor(rule, key) for key in ("low", "high"))
        _index_sides(rule, _Qualifier(str(name), rule["qualifier"], low, high), cue_kinds, sides, _norm)
    cue_before = _before(sides["before"], r"\s+", r"\s*", location(section, "qualifiers"),
                         "qualifier words before a figure")
    cue_after = _compile(rf"(?i:(?P<sp>\s*)(?P<cue>{_phrases(sides['after'])})(?(w)(?!\w)|))",
                         location(section, "qualifiers"), "qualifier words after a figure")
    return {"cue_before": cue_before, "cue_after": cue_after, "cue_kinds": cue_kinds}


def _gap(phrases: list[str], where: str, what: str) -> re.Pattern:
    """Return the pattern of the whole text between two figures: one of the phrases, spaces around it."""
    return _compile(rf"(?i:\s*(?:{_phrases(phrases, bare=True)})\s*)", where, what)


def _build_ranges(section: LineDict) -> dict[str, Any]:
    """Return the words that join two figures into a range ("3-5", "between 3 and 5", "from 3 to 5") or a ratio."""
    ranges = check_keys(section.get("ranges", LineDict()), location(section, "ranges"),
                        ("joiners", "between", "from", "change_words", "bound_joiners", "ratio_joiners"))
    rwhere = location(section, "ranges")
    between = check_keys(ranges.get("between", {"before": [], "joiners": []}), location(ranges, "between"),
                         ("before", "joiners"))
    from_ = check_keys(ranges.get("from", {"before": [], "joiners": []}), location(ranges, "from"),
                       ("before", "joiners"))
    return {
        "range_gap": _gap(_strings(ranges, "joiners"), rwhere, "joiners"),
        "between_before": _before(_strings(between, "before"), r"\s+", r"\s*", rwhere, "between"),
        "between_gap": _gap(_strings(between, "joiners"), rwhere, "between joiners"),
        "from_before": _before(_strings(from_, "before"), r"\s+", r"\s*", rwhere, "from"),
        "from_gap": _gap(_strings(from_, "joiners"), rwhere, "from joiners"),
        "change_before": _compile(
            rf"(?i:\b(?:{_phrases(_strings(ranges, 'change_words'), bare=True)})\b[\w\s,%$€£.]{{0,40}})\Z",
            rwhere, "change_words"),
        "ratio_gap": _compile(rf"\s+(?:{_phrases(_strings(ranges, 'ratio_joiners'), bare=True)})\s+", rwhere,
                              "ratio_joiners"),
        "bound_gap": _gap(_strings(ranges, "bound_joiners"), rwhere, "bound_joiners"),
    }


def _build_vague(section: LineDict) -> dict[str, Any]:
    """Return the vague magnitudes ("thousands", "a large number", "several hundred") and their intervals."""
    vague: dict[str, _Vague] = {}
    vague_node = _mapping(section, "vague")
    for phrase, pair in vague_node.items():
        vague[_norm(str(phrase))] = _Vague(*_interval(pair, vague_node, phrase), None)
    numbers_node = check_keys(section.get("vague_numbers", {"low": None, "high": None}),
                              location(section, "vague_numbers"), ("adjectives",), required=("low", "high"))
    for adjective in _strings(numbers_node, "adjectives"):
        interval = _Vague(_number_or_none(numbers_node, "low"), _number_or_none(numbers_node, "high"), None)
        vague[_norm(f"a {adjective} number")] = interval
        vague[_norm(f"{adjective} numbers of")] = interval
    counts = _mapping(section, "vague_counts")
    magnitudes = _mapping(section, "vague_magnitudes")
    for word, pair in counts.items():
        low, high = _interval(pair, counts, word)
        if low is None or high is None:
            raise RulesError(f"{location(counts, word)}: vague count {word!r} needs [low, high] numbers")
        for magnitude, scale in magnitudes.items():
            factor = float(_fraction(scale, magnitudes, magnitude))
            vague[_norm(f"{word} {magnitude}")] = _Vague(_round(low * factor), _round(high * factor), str(word))
    vague_phrases = _compile(rf"\b(?:{'|'.join(_phrase(p) for p in sorted(vague, key=len, reverse=True))})\b"
                             if vague else r"(?!x)x", location(section, "vague"), "vague phrases")
    return {"vague": vague, "vague_phrases": vague_phrases}


def _build_units(section: LineDict, words: dict[str, tuple[str, float]]) -> dict[str, Any]:
    """Return the units of measure and currencies before and after a figure, their subunits and the magnitude
    words that may follow a unit ("75 USD million")."""
    unit_forms: dict[tuple[str, str], str] = {}
    sides: dict[str, list[str]] = {"before": [], "after": []}
    units = _named_rules(section, "units", "map a canonical unit to its forms")
    for unit, forms in units.items():
        check_keys(forms, location(units, unit), ("before", "after"))
        _index_sides(forms, str(unit), unit_forms, sides, _unit_key)
    money_after_magnitude = {}
    money_node = _mapping(section, "money_after_magnitude")
    for form, currency in money_node.items():
        if not isinstance(currency, str) or currency not in units:
            raise RulesError(f"{location(money_node, form)}: {currency!r} is not a unit named under units")
        money_after_magnitude[_unit_key(str(form))] = currency
        sides["after"].append(str(form))
    unit_after = _compile(
        rf"(?P<sep>[ \u00a0\u202f\u2009]?(?:-[ ]?)?|[ ]{{0,2}})(?P<unit>{_unit_phrases(sides['after'])})",
        location(section, "units"), "units after a figure")
    unit_before = _before(sides["before"], "[ \u00a0]?", "[ \u00a0]?", location(section, "units"),
                          "units before a figure", short_case=True)
    subunits = {str(k): _fraction(v, section.get("subunits"), k) for k, v in _mapping(section, "subunits").items()}
    scale_words = [w for w, (k, _) in words.items() if k == "scale" and len(w) > 3]
    scale_after = _compile(rf"\s+(?P<scale>{_alternation(scale_words)})\b" if scale_words else r"(?!x)x",
                           location(section, "words"), "scale words")
    return {"unit_after": unit_after, "unit_before": unit_before, "unit_forms": unit_forms,
            "money_after_magnitude": money_after_magnitude, "subunits": subunits, "scale_after": scale_after}


def _build_years(section: LineDict) -> dict[str, Any]:
    """Return what tells a year from a count: its span of years, count words, year nouns and time words."""
    years = check_keys(section.get("years", {"min": 1800, "max": 2100}), location(section, "years"),
                       ("count_words", "year_nouns", "time_words"), required=("min", "max"))
    for key in ("min", "max"):
        if not isinstance(years[key], int):
            raise RulesError(f"{location(years, key)}: years.{key} must be a whole number")
    return {
        "year_min": years["min"], "year_max": years["max"],
        "year_count_words": frozenset(w.lower() for w in _strings(years, "count_words")),
        "year_nouns": frozenset(w.lower() for w in _strings(years, "year_nouns")),
        "year_before": _before(_strings(years, "time_words"), r"\s+", r"\s*", location(section, "years"),
                               "time words"),
    }


def _patterns(section: LineDict, key: str) -> tuple[re.Pattern, ...]:
    """Return the compiled regular expressions of a name -> pattern section (not_numbers, not_figures)."""
    table = _mapping(section, key)
    compiled = []
    for name, pattern in table.items():
        if not isinstance(pattern, str):
            raise RulesError(f"{location(table, name)}: {key}.{name} must be one regular expression")
        compiled.append(_compile(pattern, location(table, name), f"{key}.{name}"))
    return tuple(compiled)


def _mapping(node: Any, key: str) -> dict:
    value = node.get(key, {}) if isinstance(node, dict) else {}
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise RulesError(f"{location(node, key)}: {key} must be a mapping")
    return value


def _strings(node: Any, key: str) -> list[str]:
    value = node.get(key, []) if isinstance(node, dict) else []
    if value is None:
        return []
    if not isinstance(value, list):
        raise RulesError(f"{location(node, key)}: {key} must be a list of strings")
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise RulesError(f"{location(value, index, location(node, key))}: {key} item {item!r} must be a "
                             f"non-empty string (quote it)")
    return list(value)


def _fraction(value: Any, node: Any, key: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RulesError(f"{location(node, key)}: {key!r} must map to a number, got {value!r}")
    return float(value)


def _factor(node: Any, key: str) -> float | None:
    value = node.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise RulesError(f"{location(node, key)}: {key} must be a factor of the figure (e.g. 0.9) or null")
    return float(value)


def _interval(pair: Any, node: Any, key: Any) -> tuple[float | None, float | None]:
    if not (isinstance(pair, list) and len(pair) == 2 and
            all(v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)) for v in pair)):
        raise RulesError(f"{location(node, key)}: {key!r} needs [low, high] (numbers or null)")
    low, high = (None if v is None else float(v) for v in pair)
    if low is not None and high is not None and low > high:
        raise RulesError(f"{location(node, key)}: {key!r} has low above high")
    return low, high


def _number_or_none(node: Any, key: str) -> float | None:
    value = node.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RulesError(f"{location(node, key)}: {key} must be a number or null")
    return float(value)


def _compile(pattern: str, where: str, what: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise RulesError(f"{where}: bad pattern in {what} ({exc}); fix the regular expression") from None


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _phrase(text: str) -> str:
    return r"\s+".join(re.escape(part) for part in text.split())


def _phrases(phrases, bare: bool = False) -> str:
    """Return an alternation of phrases, longest first; word-ending phrases set the group `w` unless bare."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    if bare:
        parts = []
        for p in ordered:
            body = _phrase(p)
            parts.append((r"\b" if p[0].isalnum() else "") + body + (r"\b" if p[-1].isalnum() else ""))
        return "|".join(parts) or r"(?!x)x"
    words = [p for p in ordered if p[-1].isalnum() or p[-1] == "."]
    symbols = [p for p in ordered if not (p[-1].isalnum() or p[-1] == ".")]
    alternatives = []
    if words:
        alternatives.append("(?P<w>" + "|".join((r"\b" if p[0].isalnum() else "") + _phrase(p) for p in words)
                            + ")")
    if symbols:
        alternatives.append("|".join(_phrase(p) for p in symbols))
    return "|".join(alternatives) or r"(?!x)x"


def _unit_key(form: str) -> str:
    """Return the lookup key of a unit form: short forms keep their case, longer ones are lower-cased."""
    form = " ".join(form.split())
    return form if len(form) <= 3 else form.lower()


def _unit_phrases(forms) -> str:
    ordered = sorted(set(forms), key=len, reverse=True)
    parts = []
    for form in ordered:
        body = _phrase(form)
        if len(form) > 3:
            body = f"(?i:{body})"
        tail = r"(?![\w])" if form[-1].isalnum() else ""
        parts.append(body + tail)
    return "|".join(parts) or r"(?!x)x"


# --- tokens of a written number -------------------------------------------------------------------------------

class _Tok(NamedTuple):
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
        if text and text[-1] in _VAGUE_FRACTION_GLYPHS:
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


def _tokens(text: str, pos: int, lex: NumberLexicon, rev: str | None = None) -> list[_Tok]:
    """Return the run of number tokens (digits, number words, connectors) starting at pos."""
    toks: list[_Tok] = []
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


def _fraction_token(m: re.Match, sep: str, first: bool) -> _Tok | None:
    """Return the token of a fraction in digits ("3/4", "2 1/4"), or None when it cannot continue the number."""
    if not first and not sep.strip(" \t\u00a0\u202f\u2009") == "":
        return None
    value = _digits_value(m.group("frac"))
    if value is None:
        return None
    return _Tok("dig", value, m.start("frac"), m.end("frac"), sep, "")


def _digits_token(text: str, m: re.Match, sep: str, lex: NumberLexicon, rev: str | None) -> _Tok | None:
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
                lex.unit_before.find(text, text[::-1] if rev is None else rev, m.start("dig")):
            mag = lex.money_suffixes[glue]
        elif not lex.unit_after.match(text, end):
            # Digits glued to letters that are neither a magnitude nor a unit: an ordinal ("21st"),
            # a code or an id. Not a number at all.
            return _Tok("bad", value, m.start("dig"), m.end("glue"), sep, "")
        if mag is not None:
            end = m.end("glue")
    else:
        spaced = lex.spaced_suffix.match(text, end)
        if spaced:                    # "1,674,200.5 M"
            mag, end = lex.suffixes[spaced.group("suffix")], spaced.end()
    return _Tok("dig", value, m.start("dig"), end, sep, "", mag)


def _word_token(m: re.Match, sep: str, lex: NumberLexicon) -> _Tok | None:
    """Return the token of a number word ("three", "fifths", "dozens", "and"), or None when it is no number word."""
    word = m.group("word").lower()
    entry = lex.words.get(word)
    if entry is None:
        return None
    kind, value = entry
    plural = kind == "ords" or (kind == "frac" and word.endswith("s")) or (kind == "mult" and word.endswith("s"))
    if kind == "ords":
        kind = "ord"
    return _Tok(kind, value, m.start("word"), m.end("word"), sep, word, None, plural)


# --- the grammar of written numbers ---------------------------------------------------------------------------

class _Read(NamedTuple):
    value: float
    i: int                             # first token used
    j: int                             # one past the last token used
    mag: float | None                  # the magnitude the figure ends with ("5 million" -> 10**6), for ranges
    words: bool                        # written with number words (not only digits)


_INF = float("inf")


def _denominator(lex: NumberLexicon, tok: _Tok) -> float | None:
    if tok.kind == "frac":
        return tok.value
    if tok.kind == "ord" and tok.word.rstrip("s") not in lex.not_denominators and tok.word not in \
            lex.not_denominators:
        return tok.value
    return None


@dataclass
class _Reading:
    """One number being read token by token: what is summed so far and the kind of the last token read."""

    toks: list[_Tok]
    lex: NumberLexicon
    first: int                         # the first token after a minus word
    start: int                         # the first token of the number, minus word included
    sign: int
    total: float = 0.0                 # completed scale groups ("two million" of "two million three hundred")
    group: float | None = None         # the figure below the last scale word
    last: str | None = None            # kind of the last token consumed
    last_scale: float = _INF
    group_hundred: bool = False
    and_base: float | None = None      # group value when the last "and" was read
    and_after: str | None = None       # the kind of token that "and" followed
    prev_value: float = 0.0            # total+group before the last token
    best: _Read | None = None
    cut: _Read | None = None           # the reading to fall back to when a magnitude word collides
    words_used: bool = False
    ordinal: bool = False              # the words are an ordinal ("twenty-second"), not a number

    def value_now(self) -> float:
        return self.total + (self.group or 0)

    def keep(self, end: int, m: float | None = None) -> _Read:
        return _Read(self.sign * self.value_now(), self.start, end, m, self.words_used)

    def pending_and(self, j: int) -> bool:
        """Return True when the token before toks[j] is an "and" of this number."""
        return j > self.first and self.toks[j - 1].kind == "and"


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


def _read_digits(r: _Reading, j: int) -> int | None:
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


def _read_word(r: _Reading, j: int) -> int | None:
    """Read a digit, teen or tens word ("three", "twenty"), or the fraction it starts ("three fifths")."""
    t, k, pending_and = r.toks[j], r.toks[j].kind, r.pending_and(j)
    last = r.last
    ok = (last is None or (last == "scale" and r.group is None) or last == "hundred" or
          (last == "tens" and k == "digit" and not pending_and) or
          (pending_and and last in ("digit", "teen", "tens", "dig", "mult") and _fraction_ahead(r.toks, j, r.lex)))
    if t.value == 0 and last is not None:
        return None
    if not ok or last == "a":
        return _read_ordinal_fraction(r, j) if last is not None and not pending_and else None
    if pending_and and r.and_base is None:
        r.and_base = 0.0
    r.prev_value = r.value_now()
    r.group = (r.group or 0) + t.value
    r.last = k
    r.words_used = True
    r.best = r.keep(j + 1)
    return j + 1


def _read_hundred(r: _Reading, j: int) -> int | None:
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


def _read_scale(r: _Reading, j: int) -> int | None:
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


def _read_multiplier(r: _Reading, j: int) -> int | None:
    """Read a multiplier word ("dozen", "score") that multiplies the figure written since the last "and"."""
    if r.group is not None and r.last in ("digit", "teen", "tens", "dig", "a", "frac"):
        tail = r.group - (r.and_base or 0) if r.last != "frac" else r.group
        r.group = r.group - tail + tail * r.toks[j].value
        r.last, r.words_used = "mult", True
        r.best = r.keep(j + 1)
        return j + 1
    return None


def _read_a(r: _Reading, j: int) -> int | None:
    """Read "a"/"an" standing for one before a magnitude or a fraction ("a million", "a third", "half a dozen")."""
    toks, n = r.toks, len(r.toks)
    nxt = toks[j + 1] if j + 1 < n else None
    if nxt is None:
        return None
    if r.last == "frac" and nxt.kind == "mult":
        return j + 1                  # "half a dozen"
    pending_and = r.pending_and(j)
    leads = nxt.kind in ("hundred", "scale", "mult") or _denominator(r.lex, nxt) is not None or \
        _ordinal_ahead(toks, j + 1, r.lex) is not None
    if leads and (r.last is None or (pending_and and _fraction_ahead(toks, j, r.lex)) or
                  (r.last == "scale" and r.group is None and nxt.kind != "scale")):
        if pending_and and r.and_base is None:
            r.and_base = r.group or 0.0
        r.group = (r.group or 0) + 1
        r.last = "a"
        return j + 1
    return None


def _read_and(r: _Reading, j: int) -> int | None:
    """Read "and" inside a number ("one hundred and six"), remembering the figure it follows."""
    if r.last in ("hundred", "scale", "digit", "teen", "tens", "dig", "mult") and j + 1 < len(r.toks):
        r.and_base = r.group if r.last != "scale" else 0.0
        r.and_after = r.last
        return j + 1
    return None


def _read_of(r: _Reading, j: int) -> int | None:
    """Read "of a" between a fraction and a scale word ("two thirds of a million")."""
    toks = r.toks
    if r.last == "frac" and j + 2 < len(toks) and toks[j + 1].kind == "a" and toks[j + 2].kind == "scale":
        return j + 2
    return None


def _read_point(r: _Reading, j: int) -> int | None:
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


def _read_ordinal_fraction(r: _Reading, j: int) -> int | None:
    """Read number words that end in an ordinal as the denominator of what came before ("three twenty-fifths")."""
    ahead = _ordinal_ahead(r.toks, j, r.lex)
    if ahead is not None and r.value_now() > 0:
        den, plural, jj = ahead
        numer = r.value_now()
        if plural or numer == 1:
            r.total, r.group, r.last, r.words_used = 0.0, numer / den, "frac", True
            r.best = r.keep(jj)
            return jj
    return None


def _read_fraction(r: _Reading, j: int) -> int | None:
    """Read a fraction word or an ordinal as a denominator ("half", "three quarters", "one hundred and a half")."""
    t, k, pending_and, last = r.toks[j], r.toks[j].kind, r.pending_and(j), r.last
    den = _denominator(r.lex, t)
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
        if r.last_scale < _INF and not (j + 1 < len(r.toks) and r.toks[j + 1].kind == "scale"):
            part *= r.last_scale
        r.group = part
    else:
        r.total, r.group, r.last_scale = 0.0, whole + part, _INF
    r.last, r.words_used = "frac", True
    r.and_base = None
    r.best = r.keep(j + 1)
    return j + 1


def _numerator(r: _Reading, j: int, den: float) -> tuple[float, float, float]:
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


_READERS = {"dig": _read_digits, "digit": _read_word, "teen": _read_word, "tens": _read_word,
            "hundred": _read_hundred, "scale": _read_scale, "mult": _read_multiplier, "a": _read_a,
            "and": _read_and, "of": _read_of, "point": _read_point, "frac": _read_fraction, "ord": _read_fraction}


def _fraction_ahead(toks: list[_Tok], j: int, lex: NumberLexicon) -> bool:
    """Return True when the words from toks[j] end in a fraction ("three fifths", "a half")."""
    seen = False
    while j < len(toks) and (toks[j].kind in ("digit", "teen", "tens", "a", "hundred") or
                             (seen and toks[j].kind == "and")):
        seen = True
        j += 1
    return seen and j < len(toks) and _denominator(lex, toks[j]) is not None


def _ordinal_ahead(toks: list[_Tok], j: int, lex: NumberLexicon) -> tuple[float, bool, int] | None:
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


def _decimal_words(toks: list[_Tok], j: int) -> tuple[str, int]:
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


# --- finding numerics in text ---------------------------------------------------------------------------------

@dataclass
class _Atom:
    """A figure found in text, being dressed with its unit, qualifier and range partner."""

    ns: int
    ne: int
    value: float
    mag: float | None
    words: bool
    digits_only: str | None           # the plain digit text when written with digits only (for the year test)
    s: int = 0
    e: int = 0
    unit: str | None = None
    unit_before: bool = False
    qualifier: str = "exact"
    cue: str | None = None
    low: float | None = None
    high: float | None = None
    rng: bool = False


def _blocked_mask(text: str, lex: NumberLexicon, patterns: tuple | None = None,
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


def _atoms(text: str, low: str, rev: str, lex: NumberLexicon, mask: bytearray | None) -> list[_Atom]:
    atoms: list[_Atom] = []
    pos = 0
    while True:
        m = lex.seed.search(low, pos)
        if not m:
            break
        start = m.start()
        toks = _tokens(text, start, lex, rev)
        if not toks:
            pos = m.end()
            continue
        pos = max(toks[-1].end, m.end())
        for read in _read_run(toks, lex):
            first, last = toks[read.i], toks[read.j - 1]
            ns, ne = first.start, last.end
            value = read.value
            if first.kind == "dig":
                sign_at = _minus_sign(text, ns)
                if sign_at is not None:
                    ns, value = sign_at, -value
            if (mask is not None and mask.find(1, ns, ne) != -1) or not math.isfinite(value):
                continue
            digits_only = text[ns:ne] if not read.words and read.j - read.i == 1 else None
            atoms.append(_Atom(ns, ne, float(value), float(read.mag) if read.mag else None, read.words,
                               digits_only, ns, ne))
    return atoms


def _minus_sign(text: str, ns: int) -> int | None:
    """Return where a minus sign before the digits at ns starts ("-9.5", "(-3)", "- 10 k" opening a line), or None.

    A hyphen between two figures ("1000 - 5000") or after a word with spaces ("NEWS - 3 DEAD") is a dash.
    """
    if ns >= 1 and text[ns - 1] in "-−":
        sign_at, spaced = ns - 1, False
    elif ns >= 2 and text[ns - 1] == " " and text[ns - 2] in "-−":
        sign_at, spaced = ns - 2, True
    else:
        return None
    before = text[:sign_at]
    line = before[before.rfind("\n") + 1:]
    if spaced:
        return sign_at if not line.strip() else None
    if before and before[-1] not in " \t\n([=:<>":
        return None
    last = before.rstrip()[-1:]
    return None if last and (last.isdigit() or last in "%)]") else sign_at


def _attach_units(text: str, rev: str, atoms: list[_Atom], lex: NumberLexicon) -> None:
    taken = 0                         # a unit written between two figures belongs to the first ("10 $ 30 $")
    for atom in atoms:
        before = lex.unit_before.find(text, rev, atom.ns)
        if before and before[0] >= taken:
            key = _unit_key(before[1])
            unit = lex.unit_forms.get(("before", key)) or lex.unit_forms.get(("before", key.lower()))
            if unit:
                atom.unit, atom.s, atom.unit_before = unit, before[0], True
        after = lex.unit_after.match(text, atom.ne)
        if after and after.group("unit"):
            key = _unit_key(after.group("unit"))
            unit = lex.unit_forms.get(("after", key)) or lex.unit_forms.get(("after", key.lower()))
            money = lex.money_after_magnitude.get(key) or lex.money_after_magnitude.get(key.lower())
            if money and atom.mag and atom.mag >= 1000:
                unit = money                  # "361 million pounds" is sterling, "25 pounds" a weight
            if unit and (atom.unit is None or atom.unit == unit):
                atom.unit, atom.e = unit, after.end()
                scale = lex.scale_after.match(text, atom.e)
                if scale and not atom.mag:
                    factor = float(lex.words[scale.group("scale").lower()][1])
                    atom.value, atom.mag, atom.e = atom.value * factor, factor, scale.end()   # "75 USD million"
        taken = atom.e


def _join_subunits(text: str, atoms: list[_Atom], lex: NumberLexicon) -> list[_Atom]:
    """Return the atoms with "3 dollars 50 cents" merged into one figure in the larger unit."""
    out: list[_Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        if prev is not None and atom.unit in lex.subunits and prev.unit and prev.unit not in lex.subunits and \
                not prev.unit_before and re.fullmatch(r"\s+(?:and\s+)?", text[prev.e:atom.s]):
            prev.value = _round(prev.value + atom.value * lex.subunits[atom.unit])
            prev.ne, prev.e = atom.ne, atom.e
            continue
        out.append(atom)
    return out


def _is_year(text: str, rev: str, atom: _Atom, lex: NumberLexicon, end: int) -> bool:
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


def _qualify(text: str, rev: str, atom: _Atom, lex: NumberLexicon) -> None:
    before = lex.cue_before.find(text, rev, atom.s)
    bkind = lex.cue_kinds.get(("before", _norm(before[1]))) if before else None
    after = lex.cue_after.match(text, atom.e)
    akind = lex.cue_kinds.get(("after", _norm(after.group("cue")))) if after else None
    # An open bound after the figure outweighs a looser word before it: "about 500 or more" is at least 500.
    if akind and (bkind is None or ((akind.low is None or akind.high is None) and
                                    bkind.qualifier in ("approximate", "exact"))):
        if bkind:
            atom.s = before[0]
        atom.cue, atom.qualifier, atom.e = after.group("cue"), akind.qualifier, after.end()
        _apply_factors(atom, akind)
    elif bkind:
        atom.cue, atom.qualifier, atom.s = before[1], bkind.qualifier, before[0]
        if akind and akind.qualifier == bkind.qualifier:
            atom.e = after.end()      # "some 200-odd": both words say the same
        _apply_factors(atom, bkind)
    else:
        atom.low = atom.high = atom.value


def _apply_factors(atom: _Atom, kind: _Qualifier) -> None:
    low = None if kind.low is None else _round(atom.value * kind.low)
    high = None if kind.high is None else _round(atom.value * kind.high)
    if low is not None and high is not None and low > high:
        low, high = high, low
    atom.low, atom.high = low, high


def _round(value: float) -> float:
    return float(f"{value:.12g}")


def _maybe_round(value: float | None) -> float | None:
    return None if value is None else _round(value)


def _join_ranges(text: str, rev: str, atoms: list[_Atom], lex: NumberLexicon) -> list[_Atom]:
    """Return the atoms with "A-B", "A to B", "between A and B", "from A to B" merged into ranges."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            merged = _range(text, rev, a, b, lex) or _ratio(text, a, b, lex)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
            if merged is None and _is_score(text, a, b):
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _ratio(text: str, a: _Atom, b: _Atom, lex: NumberLexicon) -> _Atom | None:
    """Return "one over three" as one figure (1/3) when nothing follows the second figure."""
    if a.unit or b.unit or b.value == 0 or not lex.ratio_gap.fullmatch(text, a.e, b.s):
        return None
    if not re.match(r"\s*(?:[.;:!?)\]]|,\s|$)", text[b.e:b.e + 3]):
        return None               # "1,000 over 3 days" is a count over a time
    value = a.value / b.value
    return _Atom(a.ns, b.ne, value, None, a.words or b.words, None, a.s, b.e)


def _is_score(text: str, a: _Atom, b: _Atom) -> bool:
    gap = text[a.e:b.s]
    return bool(re.fullmatch(r"[-–]", gap)) and a.digits_only is not None and b.digits_only is not None and \
        a.value >= b.value and a.value < 200 and not a.unit and not b.unit


def _range(text: str, rev: str, a: _Atom, b: _Atom, lex: NumberLexicon) -> _Atom | None:
    gap_start, gap_end = a.e, b.s
    if gap_end - gap_start > 24:
        return None
    cue = None
    start = a.s
    between = lex.between_before.find(text, rev, a.s)
    frm = lex.from_before.find(text, rev, a.s)
    if between and lex.between_gap.fullmatch(text, gap_start, gap_end):
        start, cue = between
    elif frm and lex.from_gap.fullmatch(text, gap_start, gap_end):
        if lex.change_before.search(text, max(0, frm[0] - 60), frm[0]):
            return None
        start, cue = frm
    elif lex.range_gap.fullmatch(text, gap_start, gap_end):
        cue = text[gap_start:gap_end].strip()
        if not cue[0].isalnum() and not (text[a.ns].isdigit() and text[b.ns].isdigit()):
            return None               # a dash between number words: "three-nought-four" is read out digit by digit
        if cue.lower() == "or" and (b.value > 10 * a.value or (a.mag and b.mag and a.mag != b.mag)):
            return None               # "10 bln or 10 tln", "5 or 500": two figures, not one range
    else:
        return None
    if a.unit and b.unit and a.unit != b.unit:
        return None
    low, high = a.value, b.value
    if b.mag and not a.mag and low < high / b.mag and b.mag > 1:
        low = low * b.mag             # "three to five thousand", "$3-5 million"
    if not low < high:
        return None
    unit = a.unit or b.unit
    merged = _Atom(a.ns, b.ne, _round(low), b.mag, a.words or b.words, None, start, b.e, unit,
                   a.unit_before, "range", cue, _round(low), _round(high), True)
    return merged


def _join_bounds(text: str, atoms: list[_Atom], lex: NumberLexicon) -> list[_Atom]:
    """Return the atoms with "more than 10 and less than 20" merged into one range."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            pair = {a.qualifier, b.qualifier}
            if pair == {"at_least", "at_most"} and a.cue and b.cue and (a.unit == b.unit or not a.unit or not b.unit) \
                    and lex.bound_gap.fullmatch(text, a.e, b.s):
                lo_atom, hi_atom = (a, b) if a.qualifier == "at_least" else (b, a)
                if lo_atom.high is None and hi_atom.low is None and lo_atom.low is not None and \
                        hi_atom.high is not None and lo_atom.low < hi_atom.high:
                    out.append(_Atom(a.ns, b.ne, lo_atom.low, None, a.words or b.words, None, a.s, b.e,
                                     a.unit or b.unit, a.unit_before, "range", text[a.s:b.e], lo_atom.low,
                                     hi_atom.high, True))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _vague(text: str, low: str, lex: NumberLexicon, mask: bytearray) -> list[Numeric]:
    found = []
    for m in lex.vague_phrases.finditer(low):
        s, e = m.span()
        entry = lex.vague[_norm(m.group())]
        if low.endswith(" of", s, e) or low[s:e].split()[-1] == "of":
            e = s + len(text[s:e].rsplit(None, 1)[0])        # "scores of": the "of" is context, not span
        if mask.find(1, s, e) == -1:
            found.append(Numeric(s, e, s, e, None, entry.low, entry.high, "vague", entry.cue, None))
    return found


def numerics(text: str, lexicon: NumberLexicon) -> list[Numeric]:
    """Return the numeric expressions in text, sorted by start and not overlapping."""
    lex = lexicon
    rev = text[::-1]
    low = _lowered(text)
    mask = _blocked_mask(text, lex)
    atoms = _atoms(text, low, rev, lex, mask)
    _attach_units(text, rev, atoms, lex)
    atoms = _join_subunits(text, atoms, lex)
    atoms = _join_ranges(text, rev, atoms, lex)
    for atom in atoms:
        if not atom.rng:
            _qualify(text, rev, atom, lex)
    atoms = _join_bounds(text, atoms, lex)
    kept = []
    for atom in atoms:
        if atom.rng:
            if atom.digits_only is None and _range_is_years(text, rev, atom, lex):
                continue
        elif _is_year(text, rev, atom, lex, atom.e):
            continue
        kept.append(atom)
    # Value and bounds rounded alike, so that an exact "⅐" keeps low <= value <= high.
    results = [Numeric(a.s, a.e, a.ns, a.ne, _round(a.value) if a.qualifier != "range" else _maybe_round(a.low),
                       _maybe_round(a.low), _maybe_round(a.high), a.qualifier, a.cue, a.unit) for a in kept]
    results.extend(_vague(text, low, lex, mask))
    return _without_overlaps(results)


_CONTEXT = 100     # characters of context a not_figures pattern may use either side of a figure


def figures(text: str, lexicon: NumberLexicon) -> list[Numeric]:
    """Return the numerics of text that are figures a fact-checker compares: not an age, a road, a channel ...
    (`not_figures` in rules/numbers.yaml). They stay numbers: only claims leave them out."""
    found = numerics(text, lexicon)
    if not lexicon.not_figures or not found:
        return found
    windows: list[tuple[int, int]] = []         # only the text around figures is searched (for speed)
    for n in found:
        start, end = max(0, n.start - _CONTEXT), min(len(text), n.end + _CONTEXT)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    mask = _blocked_mask(text, lexicon, lexicon.not_figures, windows)
    return [n for n in found if mask.find(1, n.num_start, n.num_end) == -1]


def _lowered(text: str) -> str:
    """Return text in lower case with every character kept in place (word lists match it case-sensitively)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def _range_is_years(text: str, rev: str, atom: _Atom, lex: NumberLexicon) -> bool:
    lo, hi = atom.low, atom.high
    raw = text[atom.ns:atom.ne]
    if atom.unit or any(c in raw for c in ",. \u00a0") and re.search(r"\d[,. \u00a0]\d{3}", raw):
        return False
    if lo is None or hi is None or not (lex.year_min <= lo <= lex.year_max and lex.year_min <= hi <= lex.year_max):
        return False
    probe = _Atom(atom.ns, atom.ne, hi, None, False, str(int(hi)), atom.s, atom.e)
    return _is_year(text, rev, probe, lex, atom.e)


def _without_overlaps(found: list[Numeric]) -> list[Numeric]:
    """Return the numerics sorted by start; of two that overlap the longer stays."""
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    taken: list[Numeric] = []
    for cand in found:
        if taken and cand.start < taken[-1].end:
            if cand.end - cand.start > taken[-1].end - taken[-1].start:
                taken[-1] = cand
            continue
        taken.append(cand)
    return taken


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
