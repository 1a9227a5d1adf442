"""The compiled date rules: rules/dates.yaml checked section by section into DateRules, and the default rules."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from troopclaims.errors import RulesError
from troopclaims.extractors.dates.entries import (alternation, bound_of, holiday, int_in, word_key, mapping,
                                                  _number, _part, season, string_list, _vague)
from troopclaims.extractors.dates.times import TimeRules, build_time_rules
from troopclaims.rules import LineDict, check_keys, compile_pattern, location


RESOLVERS = ("calendar", "numeric", "monthday", "dateparser", "weekday", "relative_day", "period", "season",
             "quarter", "decade", "week", "nth", "holiday", "offset", "span", "anchored", "vague")


JOINS = ("or", "range")
PLACEHOLDER_LISTS = ("month", "weekday", "dir", "rel", "season", "ordinal", "number", "part", "vague", "dayword",
                     "decade_word", "holiday")
SECTION_KEYS = ("months", "ambiguous_months", "weekdays", "directions", "relative_days", "numbers", "ordinals",
                "day_words", "year_words", "decades", "holidays",
                "seasons", "parts", "vague", "bounds", "trailing_bounds", "connectors", "range_openers", "cues", "weak_cues",
                "weak_cue_veto", "not_dates", "tense",
                "dateline", "pieces", "forms", "times")


@dataclass(frozen=True)
class Form:
    """One date pattern of the rules with the resolver that reads its groups."""

    name: str
    regex: re.Pattern
    resolve: str
    cue: str | None
    unless: tuple[str, ...]
    tense: str | None
    prefix: bool = False      # a shift ("two weeks before") kept only right before the date it shifts
    near: tuple[str, ...] = ()  # trigger classes one of which every match holds; () = any
    unless_measure: bool = False  # no date right after a measured noun or link of quantities.yaml ("magnitude 3.6")


@dataclass(frozen=True)
class Connector:
    regex: re.Pattern
    join: str
    opener: re.Pattern | None


@dataclass(frozen=True)
class DateRules:
    """rules/dates.yaml checked and compiled."""

    months: dict
    ambiguous_months: frozenset
    abbreviations: frozenset
    weekdays: dict
    directions: dict
    relative_days: dict
    numbers: dict
    ordinals: dict
    day_words: dict
    year_words: dict
    decades: dict
    holidays: dict
    seasons: dict
    parts: dict
    vague: dict
    bounds: dict
    bound_regex: re.Pattern
    trailing: dict
    trailing_regex: re.Pattern
    connectors: tuple
    range_opener: re.Pattern
    cue_regex: re.Pattern
    weak_cue_regex: re.Pattern
    weak_cue_veto: re.Pattern
    not_dates: tuple
    future: tuple
    past: tuple
    clause_break: re.Pattern
    future_heads: frozenset
    future_auxiliaries: frozenset
    future_weight: float
    dateline_lines: int
    dateline_prefix: re.Pattern
    dateline_suffix: re.Pattern
    dateline_beside: re.Pattern | None   # what a dateline holds beside its date when it is more than a date
    dateline_update: re.Pattern | None   # a line that opens so stamps an update, not the publication
    forms: tuple
    trigger: re.Pattern
    trigger_classes: dict     # trigger word -> the classes it belongs to
    times: TimeRules | None = None    # times of day (times.py)
    year_nouns: frozenset = frozenset()   # plurals after a year that the weak cue veto spares ("the 2024 elections")


def _word_lists(section: LineDict, path: str) -> dict:
    """Return the word lists of a dates section (word -> number, interval or entry), named as DateRules names them."""
    def optional(name: str, check: Callable[[object, str], object]) -> dict:
        return mapping(section, name, check) if name in section else {}
    return {"months": mapping(section, "months", int_in(1, 12)),
            "weekdays": mapping(section, "weekdays", int_in(0, 6)),
            "directions": optional("directions", int_in(-1, 1)),
            "relative_days": optional("relative_days", int_in(-366, 366)),
            "numbers": optional("numbers", _number),
            "ordinals": optional("ordinals", int_in(1, 4)),
            "day_words": optional("day_words", int_in(1, 31)),
            "year_words": optional("year_words", int_in(0, 90)),
            "decades": optional("decades", int_in(1, 9)),
            "holidays": optional("holidays", holiday),
            "seasons": optional("seasons", season),
            "parts": optional("parts", _part),
            "vague": optional("vague", _vague),
            "bounds": optional("bounds", bound_of),
            "trailing": optional("trailing_bounds", bound_of),
            "ambiguous_months": frozenset(word_key(word) for word in string_list(section, "ambiguous_months", path))}


def _pieces(section: LineDict, path: str, words: dict) -> dict[str, str]:
    """Return the regex of each placeholder a form may use: the word lists as alternations, then the named pieces."""
    lists = {"month": words["months"], "weekday": words["weekdays"], "dir": words["directions"],
             "rel": words["relative_days"], "season": words["seasons"], "ordinal": words["ordinals"],
             "part": words["parts"], "vague": words["vague"], "decade_word": words["decades"],
             "holiday": words["holidays"]}
    pieces = {name: (alternation(table) if table else r"(?!x)x") for name, table in lists.items()}
    pieces["dayword"] = alternation(words["day_words"], space=r"[\s-]+") if words["day_words"] else r"(?!x)x"
    pieces["number"] = alternation(words["numbers"], extra=r"\d{1,3}")
    piece_node = section.get("pieces", {})
    if not isinstance(piece_node, dict):
        raise RulesError(f"{location(section, 'pieces', path)}: pieces must be a mapping of name to regex")
    for name, text in piece_node.items():
        if name in PLACEHOLDER_LISTS:
            raise RulesError(f"{location(piece_node, name, path)}: {name} is a word list placeholder; rename the piece")
        compile_pattern(text, location(piece_node, name, path))
        pieces[name] = text
    return pieces


def _expand(pattern: str, where: str, pieces: dict[str, str]) -> str:
    """Return a form's pattern with each {placeholder} replaced by the regex of its piece."""
    if not isinstance(pattern, str):
        raise RulesError(f"{where}: expected a regex string")

    def replace(match):
        if match.group(1) not in pieces:
            raise RulesError(f"{where}: unknown placeholder {{{match.group(1)}}}; "
                             f"use one of {', '.join(sorted(pieces))}")
        return f"(?:{pieces[match.group(1)]})"
    return re.sub(r"\{([a-z_]+)\}", replace, pattern)


