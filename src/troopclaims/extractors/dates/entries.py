"""Entries of rules/dates.yaml checked one by one: words as lookup keys, regexes, and the values of the word lists."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from troopclaims.errors import RulesError
from troopclaims.rules import LineDict, check_keys, location


GRAINS = ("day", "week", "month", "year")
EDGES = ("end", "before", "start", "after")


@dataclass(frozen=True)
class Bound:
    qualifier: str
    edge: str
    window: bool
    tense: str | None = None
    lean: str | None = None      # the tense to read the date in when its clause says none ("remains until Friday")


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


def word_key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split()).rstrip(".")


def alternation(words, extra: str | None = None, space: str = r"\s+") -> str:
    """Return a regex alternation of words (longest first), each as whole words with flexible spaces."""
    escaped = [space.join(re.escape(part) for part in word.split()) for word in sorted(words, key=len, reverse=True)]
    if extra:
        escaped.append(extra)
    return r"(?<![\w'])(?:" + "|".join(escaped) + r")(?![\w])"


def mapping(section: LineDict, name: str, check: Callable[[object, str], object]) -> dict:
    node = section.get(name)
    where = location(section, name, f"{section.path}")
    if not isinstance(node, dict):
        raise RulesError(f"{where}: {name} must be a mapping")
    result = {}
    for key, value in node.items():
        spot = location(node, key, where)
        if not isinstance(key, str) or not key.strip():
            raise RulesError(f"{spot}: {name} keys must be words, got {key!r}")
        result[word_key(key)] = check(value, spot)
    return result


def int_in(low: int, high: int):
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


def season(value, where):
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


def holiday(value, where):
    node = check_keys(value, where, ("month", "day", "weekday", "nth", "easter", "offset", "year"), ())
    keys = set(node)
    if not (keys - {"offset", "year"} in ({"month", "day"}, {"month", "weekday", "nth"}, {"easter"})):
        raise RulesError(f"{where}: give month and day, month weekday and nth, or easter (each with offset; "
                         f"year for a day of one year)")
    for key, (low, high) in {"month": (1, 12), "day": (1, 31), "weekday": (0, 6), "nth": (-1, 5),
                             "easter": (-60, 60), "offset": (-60, 60), "year": (1, 9999)}.items():
        if key in node:
            int_in(low, high)(node[key], location(node, key, where))
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


def bound_of(value, where):
    node = check_keys(value, where, ("window", "tense", "lean"), ("qualifier", "edge"))
    if node["edge"] not in EDGES:
        raise RulesError(f"{location(node, 'edge', where)}: edge must be one of {', '.join(EDGES)}")
    window = node.get("window", False)
    if not isinstance(window, bool):
        raise RulesError(f"{location(node, 'window', where)}: window must be true or false")
    for key in ("tense", "lean"):
        if node.get(key) not in (None, "past", "future"):
            raise RulesError(f"{location(node, key, where)}: {key} must be past or future")
    return Bound(_qualifier(node["qualifier"], location(node, "qualifier", where), ("at_least", "at_most")),
                 node["edge"], window, node.get("tense"), node.get("lean"))


def string_list(section, name, where_default) -> list:
    node = section.get(name, [])
    where = location(section, name, where_default)
    if not isinstance(node, list) or not all(isinstance(item, str) for item in node):
        raise RulesError(f"{where}: {name} must be a list of strings")
    return list(node)
