"""Date claims: date expressions found with rules/dates.yaml and resolved against the article's publication date."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable, Iterator

from troopclaims.errors import RulesError
from troopclaims.records import Article, Claim
from troopclaims.rules import LineDict, check_keys, location
from troopclaims.spans import annotated, new_claim

RESOLVERS = ("calendar", "numeric", "monthday", "dateparser", "weekday", "relative_day", "period", "season",
             "quarter", "decade", "week", "nth", "holiday", "offset", "span", "anchored", "vague")
GRAINS = ("day", "week", "month", "year")
EDGES = ("end", "before", "start", "after")
JOINS = ("or", "range")
PLACEHOLDER_LISTS = ("month", "weekday", "dir", "rel", "season", "ordinal", "number", "part", "vague", "dayword",
                     "decade_word", "holiday")
SECTION_KEYS = ("months", "ambiguous_months", "weekdays", "directions", "relative_days", "numbers", "ordinals",
                "day_words", "year_words", "decades", "holidays",
                "seasons", "parts", "vague", "bounds", "trailing_bounds", "connectors", "range_openers", "cues", "weak_cues",
                "weak_cue_veto", "not_dates", "tense",
                "dateline", "pieces", "forms")
MAX_GAP = 12          # characters allowed between two dates joined by "or", "to", "-"
LOOK_BACK = 40        # characters searched before a date for a cue or a bounding phrase


@dataclass(frozen=True)
class Resolution:
    """A date expression read as calendar days: value, the inclusive interval low..high, grain and qualifier."""

    value: str | None
    low: str | None
    high: str | None
    grain: str | None
    qualifier: str


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


@dataclass(frozen=True)
class Bound:
    qualifier: str
    edge: str
    window: bool
    tense: str | None = None


@dataclass(frozen=True)
class Part:
    span: tuple[float, float] | None
    relative: str | None
    qualifier: str


@dataclass(frozen=True)
class VaguePhrase:
    low: int | None
    high: int | None
    grain: str
    qualifier: str = "vague"


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
    forms: tuple
    trigger: re.Pattern
    trigger_classes: dict     # trigger word -> the classes it belongs to


@dataclass
class Atom:
    start: int
    end: int
    form: Form
    groups: dict
    pending: bool = False     # needs a cue it does not have; kept only when joined to a date before it


@dataclass
class Mention:
    start: int
    end: int
    atoms: list
    join: str | None = None
    bound: Bound | None = None


@dataclass
class Period:
    """An interval of days with how it was written; low/high None when it cannot be placed."""

    low: date | None
    high: date | None
    grain: str | None
    value: str | None
    qualifier: str
    explicit_year: bool = False
    year: int | None = field(default=None, compare=False)


# ---------------------------------------------------------------------------------------------------------------
# Rules


def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split()).rstrip(".")


def _alternation(words, extra: str | None = None, space: str = r"\s+") -> str:
    """Return a regex alternation of words (longest first), each as whole words with flexible spaces."""
    escaped = [space.join(re.escape(part) for part in word.split()) for word in sorted(words, key=len, reverse=True)]
    if extra:
        escaped.append(extra)
    return r"(?<![\w'])(?:" + "|".join(escaped) + r")(?![\w])"


def _compile(pattern: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern:
    if not isinstance(pattern, str):
        raise RulesError(f"{where}: expected a regex string, got {type(pattern).__name__}")
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise RulesError(f"{where}: bad regex ({exc}); fix the pattern") from None


def _mapping(section: LineDict, name: str, check: Callable[[object, str], object]) -> dict:
    node = section.get(name)
    where = location(section, name, f"{section.path}")
    if not isinstance(node, dict):
        raise RulesError(f"{where}: {name} must be a mapping")
    result = {}
    for key, value in node.items():
        spot = location(node, key, where)
        if not isinstance(key, str) or not key.strip():
            raise RulesError(f"{spot}: {name} keys must be words, got {key!r}")
        result[_key(key)] = check(value, spot)
    return result


def _int_in(low: int, high: int):
    def check(value, where):
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise RulesError(f"{where}: expected a whole number from {low} to {high}, got {value!r}")
        return value
    return check


def _number(value, where):
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) and not isinstance(v, bool)
                                                           for v in value) and 0 < value[0] <= value[1]:
        return (value[0], value[1])
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return (value, value)
    raise RulesError(f"{where}: expected a positive number or [low, high], got {value!r}")


def _season(value, where):
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) and 1 <= v <= 12 for v in value):
        return (value[0], value[1])
    raise RulesError(f"{where}: expected [first month, last month] such as [6, 8], got {value!r}")


def _qualifier(value, where, allowed=("exact", "approximate", "at_least", "at_most", "range", "vague")):
    if value not in allowed:
        raise RulesError(f"{where}: qualifier must be one of {', '.join(allowed)}, got {value!r}")
    return value


def _part(value, where):
    node = check_keys(value, where, ("span", "relative"), ("qualifier",))
    span, relative = node.get("span"), node.get("relative")
    if (span is None) == (relative is None):
        raise RulesError(f"{where}: give either span: [from, to] or relative: before|after")
    if span is not None:
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(v, (int, float)) for v in span)
                and 0 <= span[0] < span[1] <= 1):
            raise RulesError(f"{location(node, 'span', where)}: span must be [from, to] fractions, 0 <= from < to <= 1")
        span = (float(span[0]), float(span[1]))
    if relative is not None and relative not in ("before", "after"):
        raise RulesError(f"{location(node, 'relative', where)}: relative must be before or after, got {relative!r}")
    return Part(span, relative, _qualifier(node["qualifier"], location(node, "qualifier", where)))


def _holiday(value, where):
    node = check_keys(value, where, ("month", "day", "weekday", "nth", "easter", "offset"), ())
    keys = set(node)
    if not (keys - {"offset"} in ({"month", "day"}, {"month", "weekday", "nth"}, {"easter"})):
        raise RulesError(f"{where}: give month and day, month weekday and nth, or easter (each with offset)")
    for key, (low, high) in {"month": (1, 12), "day": (1, 31), "weekday": (0, 6), "nth": (-1, 5),
                             "easter": (-60, 60), "offset": (-60, 60)}.items():
        if key in node:
            _int_in(low, high)(node[key], location(node, key, where))
    return dict(node)


def _vague(value, where):
    node = check_keys(value, where, ("qualifier",), ("low", "high", "grain"))
    for key in ("low", "high"):
        if node[key] is not None and (isinstance(node[key], bool) or not isinstance(node[key], int)):
            raise RulesError(f"{location(node, key, where)}: {key} must be a number of days or null")
    if node["grain"] not in GRAINS:
        raise RulesError(f"{location(node, 'grain', where)}: grain must be one of {', '.join(GRAINS)}")
    qualifier = _qualifier(node.get("qualifier", "vague"), location(node, "qualifier", where),
                           ("vague", "at_most", "at_least"))
    return VaguePhrase(node["low"], node["high"], node["grain"], qualifier)


def _bound(value, where):
    node = check_keys(value, where, ("window", "tense"), ("qualifier", "edge"))
    if node["edge"] not in EDGES:
        raise RulesError(f"{location(node, 'edge', where)}: edge must be one of {', '.join(EDGES)}")
    window = node.get("window", False)
    if not isinstance(window, bool):
        raise RulesError(f"{location(node, 'window', where)}: window must be true or false")
    if node.get("tense") not in (None, "past", "future"):
        raise RulesError(f"{location(node, 'tense', where)}: tense must be past or future")
    return Bound(_qualifier(node["qualifier"], location(node, "qualifier", where), ("at_least", "at_most")),
                 node["edge"], window, node.get("tense"))


def _string_list(section, name, where_default) -> list:
    node = section.get(name, [])
    where = location(section, name, where_default)
    if not isinstance(node, list) or not all(isinstance(item, str) for item in node):
        raise RulesError(f"{where}: {name} must be a list of strings")
    return list(node)


def _word_lists(section: LineDict, path: str) -> dict:
    """Return the word lists of a dates section (word -> number, interval or entry), named as DateRules names them."""
    def optional(name: str, check: Callable[[object, str], object]) -> dict:
        return _mapping(section, name, check) if name in section else {}
    return {"months": _mapping(section, "months", _int_in(1, 12)),
            "weekdays": _mapping(section, "weekdays", _int_in(0, 6)),
            "directions": optional("directions", _int_in(-1, 1)),
            "relative_days": optional("relative_days", _int_in(-366, 366)),
            "numbers": optional("numbers", _number),
            "ordinals": optional("ordinals", _int_in(1, 4)),
            "day_words": optional("day_words", _int_in(1, 31)),
            "year_words": optional("year_words", _int_in(0, 90)),
            "decades": optional("decades", _int_in(1, 9)),
            "holidays": optional("holidays", _holiday),
            "seasons": optional("seasons", _season),
            "parts": optional("parts", _part),
            "vague": optional("vague", _vague),
            "bounds": optional("bounds", _bound),
            "trailing": optional("trailing_bounds", _bound),
            "ambiguous_months": frozenset(_key(word) for word in _string_list(section, "ambiguous_months", path))}


def _pieces(section: LineDict, path: str, words: dict) -> dict[str, str]:
    """Return the regex of each placeholder a form may use: the word lists as alternations, then the named pieces."""
    lists = {"month": words["months"], "weekday": words["weekdays"], "dir": words["directions"],
             "rel": words["relative_days"], "season": words["seasons"], "ordinal": words["ordinals"],
             "part": words["parts"], "vague": words["vague"], "decade_word": words["decades"],
             "holiday": words["holidays"]}
    pieces = {name: (_alternation(table) if table else r"(?!x)x") for name, table in lists.items()}
    pieces["dayword"] = _alternation(words["day_words"], space=r"[\s-]+") if words["day_words"] else r"(?!x)x"
    pieces["number"] = _alternation(words["numbers"], extra=r"\d{1,3}")
    piece_node = section.get("pieces", {})
    if not isinstance(piece_node, dict):
        raise RulesError(f"{location(section, 'pieces', path)}: pieces must be a mapping of name to regex")
    for name, text in piece_node.items():
        if name in PLACEHOLDER_LISTS:
            raise RulesError(f"{location(piece_node, name, path)}: {name} is a word list placeholder; rename the piece")
        _compile(text, location(piece_node, name, path))
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
    item = check_keys(item, where, ("cue", "unless", "tense", "prefix", "near"), ("name", "pattern", "resolve"))
    near = item.get("near", [])
    if not isinstance(near, list) or any(n not in TRIGGER_CLASSES for n in near):
        raise RulesError(f"{location(item, 'near', where)}: near must be a list of {', '.join(TRIGGER_CLASSES)}")
    if not isinstance(item.get("prefix", False), bool):
        raise RulesError(f"{location(item, 'prefix', where)}: prefix must be true or false")
    if item["resolve"] not in RESOLVERS:
        raise RulesError(f"{location(item, 'resolve', where)}: resolve must be one of {', '.join(RESOLVERS)}")
    if item.get("cue") not in (None, "always", "strong", "ambiguous"):
        raise RulesError(f"{location(item, 'cue', where)}: cue must be always, strong or ambiguous")
    if item.get("tense") not in (None, "future"):
        raise RulesError(f"{location(item, 'tense', where)}: tense must be future")
    unless = item.get("unless", [])
    if not isinstance(unless, list) or not all(isinstance(group, str) for group in unless):
        raise RulesError(f"{location(item, 'unless', where)}: unless must be a list of group names")
    # A date starts at a word's start: the lookbehind lets the search skip the inside of words quickly.
    regex = _compile(r"(?<!\w)(?:" + _expand(item["pattern"], location(item, "pattern", where), pieces) + ")",
                     location(item, "pattern", where))
    return Form(str(item["name"]), regex, item["resolve"], item.get("cue"), tuple(unless),
                item.get("tense"), item.get("prefix", False), tuple(near))


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
        regex = _compile(rf"\s*(?:{item['pattern']})\s*", location(item, "pattern", where))
        opener = item.get("opener")
        opener = _compile(rf"(?<![\w'])(?:{opener})\s+$", location(item, "opener", where)) if opener else None
        connectors.append(Connector(regex, item["join"], opener))
    return tuple(connectors)


def _cue_rules(section: LineDict, path: str) -> dict:
    """Return the regexes of the words before a date: range openers, cues, weak cues and what vetoes a weak cue."""
    openers = section.get("range_openers", "from|between")
    range_opener = _compile(rf"(?<![\w'])(?:{openers})\s+$", location(section, "range_openers", path))
    cues = _string_list(section, "cues", path)
    cue_regex = re.compile((_alternation(cues) if cues else r"(?!x)x") + r"[\s-]*$", re.IGNORECASE)
    weak = _string_list(section, "weak_cues", path)
    # A possessive "'s" follows a word ("the company's 1989 results"): it gets no word-start check.
    clitics = [re.escape(w) for w in weak if not w[:1].isalnum()]
    weak_words = [w for w in weak if w[:1].isalnum()]
    weak_cue_regex = re.compile("(?:" + "|".join([_alternation(weak_words) if weak_words else r"(?!x)x", *clitics])
                                + r")\s*$", re.IGNORECASE)
    weak_cue_veto = _compile(section.get("weak_cue_veto", r"(?!x)x"), location(section, "weak_cue_veto", path), 0)
    return {"range_opener": range_opener, "cue_regex": cue_regex, "weak_cue_regex": weak_cue_regex,
            "weak_cue_veto": weak_cue_veto}


def _bound_rules(words: dict) -> dict:
    """Return the regexes of the bounding phrases before a date ("by", "since") and after it ("or later")."""
    bounds, trailing = words["bounds"], words["trailing"]
    return {"bound_regex": re.compile(r"(?P<cue>" + (_alternation(bounds) if bounds else r"(?!x)x") + r")\s+$",
                                      re.IGNORECASE),
            "trailing_regex": re.compile(r"\s*,?\s+(?P<cue>" + (_alternation(trailing) if trailing else r"(?!x)x")
                                         + r")(?=\s*(?:[,.;:!?)]|$|\s+(?:and|or|but)\b))", re.IGNORECASE)}


def _not_dates(section: LineDict, path: str) -> tuple:
    """Return the compiled not_dates: text that holds no date ("Vision 2030")."""
    return tuple(_compile(text, location(section.get("not_dates"), index, path))
                 for index, text in enumerate(_string_list(section, "not_dates", path)))


def _tense_rules(section: LineDict, path: str) -> dict:
    """Return the tense section checked: future and past cue regexes, clause breaks, future heads and weight."""
    tense = check_keys(section.get("tense", LineDict()), location(section, "tense", path),
                       ("future", "past", "clause_break", "future_heads", "future_auxiliaries", "future_weight"))
    tense_where = location(section, "tense", path)
    future = tuple(_compile(text, location(tense.get("future"), i, tense_where), 0)
                   for i, text in enumerate(_string_list(tense, "future", tense_where)))
    past = tuple(_compile(text, location(tense.get("past"), i, tense_where), 0)
                 for i, text in enumerate(_string_list(tense, "past", tense_where)))
    clause_break = _compile(tense.get("clause_break", r"[,;:]"), location(tense, "clause_break", tense_where))
    future_heads = frozenset(_string_list(tense, "future_heads", tense_where))
    future_auxiliaries = frozenset(_string_list(tense, "future_auxiliaries", tense_where))
    future_weight = tense.get("future_weight", 2)
    if isinstance(future_weight, bool) or not isinstance(future_weight, (int, float)) or future_weight <= 0:
        raise RulesError(f"{location(tense, 'future_weight', tense_where)}: future_weight must be a positive number")
    return {"future": future, "past": past, "clause_break": clause_break, "future_heads": future_heads,
            "future_auxiliaries": future_auxiliaries, "future_weight": float(future_weight)}


def _dateline_rules(section: LineDict, path: str) -> dict:
    """Return the dateline section checked: how many lines to read, and the text before and after the date."""
    dateline = check_keys(section.get("dateline", LineDict()), location(section, "dateline", path),
                          ("lines", "prefix", "suffix"))
    lines = dateline.get("lines", 8)
    if isinstance(lines, bool) or not isinstance(lines, int) or lines < 1:
        raise RulesError(f"{location(dateline, 'lines', path)}: lines must be a positive whole number")
    prefix = _compile(dateline.get("prefix", "^"), location(dateline, "prefix", path))
    suffix = _compile(dateline.get("suffix", r"\s*$"), location(dateline, "suffix", path))
    return {"dateline_lines": lines, "dateline_prefix": prefix, "dateline_suffix": suffix}


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
                     **_dateline_rules(section, path),
                     **_trigger({"month": words["months"], "weekday": words["weekdays"],
                                 "rel": words["relative_days"], "season": words["seasons"], "vague": words["vague"],
                                 "decade_word": words["decades"], "holiday": words["holidays"]}))


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
    return {"trigger": re.compile(r"\d|" + _alternation(classes), re.IGNORECASE),
            "trigger_classes": {word: tuple(sorted(names)) for word, names in classes.items()}}


@lru_cache(maxsize=1)
def _default_rules():
    from troopclaims.rules import load_rules
    return load_rules()


def _date_rules(rules) -> DateRules:
    return (rules or _default_rules()).lexicon("dates")


# ---------------------------------------------------------------------------------------------------------------
# Finding date expressions


def _scan(text: str, dr: DateRules, lo: int = 0, hi: int | None = None) -> list[Mention]:
    """Return the date mentions in text[lo:hi]: single dates, dates joined by or/to/-, with any bounding phrase."""
    hi = len(text) if hi is None else hi
    chosen = _longest(_atoms(text, dr, lo, hi))
    mentions: list[Mention] = []
    index = 0
    while index < len(chosen):
        first = chosen[index]
        second = chosen[index + 1] if index + 1 < len(chosen) else None
        if first.form.prefix:
            shifted = _shifted(first, second, text)
            if shifted is not None:
                mentions.append(shifted)
            index += 2 if shifted is not None else 1     # "two days before the vote": no date to count from
            continue
        joined = _connection(first, second, text, dr, lo) if second is not None else None
        if first.pending and joined is None:
            index += 1
            continue
        if joined:
            mention = _joined_mention(first, second, *joined, text, dr, lo)
            index += 2
        else:
            mention = _single_mention(first, text, dr, lo)
            index += 1
        _add_bound(mention, mentions, text, dr, lo, hi)
        mentions.append(mention)
    return mentions


def _atoms(text: str, dr: DateRules, lo: int, hi: int) -> list[Atom]:
    """Return every match of every form near its triggers in text[lo:hi], trailing spaces and full stops left out,
    none inside a not_dates span; an atom that needs a cue it lacks is pending."""
    blocked = [m.span() for regex in dr.not_dates for m in regex.finditer(text, lo, hi)]
    candidates = []
    windows = _windows(text, lo, hi, dr)
    spans = ((form, window) for form in dr.forms for window in _near(windows, form.near))
    for form, (window_lo, window_hi) in spans:
        for match in form.regex.finditer(text, window_lo, window_hi):
            start, end = match.span()
            while end > start and text[end - 1].isspace():
                end -= 1
            if text[end - 1:end] == "." and _last_word(text, start, end - 1) not in dr.abbreviations:
                end -= 1   # a full stop, not the dot of "Aug."
            if end <= start or any(s < end and start < e for s, e in blocked):
                continue
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            atom = Atom(start, end, form, groups)
            atom.pending = _needs_cue(atom, dr) and not _has_cue(text, lo, hi, start, end, dr,
                                                                 weak=form.cue == "always")
            candidates.append(atom)
    return candidates


def _longest(candidates: list[Atom]) -> list[Atom]:
    """Return the atoms that overlap no longer one, in text order."""
    # Longest first, then leftmost: "25 October 2024" beats "25 October" and "2024".
    candidates.sort(key=lambda a: (-(a.end - a.start), a.start))
    chosen: list[Atom] = []
    for atom in candidates:
        if all(atom.end <= other.start or other.end <= atom.start for other in chosen):
            chosen.append(atom)
    chosen.sort(key=lambda a: a.start)
    return chosen


def _shifted(prefix: Atom, second: Atom | None, text: str) -> Mention | None:
    """Return the mention of a shift and the date right after it that it moves ("three weeks from tomorrow"), or
    None when no such date follows."""
    if second is not None and not second.form.prefix and not text[prefix.end:second.start].strip() \
            and second.form.resolve not in ("vague", "offset", "span", "anchored"):
        return Mention(prefix.start, second.end, [prefix, second], "shift")
    return None


def _connection(first: Atom, second: Atom, text: str, dr: DateRules, lo: int) -> tuple | None:
    """Return the connector that joins two dates ("or", "to", "-") and the match of its opener ("between"), or None
    when they stand apart."""
    gap = text[first.end:second.start]
    if len(gap) > MAX_GAP or _family(first) != _family(second) or second.form.prefix \
            or first.form.resolve in ("vague", "offset", "span") or (first.pending and second.pending):
        return None
    for connector in dr.connectors:
        if not connector.regex.fullmatch(gap):
            continue
        opener = None
        if connector.opener is not None:
            opener = connector.opener.search(text, max(lo, first.start - LOOK_BACK), first.start)
            if opener is None:
                continue
        return connector, opener
    return None


def _joined_mention(first: Atom, second: Atom, connector: Connector, opener: re.Match | None, text: str,
                    dr: DateRules, lo: int) -> Mention:
    """Return the mention of two joined dates, from its opener ("between", "from") when one is written."""
    mention = Mention(first.start, second.end, [first, second], connector.join)
    if opener is not None:
        mention.start = opener.start()
    elif connector.join == "range":
        found = dr.range_opener.search(text, max(lo, first.start - LOOK_BACK), first.start)
        if found:
            mention.start = found.start()
    return mention


def _single_mention(atom: Atom, text: str, dr: DateRules, lo: int) -> Mention:
    """Return the mention of one date; a range written in one form ("from 4 to 22 January") takes its opener."""
    mention = Mention(atom.start, atom.end, [atom])
    if {"day2", "day2w", "year2"} & set(atom.groups):
        found = dr.range_opener.search(text, max(lo, atom.start - LOOK_BACK), atom.start)
        if found:
            mention.start = found.start()
    return mention


def _add_bound(mention: Mention, mentions: list[Mention], text: str, dr: DateRules, lo: int, hi: int) -> None:
    """Give a mention the bounding phrase after it ("or later") or before it ("by", "as early as"), taking the
    phrase's words into the mention and dropping the mentions found inside them."""
    after = dr.trailing_regex.match(text, mention.end, hi)
    if after and mention.join != "or":      # "2012 or later": at least 2012
        mention.bound = dr.trailing[_key(after.group("cue"))]
        mention.end = after.end()
    elif mention.start == mention.atoms[0].start:
        found = dr.bound_regex.search(text, max(lo, mention.start - LOOK_BACK), mention.start)
        if found:
            mention.bound = dr.bounds[_key(found.group("cue"))]
            mention.start = found.start("cue")
            # "soon" inside "as soon as Sunday" belongs to the bounding phrase.
            while mentions and mentions[-1].end > mention.start:
                mentions.pop()