def _forms(section: LineDict, path: str, pieces: dict[str, str]) -> tuple:
    """Return the checked forms of the section, their patterns expanded and compiled."""
    form_node = section.get("forms")
    if not isinstance(form_node, list):
        raise RulesError(f"{location(section, 'forms', path)}: forms must be a list")
    return tuple(_form(item, location(form_node, index, path), pieces) for index, item in enumerate(form_node))


def _form(item, where: str, pieces: dict[str, str]) -> Form:
    """Return one entry of forms checked, its pattern compiled."""
    item = check_keys(item, where, ("cue", "unless", "tense", "prefix", "near", "unless_measure"),
                      ("name", "pattern", "resolve"))
    near = item.get("near", [])
    if not isinstance(near, list) or any(n not in TRIGGER_CLASSES for n in near):
        raise RulesError(f"{location(item, 'near', where)}: near must be a list of {', '.join(TRIGGER_CLASSES)}")
    for key in ("prefix", "unless_measure"):
        if not isinstance(item.get(key, False), bool):
            raise RulesError(f"{location(item, key, where)}: {key} must be true or false")
    if item["resolve"] not in RESOLVERS:
        raise RulesError(f"{location(item, 'resolve', where)}: resolve must be one of {', '.join(RESOLVERS)}")
    if item.get("cue") not in (None, "always", "strong", "ambiguous"):
        raise RulesError(f"{location(item, 'cue', where)}: cue must be always, strong or ambiguous")
    if item.get("tense") not in (None, "future"):
        raise RulesError(f"{location(item, 'tense', where)}: tense must be future")
    unless = item.get("unless", [])
    if not isinstance(unless, list) or not all(isinstance(group, str) for group in unless):
        raise RulesError(f"{location(item, 'unless', where)}: unless must be a list of group names")
    # A date starts at a word's start: the lookbehind lets the search skip the inside of words quickly (and the
    # scan puts a gate on its first characters, numbers.filters.gated, to skip the words it cannot start at).
    regex = compile_pattern(r"(?<!\w)(?:" + _expand(item["pattern"], location(item, "pattern", where), pieces)
                            + ")", location(item, "pattern", where))
    return Form(str(item["name"]), regex, item["resolve"], item.get("cue"), tuple(unless),
                item.get("tense"), item.get("prefix", False), tuple(near), item.get("unless_measure", False))


