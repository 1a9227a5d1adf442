"""The compiled numbers rules (NumberLexicon), built by one builder per section of rules/numbers.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from troopclaims.errors import RulesError
from troopclaims.extractors.numbers.phrases import (BeforePhrases, alternation, before_phrases, compile_pattern,
    normalize, phrase_alternation, phrase_pattern, unit_key, unit_phrases)
from troopclaims.extractors.numbers.records import QUALIFIER_KINDS, round_figure
from troopclaims.extractors.numbers.rule_values import (rule_factor, rule_fraction, rule_interval, rule_mapping,
    rule_number_or_none, rule_patterns, rule_strings)
from troopclaims.rules import LineDict, check_keys, location


@dataclass(frozen=True)
class Qualifier:
    name: str             # the rule's name (approximate, just_below ...)
    qualifier: str
    low: float | None     # factor of the figure; None = open
    high: float | None
    not_after: frozenset[str] = frozenset()   # words before the cue that make it a preposition ("comment about")
    only_before: frozenset[str] | None = None  # when given, the words (else punctuation) the figure must stand before
    not_before: re.Pattern | None = None   # what after the figure undoes the cue ("passed 3 and rejected 2 of ...")


class _Vague(NamedTuple):
    low: float | None
    high: float | None
    cue: str | None          # the vague count word ("several" in "several hundred")


@dataclass(frozen=True)
class NumberLexicon:
    """The compiled numbers rules: word tables and precompiled patterns."""

    words: dict                      # lower-case word -> (kind, value)
    not_denominators: frozenset
    suffixes: dict                   # glued magnitude letters (case-sensitive) -> float
    money_suffixes: dict
    spaced_suffix: re.Pattern        # magnitude letters that may also stand apart from the digits ("10 M")
    money_abbreviation: re.Pattern   # a money suffix apart from the digits with a full stop ("110 b. euros")
    seed: re.Pattern                 # where a number may start
    token: re.Pattern                # one token of a written number, with the separator before it
    cue_before: BeforePhrases              # qualifier words right before a figure
    cue_after: re.Pattern            # qualifier words right after a figure (match)
    cue_kinds: dict                  # normalised cue -> Qualifier
    range_gap: re.Pattern            # the whole text between two figures of a range
    between_before: BeforePhrases
    between_gap: re.Pattern
    from_before: BeforePhrases
    from_gap: re.Pattern
    change_before: re.Pattern
    difference_before: re.Pattern    # "rose by" right before a figure: the size of a change
    difference_span: float | None    # "by A to B" is a range only when B is at most this many times A
    difference_level_span: float | None    # the same when nothing is counted after B ("rose by 10 to 30.")
    difference_level_end: re.Pattern      # what may follow such a B: punctuation, a preposition
    level_before: re.Pattern              # "rose by" of a running count, the only change read so
    bound_gap: re.Pattern
    ratio_gap: re.Pattern            # "one over three": a fraction written with a word between two figures
    vague: dict                      # normalised vague phrase -> _Vague
    vague_phrases: re.Pattern        # all vague phrases, matched on the lower-cased text
    unit_after: re.Pattern
    unit_before: BeforePhrases
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
    year_before: BeforePhrases             # time words before a year ("since 2014", "by around 2030")
    next_word: re.Pattern = field(default=re.compile(r"[\s\"“”‘’']*([A-Za-z]+)(['’]s\b)?"))


_TOP_KEYS = ("words", "suffixes", "money_suffixes", "spaced_suffixes", "qualifiers", "ranges", "vague",
             "vague_numbers", "vague_counts", "vague_magnitudes", "units", "money_after_magnitude", "subunits",
             "not_numbers", "not_figures", "years")


_WORD_KEYS = ("digits", "teens", "tens", "hundreds", "scales", "multipliers", "ordinals", "not_denominators",
              "fractions", "negative", "point")


VAGUE_FRACTION_GLYPHS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞⅐⅑⅒"


def build_number_lexicon(section: LineDict, rules=None) -> NumberLexicon:
    """Return the NumberLexicon for the numbers section, checking every key, number and pattern."""
    where = location(section, fallback="rules/numbers.yaml")
    check_keys(section, where, _TOP_KEYS, required=("words", "qualifiers", "units"))
    words, not_denominators = _build_words(section)
    return NumberLexicon(
        words=words, not_denominators=not_denominators, **_build_suffixes(section),
        **_build_seeds(words, where, _glued_prefixes(section)),
        **_build_qualifiers(section), **_build_ranges(section), **_build_vague(section),
        **_build_units(section, words),
        blockers=rule_patterns(section, "not_numbers"), not_figures=rule_patterns(section, "not_figures"),
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
        for word, value in rule_mapping(words_node, key).items():
            words[str(word).lower()] = (kind, rule_fraction(value, words_node.get(key), word))
    for word in rule_strings(words_node, "negative"):
        words[word.lower()] = ("neg", 0.0)
    for word in rule_strings(words_node, "point"):
        words[word.lower()] = ("point", 0.0)
    for word in ("a", "an"):
        words[word] = ("a", 1.0)
    words["and"] = ("and", 0.0)
    words["of"] = ("of", 0.0)
    # Plural ordinals and fraction words are written out by adding "s" ("fifths", "hundredths").
    for word, (kind, value) in list(words.items()):
        if kind == "ord" and word + "s" not in words:
            words[word + "s"] = ("ords", value)
    return words, frozenset(w.lower() for w in rule_strings(words_node, "not_denominators"))


def _build_suffixes(section: LineDict) -> dict[str, Any]:
    """Return the magnitude letters glued to digits (`suffixes`, `money_suffixes`) and the spaced ones."""
    suffixes = {str(k): rule_fraction(v, section.get("suffixes"), k)
                for k, v in rule_mapping(section, "suffixes").items()}
    money_suffixes = {str(k): rule_fraction(v, section.get("money_suffixes"), k)
                      for k, v in rule_mapping(section, "money_suffixes").items()}
    spaced = rule_strings(section, "spaced_suffixes")
    for letters in spaced:
        if letters not in suffixes:
            raise RulesError(f"{location(section, 'spaced_suffixes')}: spaced suffix {letters!r} is not in suffixes")
    spaced_suffix = compile_pattern(rf"[ \u00a0](?P<suffix>{alternation(spaced)})(?![\w])" if spaced else r"(?!x)x",
                                    location(section, "spaced_suffixes"), "spaced_suffixes")
    money_abbreviation = compile_pattern(
        rf"[ \u00a0](?P<suffix>{alternation(list(money_suffixes))})\.(?!\w)" if money_suffixes else r"(?!x)x",
        location(section, "money_suffixes"), "money_suffixes")
    return {"suffixes": suffixes, "money_suffixes": money_suffixes, "spaced_suffix": spaced_suffix,
            "money_abbreviation": money_abbreviation}


def _glued_prefixes(section: LineDict) -> list[str]:
    """Return the letters before a figure that name its currency glued to it ("Dh4,275", "Rs500", "RM50"): the
    `before` forms of currency units (named by an ISO code) that are two to four letters."""
    units = section.get("units") or {}
    return sorted({str(form) for code, rule in units.items() if isinstance(rule, dict)
                   and re.fullmatch(r"[A-Z]{3}", str(code)) for form in (rule.get("before") or [])
                   if re.fullmatch(r"[A-Za-z]{2,4}", str(form))})


def _build_seeds(words: dict[str, tuple[str, float]], where: str, glued: list[str] = ()) -> dict[str, re.Pattern]:
    """Return where a number may start (`seed`) and one token of a written number (`token`)."""
    # Seeds: digits (not glued to a letter before them), number words, and "a"/"an" before a magnitude word.
    number_words = sorted((w for w, (k, _) in words.items() if k in ("digit", "teen", "tens", "hundred", "mult")
                           or (k == "scale" and len(w) > 3) or (k == "frac") or k == "neg"),
                          key=len, reverse=True)
    after_a = sorted((w for w, (k, _) in words.items()
                      if k in ("hundred", "scale", "mult", "frac", "ord", "ords", "tens") and len(w) > 3),
                     key=len, reverse=True)
    # "12,34,567": the Indian grouping of lakhs and crores, then thousands
    digits = r"(?:\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])|\d{1,3}(?:,\d{3}(?!\d))+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}(?![\d,]))+|\d+)(?:\.\d+)?|\.\d+"
    glyphs = f"[{VAGUE_FRACTION_GLYPHS}]"
    digit_number = (rf"(?:{digits})(?:[eE][+-]?\d+(?![\w.])|\s?[x×]\s?10\^[+-]?\d+(?!\d))?(?:\^[+-]?\d+)?"
                    rf"(?:\s?{glyphs})?|{glyphs}")
    fraction_number = r"\d+\s+\d{1,3}/\d{1,3}(?![\d/])|\d{1,4}/\d{1,3}(?![\d/])"
    # a currency's letters glued before a figure ("Dh4,275") let it start there
    after_prefix = "".join(rf"|(?<=(?<!\w){re.escape(prefix)})"          # the seed reads the text in lower case
                           for prefix in sorted({form.lower() for form in glued}))
    seed = compile_pattern(
        # Not inside a word, a handle or a path; after "22," a new figure may start ("nrs. 22,24,26").
        rf"(?=[\d.{VAGUE_FRACTION_GLYPHS}])(?:(?<![\w.#@/\\]){after_prefix})(?<!\d\.)"
        rf"(?:{fraction_number}|{digit_number})"
        rf"|\b(?:{alternation(number_words)})\b"
        rf"|\ban?\s+(?=(?:{alternation(after_a)})\b)",
        where, "number seed")
    token = compile_pattern(
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
        for phrase in rule_strings(rule, side):
            keyed[(side, key_of(phrase))] = value
            bucket.append(phrase)


def _build_qualifiers(section: LineDict) -> dict[str, Any]:
    """Return the qualifier words before and after a figure and what each means (`cue_kinds`)."""
    cue_kinds: dict[tuple[str, str], Qualifier] = {}
    sides: dict[str, list[str]] = {"before": [], "after": []}
    quals = _named_rules(section, "qualifiers", "be a mapping of named rules")
    for name, rule in quals.items():
        check_keys(rule, location(quals, name), ("before", "after", "not_after", "only_before", "not_before"),
                   required=("qualifier", "low", "high"))
        if rule["qualifier"] not in QUALIFIER_KINDS:
            raise RulesError(f"{location(rule, 'qualifier')}: qualifier {rule['qualifier']!r} is not one of "
                             f"{', '.join(QUALIFIER_KINDS)}")
        low, high = (rule_factor(rule, key) for key in ("low", "high"))
        not_after = frozenset(word.lower() for word in rule_strings(rule, "not_after"))
        only_before = frozenset(word.lower() for word in rule_strings(rule, "only_before")) \
            if "only_before" in rule else None
        not_before = compile_pattern(rule["not_before"], location(rule, "not_before"), "not_before") \
            if "not_before" in rule else None
        _index_sides(rule, Qualifier(str(name), rule["qualifier"], low, high, not_after, only_before, not_before),
                     cue_kinds, sides, normalize)
    cue_before = before_phrases(sides["before"], r"\s+", r"\s*", location(section, "qualifiers"),
                                "qualifier words before a figure")
    cue_after = compile_pattern(rf"(?i:(?P<sp>\s*)(?P<cue>{phrase_alternation(sides['after'])})(?(w)(?!\w)|))",
                                location(section, "qualifiers"), "qualifier words after a figure")
    return {"cue_before": cue_before, "cue_after": cue_after, "cue_kinds": cue_kinds}


def _gap(phrases: list[str], where: str, what: str) -> re.Pattern:
    """Return the pattern of the whole text between two figures: one of the phrases, spaces around it."""
    return compile_pattern(rf"(?i:\s*(?:{phrase_alternation(phrases, bare=True)})\s*)", where, what)


def _build_ranges(section: LineDict) -> dict[str, Any]:
    """Return the words that join two figures into a range ("3-5", "between 3 and 5", "from 3 to 5") or a ratio."""
    ranges = check_keys(section.get("ranges", LineDict()), location(section, "ranges"),
                        ("joiners", "between", "from", "change_words", "bound_joiners", "ratio_joiners",
                         "difference_words", "difference_span", "difference_level_span", "difference_level_end",
                         "level_words"))
    rwhere = location(section, "ranges")
    between = check_keys(ranges.get("between", {"before": [], "joiners": []}), location(ranges, "between"),
                         ("before", "joiners"))
    from_ = check_keys(ranges.get("from", {"before": [], "joiners": []}), location(ranges, "from"),
                       ("before", "joiners"))
    return {
        "range_gap": _gap(rule_strings(ranges, "joiners"), rwhere, "joiners"),
        "between_before": before_phrases(rule_strings(between, "before"), r"\s+", r"\s*", rwhere, "between"),
        "between_gap": _gap(rule_strings(between, "joiners"), rwhere, "between joiners"),
        "from_before": before_phrases(rule_strings(from_, "before"), r"\s+", r"\s*", rwhere, "from"),
        "from_gap": _gap(rule_strings(from_, "joiners"), rwhere, "from joiners"),
        "change_before": compile_pattern(
            rf"(?i:\b(?:{phrase_alternation(rule_strings(ranges, 'change_words'), bare=True)})"
            rf"\b[\w\s,%$€£.]{{0,40}})\Z",
            rwhere, "change_words"),
        "difference_before": compile_pattern(
            rf"(?i:\b(?:{phrase_alternation(rule_strings(ranges, 'change_words'), bare=True)})\s+"
            rf"(?:{phrase_alternation(rule_strings(ranges, 'difference_words') or ['(?!x)x'], bare=True)})\s*)\Z",
            rwhere, "difference_words"),
        "level_before": compile_pattern(
            rf"(?i:\b(?:{phrase_alternation(rule_strings(ranges, 'level_words') or ['(?!x)x'], bare=True)})\s+"
            rf"(?:{phrase_alternation(rule_strings(ranges, 'difference_words') or ['(?!x)x'], bare=True)})\s*)\Z",
            rwhere, "level_words"),
        "difference_span": rule_number_or_none(ranges, "difference_span"),
        "difference_level_span": rule_number_or_none(ranges, "difference_level_span"),
        "difference_level_end": compile_pattern(ranges.get("difference_level_end", r"(?!x)x"), rwhere,
                                                "difference_level_end"),
        "ratio_gap": compile_pattern(
            rf"\s+(?:{phrase_alternation(rule_strings(ranges, 'ratio_joiners'), bare=True)})\s+", rwhere,
            "ratio_joiners"),
        "bound_gap": _gap(rule_strings(ranges, "bound_joiners"), rwhere, "bound_joiners"),
    }


def _build_vague(section: LineDict) -> dict[str, Any]:
    """Return the vague magnitudes ("thousands", "a large number", "several hundred") and their intervals."""
    vague: dict[str, _Vague] = {}
    vague_node = rule_mapping(section, "vague")
    for phrase, pair in vague_node.items():
        vague[normalize(str(phrase))] = _Vague(*rule_interval(pair, vague_node, phrase), None)
    numbers_node = check_keys(section.get("vague_numbers", {"low": None, "high": None}),
                              location(section, "vague_numbers"), ("adjectives",), required=("low", "high"))
    for adjective in rule_strings(numbers_node, "adjectives"):
        interval = _Vague(rule_number_or_none(numbers_node, "low"), rule_number_or_none(numbers_node, "high"), None)
        vague[normalize(f"a {adjective} number")] = interval
        vague[normalize(f"{adjective} numbers of")] = interval
    counts = rule_mapping(section, "vague_counts")
    magnitudes = rule_mapping(section, "vague_magnitudes")
    for word, pair in counts.items():
        low, high = rule_interval(pair, counts, word)
        if low is None or high is None:
            raise RulesError(f"{location(counts, word)}: vague count {word!r} needs [low, high] numbers")
        for magnitude, scale in magnitudes.items():
            factor = float(rule_fraction(scale, magnitudes, magnitude))
            vague[normalize(f"{word} {magnitude}")] = _Vague(round_figure(low * factor), round_figure(high * factor),
                                                             str(word))
    longest_first = sorted(vague, key=len, reverse=True)
    vague_phrases = compile_pattern(rf"\b(?:{'|'.join(phrase_pattern(p) for p in longest_first)})\b"
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
        _index_sides(forms, str(unit), unit_forms, sides, unit_key)
    money_after_magnitude = {}
    money_node = rule_mapping(section, "money_after_magnitude")
    for form, currency in money_node.items():
        if not isinstance(currency, str) or currency not in units:
            raise RulesError(f"{location(money_node, form)}: {currency!r} is not a unit named under units")
        money_after_magnitude[unit_key(str(form))] = currency
        sides["after"].append(str(form))
    # a symbol right before another figure is that figure's ("$ 20,000.00 $ 37,305.97"); a word is this one's
    unit_after = compile_pattern(
        rf"(?P<sep>[ \u00a0\u202f\u2009]?(?:-[ ]?)?|[ ]{{0,2}})(?P<unit>{unit_phrases(sides['after'])})"
        r"(?:(?<=[\w.%])|(?![ \u00a0]?\d))",
        location(section, "units"), "units after a figure")
    unit_before = before_phrases(sides["before"], "[ \u00a0]?", "[ \u00a0]?", location(section, "units"),
                                 "units before a figure", short_case=True)
    subunits = {str(k): rule_fraction(v, section.get("subunits"), k)
                for k, v in rule_mapping(section, "subunits").items()}
    scale_words = [w for w, (k, _) in words.items() if k == "scale" and len(w) > 3]
    scale_after = compile_pattern(rf"\s+(?P<scale>{alternation(scale_words)})\b" if scale_words else r"(?!x)x",
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
        "year_count_words": frozenset(w.lower() for w in rule_strings(years, "count_words")),
        "year_nouns": frozenset(w.lower() for w in rule_strings(years, "year_nouns")),
        "year_before": before_phrases(rule_strings(years, "time_words"), r"\s+", r"\s*", location(section, "years"),
                                      "time words"),
    }