WINDOW = 80   # characters searched either side of a trigger word: more than any date expression is long


def _windows(text: str, lo: int, hi: int, dr: DateRules) -> dict[str, list[tuple[int, int]]]:
    """Return, per trigger class, the merged spans of text[lo:hi] within WINDOW characters of its triggers; the
    key "" holds the spans near any trigger."""
    found: dict[str, list[list[int]]] = {}
    for match in dr.trigger.finditer(text, lo, hi):
        start, end = max(lo, match.start() - WINDOW), min(hi, match.end() + WINDOW)
        word = match.group().lower()
        for name in (*(("digit",) if word.isdigit() else dr.trigger_classes.get(_key(word), ())), ""):
            spans = found.setdefault(name, [])
            if spans and start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], end)
            else:
                spans.append([start, end])
    return {name: [(a, b) for a, b in spans] for name, spans in found.items()}


def _near(windows: dict, classes: tuple[str, ...]) -> list[tuple[int, int]]:
    """Return the merged windows of the trigger classes a form is searched near (all of them when none given)."""
    if not classes:
        return windows.get("", [])
    if len(classes) == 1:
        return windows.get(classes[0], [])
    merged: list[list[int]] = []
    for start, end in sorted(w for name in classes for w in windows.get(name, [])):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


JOIN_FAMILIES = {"numeric": "calendar", "monthday": "calendar", "dateparser": "calendar", "relative_day": "calendar"}