def _connectors(section: LineDict, path: str) -> tuple:
    """Return the connectors that join two dates into one ("or", "to", "-"), each with its opener if any."""
    connectors = []
    connector_node = section.get("connectors", [])
    if not isinstance(connector_node, list):
        raise RulesError(f"{location(section, 'connectors', path)}: connectors must be a list")
    for index, item in enumerate(connector_node):
        where = location(connector_node, index, path)
        item = check_keys(item, where, ("opener",), ("pattern", "join"))
        if item["join"] not in JOINS:
            raise RulesError(f"{location(item, 'join', where)}: join must be one of {', '.join(JOINS)}")
        regex = compile_pattern(rf"\s*(?:{item['pattern']})\s*", location(item, "pattern", where))
        opener = item.get("opener")
        opener = compile_pattern(rf"(?<![\w'])(?:{opener})\s+$", location(item, "opener", where)) if opener else None
        connectors.append(Connector(regex, item["join"], opener))
    return tuple(connectors)


def _cue_rules(section: LineDict, path: str) -> dict:
    """Return the regexes of the words before a date: range openers, cues, weak cues and what vetoes a weak cue."""
    openers = section.get("range_openers", "from|between")
    range_opener = compile_pattern(rf"(?<![\w'])(?:{openers})\s+$", location(section, "range_openers", path))
    cues = string_list(section, "cues", path)
    cue_regex = re.compile((alternation(cues) if cues else r"(?!x)x") + r"[\s-]*$", re.IGNORECASE)
    weak = string_list(section, "weak_cues", path)
    # A possessive "'s" follows a word ("the company's 1989 results"): it gets no word-start check.
    clitics = [re.escape(w) for w in weak if not w[:1].isalnum()]
    weak_words = [w for w in weak if w[:1].isalnum()]
    weak_cue_regex = re.compile("(?:" + "|".join([alternation(weak_words) if weak_words else r"(?!x)x", *clitics])
                                + r")\s*$", re.IGNORECASE)
    weak_cue_veto = compile_pattern(section.get("weak_cue_veto", r"(?!x)x"), location(section, "weak_cue_veto", path), 0)
    return {"range_opener": range_opener, "cue_regex": cue_regex, "weak_cue_regex": weak_cue_regex,
            "weak_cue_veto": weak_cue_veto}


def _bound_rules(words: dict) -> dict:
    """Return the regexes of the bounding phrases before a date ("by", "since") and after it ("or later")."""
    bounds, trailing = words["bounds"], words["trailing"]
    return {"bound_regex": re.compile(r"(?P<cue>" + (alternation(bounds) if bounds else r"(?!x)x") + r")\s+$",
                                      re.IGNORECASE),
            "trailing_regex": re.compile(r"\s*,?\s+(?P<cue>" + (alternation(trailing) if trailing else r"(?!x)x")
                                         + r")(?=\s*(?:[,.;:!?)]|$|\s+(?:and|or|but)\b))", re.IGNORECASE)}


def _not_dates(section: LineDict, path: str) -> tuple:
    """Return the compiled not_dates: text that holds no date ("Vision 2030")."""
    return tuple(compile_pattern(text, location(section.get("not_dates"), index, path))
                 for index, text in enumerate(string_list(section, "not_dates", path)))


def _tense_rules(section: LineDict, path: str) -> dict:
    """Return the tense section checked: future and past cue regexes, clause breaks, future heads and weight."""
    tense = check_keys(section.get("tense", LineDict()), location(section, "tense", path),
                       ("future", "past", "clause_break", "future_heads", "future_auxiliaries", "future_weight"))
    tense_where = location(section, "tense", path)
    future = tuple(compile_pattern(text, location(tense.get("future"), i, tense_where), 0)
                   for i, text in enumerate(string_list(tense, "future", tense_where)))
    past = tuple(compile_pattern(text, location(tense.get("past"), i, tense_where), 0)
                 for i, text in enumerate(string_list(tense, "past", tense_where)))
    clause_break = compile_pattern(tense.get("clause_break", r"[,;:]"), location(tense, "clause_break", tense_where))
    future_heads = frozenset(string_list(tense, "future_heads", tense_where))
    future_auxiliaries = frozenset(string_list(tense, "future_auxiliaries", tense_where))
    future_weight = tense.get("future_weight", 2)
    if isinstance(future_weight, bool) or not isinstance(future_weight, (int, float)) or future_weight <= 0:
        raise RulesError(f"{location(tense, 'future_weight', tense_where)}: future_weight must be a positive number")
    return {"future": future, "past": past, "clause_break": clause_break, "future_heads": future_heads,
            "future_auxiliaries": future_auxiliaries, "future_weight": float(future_weight)}