def _family(atom: Atom) -> str:
    """Return the kind of date an atom reads, for joining: days and months join whatever wrote them."""
    return JOIN_FAMILIES.get(atom.form.resolve, atom.form.resolve)


def _last_word(text: str, start: int, end: int) -> str:
    return _key(text[start:end].split()[-1]) if text[start:end].split() else ""


def _has_cue(text: str, lo: int, hi: int, start: int, end: int, dr: DateRules, weak: bool) -> bool:
    if weak and dr.weak_cue_veto.match(text[end:min(hi, end + 20)]):
        return False
    if dr.cue_regex.search(text, max(lo, start - LOOK_BACK), start):
        return True
    return weak and bool(dr.weak_cue_regex.search(text, max(lo, start - LOOK_BACK), start))


def _needs_cue(atom: Atom, dr: DateRules) -> bool:
    form = atom.form
    month = atom.groups.get("month", "")
    if month.islower() and _key(month) in dr.ambiguous_months and "year" not in atom.groups:
        return True   # "5 may have died", "troops march on"
    if form.cue is None or any(group in atom.groups for group in form.unless):
        return False
    if form.cue == "ambiguous":
        return _key(atom.groups.get("month", "")) in dr.ambiguous_months
    return True


# ---------------------------------------------------------------------------------------------------------------
# Tense


def _lexical_tense(sentence: str, start: int, end: int, dr: DateRules) -> str | None:
    """Return "future", "past" or None from cue words in the clause around sentence[start:end]."""
    breaks = [m.span() for m in dr.clause_break.finditer(sentence) if not (start <= m.start() < end)]
    left = max((b for _, b in breaks if b <= start), default=0)
    right = min((a for a, _ in breaks if a >= end), default=len(sentence))
    own = sentence[left:start] + " " + sentence[end:right]
    clauses = [own]
    if not re.search(r"\w{3,}", own):
        # A fronted date ("On Sunday, troops will ...") has no verb in its own clause: read the next one.
        after = next((b for a, b in breaks if a == right), right)
        following = min((a for a, _ in breaks if a >= after), default=len(sentence))
        clauses.append(sentence[after:following])
    for clause in clauses:
        if any(regex.search(clause) for regex in dr.future):
            return "future"
        if any(regex.search(clause) for regex in dr.past):
            return "past"
    return None