def _dateline_rules(section: LineDict, path: str) -> dict:
    """Return the dateline section checked: how many lines to read, and the text before and after the date."""
    dateline = check_keys(section.get("dateline", LineDict()), location(section, "dateline", path),
                          ("lines", "prefix", "suffix", "beside", "update"))
    lines = dateline.get("lines", 8)
    if isinstance(lines, bool) or not isinstance(lines, int) or lines < 1:
        raise RulesError(f"{location(dateline, 'lines', path)}: lines must be a positive whole number")
    prefix = compile_pattern(dateline.get("prefix", "^"), location(dateline, "prefix", path))
    suffix = compile_pattern(dateline.get("suffix", r"\s*$"), location(dateline, "suffix", path))
    beside = compile_pattern(dateline["beside"], location(dateline, "beside", path)) if "beside" in dateline else None
    update = compile_pattern(dateline["update"], location(dateline, "update", path)) if "update" in dateline else None
    return {"dateline_lines": lines, "dateline_prefix": prefix, "dateline_suffix": suffix, "dateline_beside": beside,
            "dateline_update": update}


def _abbreviations(*tables: dict) -> frozenset:
    """Return the words shorter than the longest of the same number ("Aug" beside "August"): a dot after one is
    part of the date, not a full stop."""
    return frozenset(word for table in tables for word, number in table.items()
                     if len(word) < max(len(w) for w, n in table.items() if n == number))


def build_date_rules(section: LineDict, rules=None) -> DateRules:
    """Return the compiled date rules of a merged dates section; RulesError names file and line of any fault."""
    path = getattr(section, "path", "rules/dates.yaml")
    check_keys(section, f"{path}:1", SECTION_KEYS, ("months", "weekdays", "forms"))
    words = _word_lists(section, path)
    forms = _forms(section, path, _pieces(section, path, words))
    # Arguments are read left to right: the sections are checked in the order the first fault found stays the same.
    return DateRules(**words, abbreviations=_abbreviations(words["months"], words["weekdays"]), forms=forms,
                     connectors=_connectors(section, path), **_cue_rules(section, path), **_bound_rules(words),
                     not_dates=_not_dates(section, path), **_tense_rules(section, path),
                     **_dateline_rules(section, path), times=build_time_rules(section, path),
                     **_trigger({"month": words["months"], "weekday": words["weekdays"],
                                 "rel": words["relative_days"], "season": words["seasons"], "vague": words["vague"],
                                 "decade_word": words["decades"], "holiday": words["holidays"]}),
                     year_nouns=rules.lexicon("numbers").year_nouns if rules is not None else frozenset())


TRIGGER_CLASSES = ("digit", "month", "weekday", "rel", "season", "unit", "vague", "holiday", "decade_word", "spelled")
TRIGGER_WORDS = {"unit": ("day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "quarter",
                          "quarters", "half", "decade", "century", "period", "w/c"),
                 "spelled": ("eighteen", "nineteen", "twenty", "thousand")}


def _trigger(tables: dict) -> dict:
    """Return the regex of the words and digits one of which every date expression holds (a month, a weekday, a
    unit, the longest word of a phrase) and the classes of each word: forms are searched only near the triggers
    of their classes."""
    classes: dict[str, set] = {}
    for name, table in tables.items():
        for key in table:
            word = re.sub(r"['’]s$", "", max(re.split(r"[\s-]+", key), key=len))   # "new year's": year
            classes.setdefault(word, set()).add(name)
    for name, extra in TRIGGER_WORDS.items():
        for word in extra:
            classes.setdefault(word, set()).add(name)
    classes.pop("", None)
    # A word that opens with a digit ("9/11") is tried before the digit, which would end its match
    led = [word for word in classes if word[:1].isdigit()]
    first = rf"(?<![\w'/])(?:{'|'.join(re.escape(word) for word in led)})(?![/\d])|" if led else ""
    return {"trigger": re.compile(first + r"\d|" + alternation(classes), re.IGNORECASE),
            "trigger_classes": {word: tuple(sorted(names)) for word, names in classes.items()}}


@lru_cache(maxsize=1)
def _default_rules():
    from troopclaims.rules import load_rules
    return load_rules()


def _date_rules(rules) -> DateRules:
    return (rules or _default_rules()).lexicon("dates")