def _parse_tense(doc, start: int, end: int, dr: DateRules) -> str | None:
    """Return "future", "past" or None from the verb that governs the date in a parsed doc."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    # The governing verb must be near: the date's head, or the head of its preposition ("met on Friday"). Through a
    # noun or an adjective ("payable Dec. 7", "the deadline of Nov. 10") the main verb says nothing about the date.
    verb = span.root.head
    if verb.pos_ == "ADP" and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i in range(span.start, span.end):
        return None
    head = verb
    for _ in range(3):
        if any(child.dep_ in ("aux", "auxpass") and child.lower_ in dr.future_auxiliaries for child in head.children):
            return "future"
        if head.dep_ in ("xcomp", "advcl") and head.head.lemma_.lower() in dr.future_heads:
            if any(child.lower_ == "to" for child in head.children) or head.dep_ == "xcomp":
                return "future"
        if head.dep_ not in ("xcomp", "conj") or head.head.i == head.i:
            break
        head = head.head
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and any(child.lemma_ == "have" for child in auxiliaries):
        return "past"
    return None


def _tense(doc, text: str, start: int, end: int, dr: DateRules, parsed: bool) -> str | None:
    if parsed:
        found = _parse_tense(doc, start, end, dr)
        if found:
            return found
    sentence_start, sentence_end = 0, len(text)
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is not None and len(span) and (parsed or annotated(doc, "SENT_START")):
        sentence = span[0].sent
        sentence_start, sentence_end = sentence.start_char, sentence.end_char
    return _lexical_tense(text[sentence_start:sentence_end], start - sentence_start, end - sentence_start, dr)


# ---------------------------------------------------------------------------------------------------------------
# Resolving


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + count
    return total // 12, total % 12 + 1


def _value(low: date, high: date, grain: str) -> str:
    """Return the ISO value of a whole period, or its first day when the period is not one unit of its grain."""
    if grain == "day" and low == high:
        return low.isoformat()
    if grain == "week" and low.weekday() == 0 and high == low + timedelta(days=6):
        return low.isoformat()
    if grain == "month" and low.day == 1 and high == _month_end(low.year, low.month):
        return f"{low.year:04d}-{low.month:02d}"
    if grain == "year" and (low.month, low.day, high.month, high.day) == (1, 1, 12, 31) and low.year == high.year:
        return f"{low.year:04d}"
    return low.isoformat()


def _period(low: date, high: date, grain: str, qualifier: str = "exact", explicit: bool = False) -> Period:
    return Period(low, high, grain, _value(low, high, grain), qualifier, explicit, low.year)


def _unresolved(grain: str | None, qualifier: str = "exact") -> Period:
    return Period(None, None, grain, None, qualifier)


def _pick(candidates: list[tuple[date, date]], published: date, tense: str | None,
          future_weight: float | None) -> tuple[date, date]:
    """Return the candidate interval the tense points to: the latest starting by publication, the first ending on or
    after it, or (no tense and a future_weight) the nearest, future distances weighted."""
    if tense == "future":
        return next((c for c in candidates if c[1] >= published), candidates[-1])
    if tense is None and future_weight:
        return min(candidates, key=lambda c: (max((c[0] - published).days * future_weight,
                                                  (published - c[1]).days, 0), c[0] > published))
    past = [c for c in candidates if c[0] <= published]
    return past[-1] if past else candidates[0]


def _apply_part(period: Period, part: Part | None, published: date | None) -> Period | None:
    if part is None:
        return period
    if period.low is None:
        return Period(None, None, period.grain, None, part.qualifier)
    low, high = period.low, period.high
    if part.span is not None:
        months = (high.year - low.year) * 12 + high.month - low.month + 1
        if low.day == 1 and high == _month_end(high.year, high.month) and months >= 12:
            # Parts of years and decades fall on whole months: "early 2025" is January to April.
            first = round(months * part.span[0])
            last = max(first + 1, round(months * part.span[1]))
            low = date(*_add_months(low.year, low.month, first), 1)
            high = _month_end(*_add_months(period.low.year, period.low.month, last - 1))
        else:
            days = (high - low).days + 1
            first = round(days * part.span[0])
            last = max(first + 1, round(days * part.span[1]))
            low, high = period.low + timedelta(days=first), period.low + timedelta(days=last - 1)
    elif published is None:
        return Period(None, None, period.grain, None, part.qualifier)
    elif part.relative == "before":
        high = min(high, published - timedelta(days=1))
    else:
        low = max(low, published + timedelta(days=1))
    if high < low:
        # "earlier this month" written on the 1st: the words cannot be placed more narrowly than the period.
        return Period(period.low, period.high, period.grain, period.value, "approximate", period.explicit_year,
                      period.year)
    return Period(low, high, period.grain, period.value, part.qualifier, period.explicit_year, period.year)


def _resolve_calendar(groups: dict, published: date | None, tense: str | None, dr: DateRules,
                      year_hint: int | None = None) -> Period | None:
    """Read a calendar date: a year alone ("2014", "2014-2018", "early 2025"), a month ("June last year") or days of
    a month ("25 October 2024", "4 to 22 January"); year_hint: the year of the date joined to it."""
    part = dr.parts.get(_key(groups["part"])) if "part" in groups else None
    month_text = groups.get("month")
    month = None
    if month_text is not None:
        month = int(month_text) if month_text.isdigit() else dr.months.get(_key(month_text))
        if month is None:
            return None
    year = _year(groups["year"], dr) if "year" in groups else None
    if month is None and "unit" not in groups:
        return _calendar_year(groups, year, part, published)
    return _calendar_days(groups, month, year, part, published, tense, dr, year_hint)


def _calendar_year(groups: dict, year: int | None, part: Part | None, published: date | None) -> Period | None:
    """Read a year written alone: "2014", "early 2025", "2014-2018"."""
    if year is None:
        return None
    if "year2" in groups:   # "2014-2018"
        last = int(groups["year2"])
        return Period(date(year, 1, 1), date(last, 12, 31), "year", str(year), "range", True, year) \
            if last > year else None
    return _apply_part(_period(date(year, 1, 1), date(year, 12, 31), "year", explicit=True), part, published)


def _calendar_days(groups: dict, month: int | None, year: int | None, part: Part | None, published: date | None,
                   tense: str | None, dr: DateRules, year_hint: int | None) -> Period | None:
    """Read a month or days of a month in the year written, else the year its direction word ("last June"), the
    date joined to it (year_hint) or the tense points to."""
    explicit = year is not None
    direction = dr.directions.get(_key(groups["dir"])) if "dir" in groups else None
    day = _day(groups, dr)
    if day is None and "dayw" in groups:
        return None
    day2 = _day({"day": groups["day2"]} if "day2" in groups else {"dayw": groups["day2w"]} if "day2w" in groups else {},
                dr)
    if day2 is None and "day2w" in groups:
        return None
    if month is None and direction is not None and "unit" in groups:   # "from 4 to 22 next month"
        if published is None:
            return _unresolved("day", "range")
        year, month = _add_months(published.year, published.month, direction)
    grain = "day" if day else "month"
    if year is None and direction is not None:
        if published is None:
            return _unresolved(grain, part.qualifier if part else "exact")
        year = _directed_year(groups, month, direction, published)
    if year is None:
        year = year_hint
    try:
        if year is None:
            if published is None:
                return _unresolved(grain, "range" if day2 else part.qualifier if part else "exact")
            found = _nearest_year(groups, month, day, day2, published, tense, dr)
            if found is None:
                return None
            low, high = found
        elif day:
            low = date(year, month, day)
            high = date(year, month, day2) if day2 else low
        else:
            low, high = date(year, month, 1), _month_end(year, month)
    except ValueError:
        return None   # "February 30": not a date
    if high < low:
        return None
    if day2:
        return Period(low, high, "day", low.isoformat(), "range", explicit, low.year)
    return _apply_part(_period(low, high, grain, explicit=explicit), part, published)


def _directed_year(groups: dict, month: int, direction: int, published: date) -> int:
    """Return the year a direction word gives a month: "June last year", "last June", "next January"."""
    if _match_word(groups, "year"):   # "June last year", "January this year"
        return published.year + direction
    if direction < 0:
        return published.year if month < published.month else published.year - 1
    if direction > 0:
        return published.year if month > published.month else published.year + 1
    return published.year


def _nearest_year(groups: dict, month: int, day: int | None, day2: int | None, published: date, tense: str | None,
                  dr: DateRules) -> tuple[date, date] | None:
    """Return the first and last day of a date written without its year, in the year around publication the tense
    points to; a weekday written with it ("Saturday, April 25") picks the year in which it falls on that day."""
    candidates = []
    for y in (published.year - 1, published.year, published.year + 1):
        if day:
            try:
                first = date(y, month, day)
            except ValueError:
                continue
            candidates.append((first, date(y, month, day2) if day2 else first))
        else:
            candidates.append((date(y, month, 1), _month_end(y, month)))
    if day and "weekday" in groups:   # "Saturday, April 25": the year in which it is a Saturday
        weekday = dr.weekdays[_key(groups["weekday"])]
        candidates = [c for c in candidates if c[0].weekday() == weekday] or candidates
    if not candidates:
        return None
    low, high = _pick(candidates, published, tense, dr.future_weight)
    if tense == "past" and day and low.year < published.year and \
            (published - high).days > PAST_YEAR_REACH and not groups.get("_forced"):
        # News writes the year of a date in an earlier year ("Dec. 7, 1988") unless it is just gone:
        # a past clause that reaches so far back speaks of this year's ("said it will redeem on Dec. 7").
        low, high = next((c for c in candidates if c[0].year == published.year), (low, high))
    return low, high


def _day(groups: dict, dr: DateRules) -> int | None:
    """Return the day of the month of groups day (digits) or dayw (words: "first", "twenty nine"), or None."""
    if "day" in groups:
        return int(groups["day"])
    if "dayw" in groups:
        return dr.day_words.get(_key(groups["dayw"].replace("-", " ")))
    return None


def _year(text: str, dr: DateRules) -> int | None:
    """Return the year of digits or of words ("nineteen ninety-six", "two thousand and four")."""
    if text.isdigit():
        return int(text)
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w and w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(dr.year_words.get(w, 0) for w in words[2:])
    if not words or words[0] not in dr.year_words:
        return None
    return dr.year_words[words[0]] * 100 + sum(dr.year_words.get(w, 0) for w in words[1:])


PAST_YEAR_REACH = 92     # days back into the previous year that a date written without its year may reach


def _match_word(groups: dict, word: str) -> bool:
    return groups.get("_text", "").lower().rstrip(". ").endswith(word)


PREVIOUS_WEEK = ("previous",)


def _resolve_weekday(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    weekday = dr.weekdays[_key(groups.get("weekday") or groups["weekday2"])]
    if published is None:
        return _unresolved("day")
    week_word = groups.get("wdir") or groups.get("wdir2")
    if week_word:         # "Tuesday of next week", "next week on Tuesday": that day of that week
        step = 1 if _key(week_word) == "following" else dr.directions[_key(week_word)]
        day = published - timedelta(days=published.weekday()) + timedelta(days=7 * step + weekday)
        return _period(day, day, "day")
    direction = dr.directions.get(_key(groups["dir"])) if "dir" in groups else None
    today = published.weekday()
    if direction is None:
        if tense == "future":
            day = published + timedelta(days=(weekday - today) % 7)
        else:
            day = published - timedelta(days=(today - weekday) % 7)
    elif direction < 0 and _key(groups["dir"]) in PREVIOUS_WEEK:
        # "the previous Friday": that day of the week before publication's, not the nearest one.
        day = published - timedelta(days=today + 7 - weekday)
    elif direction < 0:
        day = published - timedelta(days=(today - weekday - 1) % 7 + 1)
    elif direction > 0:
        day = published + timedelta(days=(weekday - today - 1) % 7 + 1)
    else:
        day = published + timedelta(days=weekday - today)
    return _period(day, day, "day")


def _resolve_period(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    if "yearend" in groups:   # "by year-end": this December 31; "since year-end" (past): the last one
        if published is None:
            return _unresolved("day")
        day = date(published.year - (tense == "past"), 12, 31)
        return _period(day, day, "day")
    unit = _key(groups["unit"])
    part = dr.parts.get(_key(groups["part"])) if "part" in groups else None
    direction = 2 if "after_next" in groups else dr.directions.get(_key(groups["dir"])) if "dir" in groups else None
    grain = {"weekend": "day"}.get(unit, unit)
    if published is None:
        return _unresolved(grain, part.qualifier if part else "exact")
    if unit in ("week", "weekend"):
        monday = published - timedelta(days=published.weekday())
        if unit == "weekend" and direction is None:
            saturday = monday + timedelta(days=5)
            if tense == "future":
                saturday = saturday if saturday + timedelta(days=1) >= published else saturday + timedelta(days=7)
            elif saturday > published:
                saturday -= timedelta(days=7)
            period = Period(saturday, saturday + timedelta(days=1), "day", saturday.isoformat(), "range")
        else:
            monday += timedelta(days=7 * (direction or 0))
            if unit == "weekend":
                saturday = monday + timedelta(days=5)
                period = Period(saturday, saturday + timedelta(days=1), "day", saturday.isoformat(), "range")
            else:
                period = _period(monday, monday + timedelta(days=6), "week")
    elif unit == "month":
        year, month = _add_months(published.year, published.month, direction or 0)
        period = _period(date(year, month, 1), _month_end(year, month), "month")
    else:
        year = published.year + (direction or 0)
        period = _period(date(year, 1, 1), date(year, 12, 31), "year")
    if part is None and direction == 0 and period.low is not None:
        # "said this week" cannot reach past publication, "will ... this month" cannot reach before it.
        if tense == "past" and period.high > published >= period.low:
            period = Period(period.low, published, period.grain, period.value, period.qualifier)
        elif tense == "future" and period.low < published <= period.high:
            period = Period(published, period.high, period.grain, period.value, period.qualifier)
    return _apply_part(period, part, published)


def _resolve_season(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    first, last = dr.seasons[_key(groups["season"])]
    part = dr.parts.get(_key(groups["part"])) if "part" in groups else None
    direction = dr.directions.get(_key(groups["dir"])) if "dir" in groups else None

    def season_of(year: int) -> tuple[date, date]:
        end_year = year + 1 if last < first else year
        return date(year, first, 1), _month_end(end_year, last)
    if "year" in groups:
        low, high = season_of(_year(groups["year"], dr))
        return _apply_part(Period(low, high, "month", low.isoformat(), "approximate", True, low.year), part, published)
    if published is None:
        return _unresolved("month", part.qualifier if part else "approximate")
    candidates = [season_of(y) for y in range(published.year - 2, published.year + 2)]
    if direction is None:
        low, high = _pick(candidates, published, tense, None)
    elif direction < 0:
        low, high = [c for c in candidates if c[1] < published][-1]
    elif direction > 0:
        low, high = next(c for c in candidates if c[0] > published)
    else:
        low, high = next((c for c in candidates if c[0] <= published <= c[1]),
                         next(c for c in candidates if c[0].year == published.year))
    return _apply_part(Period(low, high, "month", low.isoformat(), "approximate", False, low.year), part, published)


QUARTER_STEPS = {"this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1,
                 "latest": -1, "most recent": -1, "the": -1, "quarter": -1, "period": -1}
REPORT_LAG = timedelta(days=61)   # results of a quarter are reported on for about two months after it ends


def _quarter_of(year: int, index: int, months: int = 3) -> tuple[date, date]:
    first = months * (index - 1) + 1
    return date(year, first, 1), _month_end(year, first + months - 1)


def _resolve_quarter(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read a quarter or a half: "the third quarter", "Q3 2016", "H1 2016", "last quarter", "the quarter"."""
    half = groups.get("half") or groups.get("half2")
    months = 6 if half else 3
    year_text = groups.get("year") or groups.get("year_first")
    if "qdir2" in groups:     # "the latest period": the quarter being reported on
        groups = dict(groups, qdir=groups["qdir2"])
    if "qdir" in groups and (published is not None or not year_text):
        # "this quarter" holds publication; "last quarter", "the latest quarter" and a bare "the quarter" (the one
        # news reports on) are the last complete one.
        if published is None:
            return _unresolved("month")
        step = QUARTER_STEPS[_key(groups["qdir"])]
        year, month = _add_months(published.year, 3 * ((published.month - 1) // 3) + 1, 3 * step)
        if year_text:         # "the 1988 quarter": that quarter of the year named
            year = int(year_text)
        low, high = _quarter_of(year, (month - 1) // 3 + 1)
        return Period(low, high, "month", low.isoformat(), "exact", bool(year_text), low.year)
    if half:
        index = int(half)
    elif "quarter" in groups:
        index = int(groups["quarter"])
    else:
        index = dr.ordinals[_key(groups["ordinal"])]
    if year_text:
        low, high = _quarter_of(_year(year_text, dr), index, months)
        return Period(low, high, "month", low.isoformat(), "exact", True, low.year)
    if published is None:
        return _unresolved("month")
    if "ydir" in groups:
        low, high = _quarter_of(published.year + dr.directions[_key(groups["ydir"])], index, months)
        return Period(low, high, "month", low.isoformat(), "exact", False, low.year)
    direction = dr.directions.get(_key(groups["dir"])) if "dir" in groups else None
    candidates = [_quarter_of(y, index, months) for y in range(published.year - 1, published.year + 2)]
    if direction is not None and direction != 0:
        tense = "future" if direction > 0 else "past"
    if tense == "future":
        low, high = next(c for c in candidates if c[1] >= published - REPORT_LAG)
    else:
        low, high = _pick(candidates, published, "past", None)
    return Period(low, high, "month", low.isoformat(), "exact", False, low.year)


def _resolve_decade(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read a decade ("the 1990s", "the '70s", "the seventies") or a century ("the 20th century")."""
    part = dr.parts.get(_key(groups["part"])) if "part" in groups else None
    if "century" in groups:
        first = (int(groups["century"]) - 1) * 100
        if first < 1:
            return None
        return _apply_part(Period(date(first, 1, 1), date(first + 99, 12, 31), "year", f"{first:04d}-01-01",
                                  "exact", True, first), part, published)
    if "decade" in groups:
        first = int(groups["decade"]) * 10
    else:
        tens = int(groups["decade2"]) if "decade2" in groups else dr.decades[_key(groups["decade_word"])]
        # "the 70s" is the latest such decade begun by publication (1970s, but "the 20s" of 2024 are the 2020s).
        now = (published or date(1999, 12, 31)).year
        first = 1900 + 10 * tens if "nineteen" in groups or 2000 + 10 * tens > now else 2000 + 10 * tens
    period = Period(date(first, 1, 1), date(first + 9, 12, 31), "year", f"{first:04d}-01-01", "exact", True, first)
    return _apply_part(period, part, published)


def _resolve_week(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read an ISO week number ("week 31", "week 2 of 2019"), in the year of publication when none is written."""
    year = int(groups["year"]) if "year" in groups else published.year if published else None
    if year is None:
        return _unresolved("week")
    if "dir" in groups:
        year += dr.directions[_key(groups["dir"])]
    try:
        monday = date.fromisocalendar(year, int(groups["week"]), 1)
    except ValueError:
        return None
    return _period(monday, monday + timedelta(days=6), "week", explicit="year" in groups)


def _nth_week(low: date, high: date, nth: int) -> tuple[date, date] | None:
    """Return the nth week (Monday..Sunday; -1 = the last) of the month or year low..high: the first is the week
    holding its 4th day (as ISO weeks), the last the week holding its fourth-last day."""
    if nth < 0:
        day = high - timedelta(days=3)
        monday = day - timedelta(days=day.weekday())
    else:
        day = low + timedelta(days=3)
        monday = day - timedelta(days=day.weekday()) + timedelta(days=7 * (nth - 1))
    if monday > high:
        return None
    return monday, monday + timedelta(days=6)


def _resolve_nth(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read "the first week of July", "the last week of 2016", "the third month of next year"."""
    text = _key(groups["nth"])
    nth = -1 if text == "last" else dr.ordinals.get(text) or (5 if text in ("fifth", "5th") else
                                                             int(re.sub(r"\D", "", text) or 0))
    sub = _key(groups["sub"])
    containers = []
    if "month" in groups:
        month = dr.months.get(_key(groups["month"]))
        if month is None:
            return None
        if "year" in groups:
            years = [int(groups["year"])]
        elif published is None:
            return _unresolved(_grain(sub))
        else:
            years = [published.year - 1, published.year, published.year + 1]
        containers = [(date(y, month, 1), _month_end(y, month)) for y in years]
    else:
        if "cyear" in groups:
            base = date(_year(groups["cyear"], dr), 1, 1)
        elif published is None:
            return _unresolved(_grain(sub))
        else:
            unit = _key(groups["unit"])
            base = _shift(published, unit, dr.directions[_key(groups["dir"])])
            base = date(base.year, base.month if unit == "month" else 1, 1)
        unit = "month" if "unit" in groups and _key(groups["unit"]) == "month" else "year"
        containers = [_unit_around(base, unit)]
    if "n" in groups:     # "the first 2 weeks of 2021", "the last four months of 2021"
        counts = _count(groups["n"], dr)
        if counts is None or counts[0] != counts[1] or not containers:
            return None
        return _first_units(containers, counts[0], sub, nth, published, tense, dr)
    candidates = []
    for low, high in containers:
        if sub == "week":
            week = _nth_week(low, high, nth)
        elif low.month == high.month:
            week = None      # "the third month of June" says nothing
        else:
            month = 12 if nth < 0 else nth
            week = (date(low.year, month, 1), _month_end(low.year, month)) if 1 <= month <= 12 else None
        if week:
            candidates.append(week)
    if not candidates:
        return None
    low, high = candidates[0] if len(candidates) == 1 else _pick(candidates, published, tense, dr.future_weight)
    return _period(low, high, _grain(sub), explicit=len(containers) == 1 and "year" in groups)


def _first_units(containers: list, count: int, sub: str, nth: int, published: date | None, tense: str | None,
                 dr: DateRules) -> Period | None:
    """Return the first (nth 1) or last (nth -1) count days, weeks or months of the month or year around."""
    candidates = []
    for low, high in containers:
        if sub == "week":
            ends = _nth_week(low, high, 1 if nth > 0 else -1)
            if ends is None:
                return None
            first, last = (ends[0], ends[0] + timedelta(days=7 * count - 1)) if nth > 0 else \
                (ends[1] - timedelta(days=7 * count - 1), ends[1])
        elif nth > 0:
            first, last = low, _shift(low, sub, count) - timedelta(days=1)
        else:
            first, last = _shift(high + timedelta(days=1), sub, -count), high
        candidates.append((first, last))
    first, last = candidates[0] if len(candidates) == 1 else _pick(candidates, published, tense, dr.future_weight)
    return Period(first, last, sub, first.isoformat(), "range")


def _resolve_numeric(groups: dict, published: date | None, tense: str | None, dr: DateRules,
                     year_hint: int | None = None) -> Period | None:
    """Read a numeric date: month/day unless the day comes first by necessity (22/04) or by the article's
    convention (groups["_order"] == "dm"); a two-digit year is the nearest to publication's century."""
    if "a2" in groups:
        groups = dict(groups, a=groups["a2"], b=groups["b2"], year=groups["year2"])
    a, b = int(groups["a"]), int(groups["b"])
    if a > 12 or (groups.get("_order") == "dm" and b <= 12):
        a, b = b, a
    if not (1 <= a <= 12 and 1 <= b <= 31):
        return None
    calendar_groups = {"month": str(a), "day": str(b), "_text": groups["_text"]}
    if "year" in groups:
        year = int(groups["year"])
        if len(groups["year"]) == 2:   # without publication: 00-49 are 20xx, 50-99 19xx
            now = published.year if published else 2029
            year += 100 * (now // 100)
            if year > now + 20:
                year -= 100
        calendar_groups["year"] = str(year)
    return _resolve_calendar(calendar_groups, published, tense, dr, year_hint)


def _resolve_monthday(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read a day of the month with no month ("on the 18th", "Friday the 11th"): the month around publication
    that the tense points to; with a weekday, the nearest month where that day falls on it."""
    day = _day(groups, dr)
    if day is None:
        return None
    if published is None:
        return _unresolved("day")
    candidates = []
    for offset in range(-12, 13):
        year, month = _add_months(published.year, published.month, offset)
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if "weekday" not in groups or candidate.weekday() == dr.weekdays[_key(groups["weekday"])]:
            candidates.append((candidate, candidate))
    if "weekday" in groups:
        candidates = [min(candidates, key=lambda c: abs((c[0] - published).days))] if candidates else []
    else:
        candidates = [c for c in candidates if abs((c[0] - published).days) <= 31]
    if not candidates:
        return None
    low, _ = _pick(candidates, published, tense, dr.future_weight)
    return _period(low, low, "day")


def _resolve_offset(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    if groups.get("_future_only") and tense != "future":
        return None   # "in two years" outside a future clause is a duration ("the first time in two years")
    count = groups["n"]
    low_n, high_n = (int(count), int(count)) if count.isdigit() else dr.numbers.get(_key(count), (None, None))
    if low_n is None:
        return None
    unit = _key(groups["unit"])
    sign = -1 if "ago" in groups else 1
    exact = low_n == high_n
    if published is None:
        return _unresolved(unit, "exact" if exact else "vague")

    def shifted(n: int) -> tuple[date, date]:
        if unit == "day":
            day = published + timedelta(days=sign * n)
            return day, day
        if unit == "week":
            day = published + timedelta(days=7 * sign * n)
            monday = day - timedelta(days=day.weekday())
            return monday, monday + timedelta(days=6)
        if unit == "month":
            year, month = _add_months(published.year, published.month, sign * n)
            return date(year, month, 1), _month_end(year, month)
        year = published.year + sign * n
        return date(year, 1, 1), date(year, 12, 31)
    if exact:
        low, high = shifted(low_n)
        return _period(low, high, unit)
    ends = sorted([*shifted(low_n), *shifted(high_n)])
    return Period(ends[0], ends[-1], unit, None, "vague")


STEPS = {"following": 1, "next": 1, "previous": -1, "prior": -1, "preceding": -1, "same": 0, "that": 0}
BACKWARD = ("earlier", "before", "ago", "prior")


def _count(text: str, dr: DateRules) -> tuple[int, int] | None:
    """Return the low and high of a count ("3", "two", "a few"), or None when the words are no count."""
    if text.isdigit():
        return int(text), int(text)
    return dr.numbers.get(_key(text))


def _shift(day: date, unit: str, n: int) -> date:
    """Return day moved by n units, the day of the month kept where the month has it (else its last day)."""
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(days=7 * n)
    year, month = _add_months(day.year, day.month, {"month": 1, "quarter": 3, "year": 12}[unit] * n)
    last = calendar.monthrange(year, month)[1]
    return date(year, month, last if day.day == calendar.monthrange(day.year, day.month)[1] else min(day.day, last))


def _unit_around(day: date, unit: str) -> tuple[date, date]:
    """Return the first and last day of the calendar day, week, month, quarter or year holding day."""
    if unit == "day":
        return day, day
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return date(day.year, day.month, 1), _month_end(day.year, day.month)
    if unit == "quarter":
        return _quarter_of(day.year, (day.month - 1) // 3 + 1)
    return date(day.year, 1, 1), date(day.year, 12, 31)


def _grain(unit: str) -> str:
    return "month" if unit in ("quarter", "half") else unit


def _resolve_span(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read a period with a number from publication: "the next 3 days" (the day after publication to the third),
    "the past two weeks" (to publication), "within 9 months" (from publication), "the rest of the week"."""
    unit, direction = _key(groups["unit"]), _key(groups["dir"])
    if groups.get("_future_only") and tense != "future":
        return None   # "victory within a week" outside a future clause: a duration
    if direction in ("rest", "date"):   # "the rest of the week", "the year to date"
        if published is None:
            return _unresolved(unit, "range")
        low, high = (published, _unit_around(published, unit)[1]) if direction == "rest" else \
            (_unit_around(published, unit)[0], published)
        return Period(low, high, unit, low.isoformat(), "range")
    counts = _count(groups["n"], dr)
    if counts is None:
        return None
    qualifier = "range" if counts[0] == counts[1] else "vague"
    if published is None:
        return _unresolved(unit, qualifier)
    if unit == "quarter":     # "the last 2 quarters": whole quarters before (or after) publication's
        this_low, this_high = _unit_around(published, "quarter")
        if direction in ("past", "last", "previous"):
            low, high = _shift(this_low, "quarter", -counts[1]), this_low - timedelta(days=1)
        elif direction == "within":
            low, high = published, _shift(published, unit, counts[1])
        else:
            low, high = this_high + timedelta(days=1), _shift(this_high + timedelta(days=1), "quarter", counts[1]) \
                - timedelta(days=1)
    elif direction in ("past", "last", "previous"):
        low, high = _shift(published, unit, -counts[1]), published
    elif direction == "within":
        low, high = published, _shift(published, unit, counts[1])
    else:
        low, high = published + timedelta(days=1), _shift(published, unit, counts[1])
    return Period(low, high, unit, low.isoformat() if qualifier == "range" else None, qualifier)


def _resolve_anchored(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read a date relative to another: the date before it in the paragraph (groups["_anchor"]), else publication.
    "two days later", "a year earlier", "the following month", "that year", "earlier in the week", "the
    year-ago quarter"; with no date before it, "that year" and "the year-ago period" say nothing."""
    anchor: Period | None = groups.get("_anchor")
    unit = _key(groups["unit"])
    if "side" in groups:
        return _side_of(unit, _key(groups["side"]), anchor, published)
    if "shift" not in groups:
        step = STEPS[_key(groups.get("step", "same"))]
        if anchor is None and "step" in groups and step == 0:
            return None
        base = anchor.low if anchor is not None else published
        if base is None:
            return _unresolved(_grain(unit))
        low, high = _unit_around(_shift(base, unit, step), unit)
        return _period(low, high, _grain(unit))
    counts = _count(groups["n"], dr) if "n" in groups else (1, 1)
    if counts is None:
        return None
    sign = -1 if _key(groups["shift"]) in BACKWARD else 1
    target = _key(groups["target"]) if "target" in groups else None
    if "rel" in groups:       # "two days after tomorrow": from a day named relative to publication
        if published is None:
            return _unresolved("day")
        if counts[0] != counts[1]:
            return None
        day = _shift(published + timedelta(days=dr.relative_days[_key(groups["rel"])]), unit, sign * counts[0])
        return _period(day, day, "day")
    if "ordinal" in groups and published is not None:   # "the year-ago third quarter": the quarter named
        quarter = _resolve_quarter({"ordinal": groups["ordinal"]}, published, "past", dr)
        low, high, grain = quarter.low, quarter.high, "month"
    elif anchor is not None:
        low, high = (_unit_around(anchor.low, target) if target and target != "period" else (anchor.low, anchor.high))
        grain = _grain(target) if target and target != "period" else anchor.grain
    elif published is None:
        return _unresolved(_grain(target or unit))
    elif target:              # "the year-ago quarter (period)" with no date before it: the last complete quarter
        target = "quarter" if target == "period" else target
        low, high = _unit_around(_shift(published, target, -1), target)
        grain = _grain(target)
    else:                     # "a year earlier" with no date before it: the year before publication's
        low, high = _unit_around(published, unit)
        grain = unit
    if counts[0] != counts[1]:
        ends = sorted([_shift(low, unit, sign * counts[0]), _shift(high, unit, sign * counts[1]),
                       _shift(low, unit, sign * counts[1]), _shift(high, unit, sign * counts[0])])
        return Period(ends[0], ends[-1], grain, None, "vague")
    low, high = _shift(low, unit, sign * counts[0]), _shift(high, unit, sign * counts[0])
    if grain == "week" and unit != "week":
        low, high = _unit_around(low, "week")
    return _period(low, high, grain)


def _side_of(unit: str, side: str, anchor: Period | None, published: date | None) -> Period | None:
    """Return "earlier in the week" / "later that day": the part of the unit around the anchor (else publication)
    before or after it."""
    first, last = (anchor.low, anchor.high) if anchor is not None else (published, published)
    if first is None:
        return _unresolved(unit, "range")
    unit_low, unit_high = _unit_around(first, unit)
    low, high = (unit_low, first - timedelta(days=1)) if side == "earlier" else (last + timedelta(days=1), unit_high)
    value = _value(unit_low, unit_high, unit)
    if high < low or high > unit_high or low < unit_low:
        return Period(unit_low, unit_high, unit, value, "approximate")
    return Period(low, high, unit, value, "range")


def _easter(year: int) -> date:
    """Return Easter Sunday of a year (Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (2 * e + 2 * i - h - k + 32) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def _holiday_in(rule: dict, year: int) -> date | None:
    if "easter" in rule:
        day = _easter(year) + timedelta(days=rule["easter"])
    elif "day" in rule:
        try:
            day = date(year, rule["month"], rule["day"])
        except ValueError:
            return None
    else:
        nth = rule["nth"]
        first = date(year, rule["month"], 1) if nth > 0 else _month_end(year, rule["month"])
        shift = (rule["weekday"] - first.weekday()) % 7 if nth > 0 else -((first.weekday() - rule["weekday"]) % 7)
        day = first + timedelta(days=shift + 7 * (nth - 1 if nth > 0 else 0))
    return day + timedelta(days=rule.get("offset", 0))


def _resolve_holiday(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    """Read a holiday ("Christmas", "next Easter", "Thanksgiving 2023", "Labor Day weekend"): its day in the year
    written, else the one the tense or direction points to; with weekend, the Saturday and Sunday around it."""
    rule = dr.holidays[_key(groups.get("holiday") or groups["holiday2"])]
    year_text = groups.get("year") or groups.get("year2")
    if year_text:
        day = _holiday_in(rule, int(year_text))
    elif published is None:
        return _unresolved("day")
    else:
        candidates = [(d, d) for d in (_holiday_in(rule, y) for y in range(published.year - 1, published.year + 2))
                      if d is not None]
        direction = (1 if _key(groups["dir"]) == "following" else dr.directions[_key(groups["dir"])]) \
            if "dir" in groups else None
        if direction:
            ahead = [c for c in candidates if (c[0] > published if direction > 0 else c[0] < published)]
            day = (ahead[0] if direction > 0 else ahead[-1])[0] if ahead else None
        else:
            day = _pick(candidates, published, tense, dr.future_weight)[0]
    if day is None:
        return None
    if "weekend" in groups or "weekend2" in groups:
        saturday = day + timedelta(days=(5 - day.weekday()) % 7) if day.weekday() < 5 else \
            day - timedelta(days=day.weekday() - 5)
        return Period(saturday, saturday + timedelta(days=1), "day", saturday.isoformat(), "range",
                      bool(year_text), saturday.year)
    return _period(day, day, "day", explicit=bool(year_text))


def _resolve_vague(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    if groups.get("_future_only") and tense != "future":
        return None
    phrase = dr.vague[_key(groups["vague"])] if "vague" in groups else VaguePhrase(1, None, "day")   # "one day"
    if published is None:
        return _unresolved(phrase.grain, phrase.qualifier)

    def shift(days):
        return None if days is None else published + timedelta(days=days)
    return Period(shift(phrase.low), shift(phrase.high), phrase.grain, None, phrase.qualifier)


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: date | None, tense: str | None) -> date | None:
    import dateparser

    settings = {"RELATIVE_BASE": datetime.combine(base or date(2000, 1, 1), datetime.min.time()),
                "PREFER_DATES_FROM": "future" if tense == "future" else "past"}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _resolve_dateparser(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    text = groups["_text"]
    if published is None and not re.search(r"\d{4}", text):
        return _unresolved("day")
    day = _dateparser(text, published, tense)
    return _period(day, day, "day", explicit=bool(re.search(r"\d{4}", text))) if day else None


def _resolve_relative_day(groups: dict, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    if published is None:
        return _unresolved("day")
    day = published + timedelta(days=dr.relative_days[_key(groups["rel"])])
    return _period(day, day, "day")


_RESOLVE = {"calendar": _resolve_calendar, "weekday": _resolve_weekday, "period": _resolve_period,
            "season": _resolve_season, "quarter": _resolve_quarter, "decade": _resolve_decade,
            "vague": _resolve_vague, "dateparser": _resolve_dateparser, "relative_day": _resolve_relative_day,
            "offset": _resolve_offset, "numeric": _resolve_numeric, "monthday": _resolve_monthday,
            "week": _resolve_week, "nth": _resolve_nth, "holiday": _resolve_holiday, "span": _resolve_span, "anchored": _resolve_anchored}


def _atom_period(atom: Atom, text: str, published: date | None, tense: str | None, dr: DateRules,
                 year_hint: int | None = None, anchor: Period | None = None, forced: bool = False) -> Period | None:
    groups = dict(atom.groups, _text=text[atom.start:atom.end], _future_only=atom.form.tense == "future",
                  _anchor=anchor, _forced=forced)
    if atom.form.resolve == "calendar":
        return _resolve_calendar(groups, published, tense, dr, year_hint)
    if atom.form.resolve == "numeric":
        return _resolve_numeric(groups, published, tense, dr, year_hint)
    return _RESOLVE[atom.form.resolve](groups, published, tense, dr)


def _interpret(mention: Mention, text: str, published: date | None, tense: str | None,
               dr: DateRules, anchor: Period | None = None) -> tuple[Resolution, Period] | tuple[None, None]:
    """Return the resolution of a mention and its period before bounds, or Nones when its words turn out not to be
    a date. anchor: the date before it that a relative date ("two days later") counts from."""
    first = mention.atoms[0]
    if mention.bound is not None and mention.bound.tense:
        tense = mention.bound.tense
    if mention.join is None:
        forced = mention.bound is not None and mention.bound.tense is not None
        period = _atom_period(first, text, published, tense, dr, anchor=anchor, forced=forced)
    elif mention.join == "shift":
        period = _shifted_by(mention, text, published, tense, dr)
    else:
        period = _joined(mention, text, published, tense, dr)
    if period is None:
        return None, None
    low, high = _bounded(period, mention.bound, published, tense)
    qualifier = mention.bound.qualifier if mention.bound else period.qualifier
    return Resolution(period.value, _iso(low), _iso(high), period.grain, qualifier), period


def _shifted_by(mention: Mention, text: str, published: date | None, tense: str | None,
                dr: DateRules) -> Period | None:
    """Return a date read through the words before it: "three weeks from tomorrow" (moved by the count of
    units), "the week of April 10th" (the week holding it), "3 days starting next Monday" (that many from it)."""
    prefix, base_atom = mention.atoms
    base = _atom_period(base_atom, text, published, tense, dr)
    if base is None:
        return None
    if base.low is None or base.high is None:
        return _unresolved(base.grain)
    groups = prefix.groups
    if "weekof" in groups or "weekof2" in groups:
        low, high = _unit_around(base.low, "week")
        return _period(low, high, "week", explicit=base.explicit_year)
    counts = _count(groups.get("n") or groups["n2"], dr)
    if counts is None or counts[0] != counts[1]:
        return None
    unit = _key(groups.get("unit") or groups["unit2"])
    if "spanfrom" in groups or "spanfrom2" in groups:
        high = _shift(base.low, unit, counts[0]) - timedelta(days=1)
        return Period(base.low, high, unit, base.low.isoformat(), "range", base.explicit_year, base.low.year)
    steps = counts[0] * (-1 if _key(groups["shift"]) in BACKWARD else 1)
    low, high = _shift(base.low, unit, steps), _shift(base.high, unit, steps)
    if "more" in groups:      # "more than 2 weeks before today": at most that day; after it: at least
        return Period(None, high, base.grain, high.isoformat(), "at_most") if steps < 0 else \
            Period(low, None, base.grain, low.isoformat(), "at_least")
    if "less" in groups:      # "less than 3 days after tomorrow": from the date to that day
        first, last = (low, base.high) if steps < 0 else (base.low, high)
        return Period(first, last, base.grain, first.isoformat(), "range")
    return _period(low, high, base.grain, explicit=base.explicit_year)


def _bounded(period: Period, bound: Bound | None, published: date | None,
             tense: str | None) -> tuple[date | None, date | None]:
    """Return low and high of a date after its bounding phrase ("by", "since", "as early as") opens one end."""
    low, high = period.low, period.high
    if bound is None or bound.window:
        return low, high
    if bound.edge == "end":
        # "will be deployed by Sunday": the wording speaks of what is still to come, so not before publication.
        future = tense == "future" and published is not None and high is not None and published <= high
        return (published if future else None), high
    if bound.edge == "before":
        return None, (low - timedelta(days=1) if low else None)
    if bound.edge == "start":
        return low, None
    return (high + timedelta(days=1) if high else None), None


def _joined(mention: Mention, text: str, published: date | None, tense: str | None, dr: DateRules) -> Period | None:
    first, second = mention.atoms
    if first.form.resolve == "weekday" and second.form.resolve == "weekday" \
            and "dir" not in first.groups and "dir" not in second.groups:
        # "Sunday or Monday": the second day is the first of its name on or after the first.
        a = _atom_period(first, text, published, tense, dr)
        if a is None or a.low is None:
            return None if a is None else _unresolved("day", "range")
        shift = (dr.weekdays[_key(second.groups["weekday"])] - a.low.weekday()) % 7
        high = a.low + timedelta(days=shift)
        return Period(a.low, high, "day", a.low.isoformat(), "range")
    second_year = second.groups.get("year") or (second.groups.get("year2") if second.form.resolve == "numeric" else None)
    b_year = _year(second_year, dr) if second_year and second.form.resolve in ("calendar", "numeric") \
        and len(second_year) == 4 else None
    a = _atom_period(first, text, published, tense, dr, year_hint=b_year)
    if a is None:
        return None
    a_year = a.year if a.explicit_year or a.low is not None else None
    b = _atom_period(second, text, published, tense, dr,
                     year_hint=a_year if second.form.resolve in ("calendar", "numeric") else None)
    if b is None:
        return None
    if a.low is None or b.high is None:
        return _unresolved(a.grain, "range")
    if b.high < a.low:
        if b_year is not None and not a.explicit_year:
            a = _atom_period(first, text, published, tense, dr, year_hint=b_year - 1)
        elif second.form.resolve == "calendar" and not b.explicit_year:
            b = _atom_period(second, text, published, tense, dr, year_hint=a.low.year + 1)
        if a is None or b is None or a.low is None or b.high is None or b.high < a.low:
            return None
    low, high = min(a.low, b.low or a.low), max(a.high or b.high, b.high)
    grain = a.grain if a.grain == b.grain else "day"
    return Period(low, high, grain, low.isoformat(), "range", a.explicit_year or b.explicit_year, low.year)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _as_date(published) -> date | None:
    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]")
_ANCHORED_FORM = Form("year_ago", re.compile("(?!x)x"), "anchored", None, (), None)


def _is_quarter(period: Period) -> bool:
    low, high = period.low, period.high
    return low.day == 1 and low.month in (1, 4, 7, 10) and high == _month_end(*_add_months(low.year, low.month, 2))


def _set_numeric_order(mentions: list[Mention]) -> None:
    """Read every numeric date of an article day first when one of them can only be day/month (22/04) and none
    can only be month/day (11/20)."""
    atoms = [atom for mention in mentions for atom in mention.atoms if atom.form.resolve == "numeric"]
    pairs = [(int(a.groups.get("a") or a.groups["a2"]), int(a.groups.get("b") or a.groups["b2"])) for a in atoms]
    day_first = any(a > 12 >= b for a, b in pairs)
    month_first = any(b > 12 >= a for a, b in pairs)
    if day_first and not month_first:
        for atom in atoms:
            atom.groups["_order"] = "dm"


# ---------------------------------------------------------------------------------------------------------------
# Public API


def dates(doc, article: Article, rules) -> Iterator[Claim]:
    """Yield date claims (kind "date") in a spaCy Doc of article.text, resolved against article.published."""
    dr = _date_rules(rules)
    text = article.text
    published = _as_date(article.published)
    parsed = annotated(doc, "DEP")
    mentions = _scan(text, dr, article.body_start, len(text))
    _set_numeric_order(mentions)
    anchor, anchor_end = None, 0
    for mention in mentions:
        tense = _tense(doc, text, mention.start, mention.end, dr, parsed)
        if anchor is not None and PARAGRAPH_BREAK.search(text, anchor_end, mention.start):
            anchor = None
        first = mention.atoms[0]
        if first.form.resolve == "offset" and "ago" in first.groups and anchor is not None \
                and _is_quarter(anchor) and not SENTENCE_BREAK.search(text, anchor_end, mention.start):
            # "third-quarter profit rose from a year ago": the quarter a year before, not the year.
            first = Atom(first.start, first.end, _ANCHORED_FORM, dict(first.groups, shift="ago"))
            mention = Mention(mention.start, mention.end, [first], mention.join, mention.bound)
        resolution, period = _interpret(mention, text, published, tense, dr,
                                        anchor if first.form.resolve == "anchored" else None)
        if resolution is None:
            continue
        if period.low is not None and period.high is not None and period.qualifier != "vague" \
                and mention.bound is None:
            anchor, anchor_end = period, mention.end
        yield new_claim(article, doc, mention.start, mention.end, "date", value=resolution.value,
                        low=resolution.low, high=resolution.high, qualifier=resolution.qualifier,
                        grain=resolution.grain)


def resolve(expression: str, published: date | str | None, future: bool = False, rules=None) -> Resolution | None:
    """Return the resolution of one date expression ("last week", "by the end of August") against a publication
    date, read as future tense when future is true; None when the expression is not one date."""
    dr = _date_rules(rules)
    stripped = expression.strip().rstrip(".,;:")
    mentions = _scan(stripped, dr)
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    leading = stripped[:mention.start].strip().lower()
    if leading not in ("", "on", "in", "at", "during") or stripped[mention.end:].strip():
        return None
    tense = "future" if future else None
    return _interpret(mention, stripped, _as_date(published), tense, dr)[0]


def find_dateline(text: str, rules=None) -> str | None:
    """Return the ISO publication date found in a dateline in the first lines of text ("25 October 2024 13:12"),
    or None."""
    dr = _date_rules(rules)
    seen = 0
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > dr.dateline_lines:
            break
        if len(line) > 80:
            continue
        prefix = dr.dateline_prefix.match(line)
        body = line[prefix.end():] if prefix else line
        suffix = dr.dateline_suffix.search(body)
        if suffix:
            body = body[:suffix.start()]
        body = body.strip(" ,|-–")
        if not body:
            continue
        found = resolve(body, None, rules=rules)
        # Publication years as articles.parse_published takes them: "9999-12-31" is no dateline.
        if found and found.grain == "day" and found.qualifier == "exact" and found.value \
                and 1800 <= int(found.value[:4]) <= 2199:
            return found.value
    return None
