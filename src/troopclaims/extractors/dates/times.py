"""Time-of-day claims: "at 3:33 a.m.", "around 7 p.m. Thursday", "by about 09:30 BST", "noon", from rules/dates.yaml.

A time is a claim of kind "time": value the clock reading "HH:MM" (24 hours), low..high the minutes after midnight
the wording allows ("around" widens it, "after" opens it), unit the zone when one is written ("local" for "local
time"), grain minute or hour, and as_of the day when a day date stands beside it ("3:33 a.m. Tuesday").
The words live in the `times` section of rules/dates.yaml; the grammar of a clock reading is here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from troopclaims.errors import RulesError
from troopclaims.extractors.dates.entries import alternation, word_key, string_list
from troopclaims.records import Article, Claim, clock
from troopclaims.rules import LineDict, check_keys, compile_pattern, location
from troopclaims.spans import new_claim

TIME_KEYS = ("named", "zones", "local", "qualifiers", "cues", "after_noon", "day_gap")
QUALIFIERS = ("approximate", "at_least", "at_most")
_MERIDIEM = r"(?P<{0}>[ap])(?:\.\s?m\b\.?|m\b)"
_HOUR_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


@dataclass(frozen=True)
class TimeRules:
    """The times section of rules/dates.yaml checked and compiled."""

    named: dict                 # word -> minutes after midnight
    zones: dict                 # zone as written (lower case) -> canonical zone
    qualifiers: dict            # phrase -> (qualifier, minutes before or None, minutes after or None)
    after_noon: dict            # word -> the lowest hour it moves past noon
    atom: re.Pattern            # one clock reading
    lead: re.Pattern            # a qualifier or cue right before a reading
    tail: re.Pattern            # hours mark, zone, local time and a gloss "(0300 GMT)" after it
    range_head: re.Pattern      # "between 2 and", "9-" before a reading with a.m./p.m.
    joint: re.Pattern           # what joins two readings into a range
    later: re.Pattern           # an after_noon word after a bare reading, in its clause
    day_gap: re.Pattern


def _minutes_table(node, where) -> dict:
    if not isinstance(node, dict):
        raise RulesError(f"{where}: named must be a mapping of words to minutes after midnight")
    for key, value in node.items():
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 1440:
            raise RulesError(f"{location(node, key, where)}: {key} must be minutes after midnight (0..1439)")
    return {word_key(key): value for key, value in node.items()}


def _qualifier_table(node, where) -> dict:
    if not isinstance(node, dict):
        raise RulesError(f"{where}: qualifiers must be a mapping")
    table = {}
    for key, value in node.items():
        spot = location(node, key, where)
        entry = check_keys(value, spot, (), ("qualifier", "before", "after"))
        if entry["qualifier"] not in QUALIFIERS:
            raise RulesError(f"{spot}: qualifier must be one of {', '.join(QUALIFIERS)}")
        for side in ("before", "after"):
            if entry[side] is not None and (isinstance(entry[side], bool) or not isinstance(entry[side], int)
                                            or entry[side] < 0):
                raise RulesError(f"{location(entry, side, spot)}: {side} must be minutes (0 or more) or null")
        table[word_key(key)] = (entry["qualifier"], entry["before"], entry["after"])
    return table


def _zone_alternation(zones: dict) -> str:
    """Return the zones as a regex: abbreviations in capitals only ("ET", not "et"), names in any case."""
    capitals = [zone for zone in zones if zone.isupper()]
    names = [zone for zone in zones if not zone.isupper()]
    parts = [f"(?-i:{alternation(capitals)})"] if capitals else []
    parts += [alternation(names)] if names else []
    return "(?:" + "|".join(parts) + ")" if parts else "(?!x)x"


def build_time_rules(section: LineDict, path: str) -> TimeRules:
    """Return the compiled times section of a dates section; RulesError names file and line of any fault."""
    node = check_keys(section.get("times", LineDict()), location(section, "times", path), TIME_KEYS)
    where = location(section, "times", path)
    named = _minutes_table(node.get("named", {}), location(node, "named", where))
    zones_node = node.get("zones", {})
    if not isinstance(zones_node, dict) or not all(isinstance(v, str) for v in zones_node.values()):
        raise RulesError(f"{location(node, 'zones', where)}: zones must map zone names to canonical names")
    zones = {" ".join(str(key).split()): value for key, value in zones_node.items()}
    qualifiers = _qualifier_table(node.get("qualifiers", {}), location(node, "qualifiers", where))
    cues = [word_key(cue) for cue in string_list(node, "cues", where)]
    local = [word_key(word) for word in string_list(node, "local", where)]
    after_noon = node.get("after_noon", {})
    if not isinstance(after_noon, dict) or not all(isinstance(v, int) and 1 <= v <= 11 for v in after_noon.values()):
        raise RulesError(f"{location(node, 'after_noon', where)}: after_noon must map words to an hour 1..11")
    zone = _zone_alternation(zones)
    hour = r"(?:1[0-2]|0?[1-9])"
    hhmm = r"(?:[01]\d|2[0-3])[0-5]\d"
    atom = (r"(?<![\w:.,/$£€-])(?:(?P<h>[01]?\d|2[0-3])(?P<sep>[:.])(?P<m>[0-5]\d)(?![\d:]|[.,]\d)"
            rf"(?:\s*{_MERIDIEM.format('mer')})?"
            rf"|(?P<hh>{hour})\s*{_MERIDIEM.format('mer2')}"
            rf"|(?P<hm>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?:hrs\b|hours\b|h\b)?\s*(?:{zone}|\(\s*{hhmm}\s*{zone}))"
            rf"|(?P<oc>{hour}|{'|'.join(_HOUR_WORDS)})\s+o['’]clock\b"
            + (rf"|(?P<named>{alternation(named)})" if named else "") + ")")
    local_alt = alternation(local) if local else "(?!x)x"
    tail = (rf"(?:\s*(?:hrs\b\.?|hours\b|h\b))?(?:\s*(?P<zone>{zone}))?(?:\s+(?P<local>{local_alt}))?"
            r"(?:\s*\((?P<gloss>[^()\n]{1,30})\))?")
    leads = sorted(set(qualifiers) | set(cues), key=len, reverse=True)
    space = r"\s+"
    lead_alt = "|".join(space.join(map(re.escape, word.split())) for word in leads)
    lead = rf"(?:(?<![\w])(?P<lead>{lead_alt})\s+)$"
    range_head = rf"(?:(?<![\w])(?P<from>between|from)\s+)?(?<![\w:.])(?P<h1>{hour})(?:[:.](?P<m1>[0-5]\d))?" \
                 r"\s*(?P<join>-|–|to|and|until|till)\s*$"
    later = rf"[^.;!?\n]{{0,30}}?(?<![\w])(?P<word>{alternation(after_noon)})" if after_noon else "(?!x)x"
    return TimeRules(named, {key.lower(): value for key, value in zones.items()}, qualifiers,
                     {word_key(k): v for k, v in after_noon.items()}, compile_pattern(atom, where),
                     compile_pattern(lead if leads else "(?!x)x", where), compile_pattern(tail, where),
                     compile_pattern(range_head, where), compile_pattern(r"\s*(?:-|–|to|until|till)\s*", where),
                     compile_pattern(later, where),
                     compile_pattern(node.get("day_gap", r"^\s*$"), location(node, "day_gap", where)))


@dataclass(frozen=True)
class Reading:
    """One clock reading found in the text: where it is, its minutes after midnight and how it was written."""

    start: int
    end: int
    minutes: int
    grain: str                  # minute | hour
    bare: bool                  # no a.m./p.m., zone or named word: needs a cue before it
    meridiem: bool
    zone: str | None


def _reading(match: re.Match, text: str, tr: TimeRules) -> Reading | None:
    """Return the reading of an atom match with its tail (zone, local time, gloss), None when it is no time."""
    groups = match.groupdict()
    meridiem = groups["mer"] or groups["mer2"]
    if groups["h"] is not None:
        hour, minute, grain = int(groups["h"]), int(groups["m"]), "minute"
    elif groups["hh"] is not None:
        hour, minute, grain = int(groups["hh"]), 0, "hour"
    elif groups["hm"] is not None:
        hour, minute, grain = int(groups["hm"][:2]), int(groups["hm"][2:]), "minute"
    elif groups["oc"] is not None:
        word = groups["oc"].lower()
        hour = int(word) if word.isdigit() else _HOUR_WORDS.index(word) + 1
        minute, grain = 0, "hour"
    else:
        # A named time needs a cue too: "at noon", "by midnight", never "a midnight raid".
        return Reading(match.start(), match.end(), tr.named[word_key(groups["named"])], "minute", True, True, None)
    if meridiem:
        if hour > 12 or hour == 0:
            return None                      # "15:00 p.m." is no reading we trust
        hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)
    tail = tr.tail.match(text, match.end())
    zone = tr.zones.get(" ".join(tail["zone"].split()).lower()) if tail["zone"] else ("local" if tail["local"] else None)
    end = match.end()
    if tail["zone"] or tail["local"] or (tail["gloss"] and tr.atom.search(tail["gloss"])):
        end = tail.end() if tail["gloss"] and tr.atom.search(tail["gloss"]) else tail.end("local") \
            if tail["local"] else tail.end("zone")
    if groups["sep"] == "." and not meridiem and zone is None:
        return None                          # "3.30" alone is a figure
    bare = not meridiem and zone is None and groups["oc"] is None
    return Reading(match.start(), end, hour * 60 + minute, grain, bare, bool(meridiem), zone)


def _after_noon(reading: Reading, text: str, tr: TimeRules) -> int:
    """Return the minutes of a bare reading moved past noon when a word after it says so ("8:30 Thursday night")."""
    hour = reading.minutes // 60
    if reading.meridiem or reading.zone is not None or not 1 <= hour <= 11 or text[reading.start] == "0":
        return reading.minutes
    later = tr.later.match(text, reading.end)
    if later and hour >= tr.after_noon[word_key(later["word"])]:
        return reading.minutes + 720
    return reading.minutes


def _window(minutes: int, lead: str | None, tr: TimeRules) -> tuple[str, int | None, int | None]:
    """Return the qualifier and low..high a lead word gives a time ("around" 7 p.m.: 18:45..19:15)."""
    qualifier, before, after = tr.qualifiers.get(word_key(lead), ("exact", 0, 0)) if lead else ("exact", 0, 0)
    return (qualifier, minutes - before if before is not None else None,
            minutes + after if after is not None else None)


def _day_of(start: int, end: int, text: str, days: list[Claim], tr: TimeRules) -> str | None:
    """Return the ISO day of the one-day date claim right before or after a time (only day_gap words between)."""
    for day in days:
        gap = text[day.end:start] if day.end <= start else text[end:day.start] if day.start >= end else None
        if gap is not None and len(gap) <= 40 and tr.day_gap.match(gap):
            return day.low
    return None


def times(doc, article: Article, tr: TimeRules, date_claims: list[Claim]) -> Iterator[Claim]:
    """Yield time-of-day claims (kind "time") in a Doc of article.text, each on the day beside it when there is one."""
    text = article.text
    days = [claim for claim in date_claims
            if claim.grain == "day" and claim.low is not None and claim.low == claim.high]
    taken = [(claim.start, claim.end) for claim in date_claims]
    position = article.body_start
    while match := tr.atom.search(text, position):
        position = match.end()
        reading = _reading(match, text, tr)
        if reading is None:
            continue
        found = _claim_span(reading, text, tr)
        if found is None:
            continue
        start, end, qualifier, low, high = found
        position = max(position, end)
        if any(s < end and start < e for s, e in taken):
            continue
        if qualifier == "range":
            value = low
        else:
            value = _after_noon(reading, text, tr)
            shift = value - reading.minutes
            low, high = (low + shift if low is not None else None), (high + shift if high is not None else None)
        yield new_claim(article, doc, start, end, "time", value=clock(value), low=low, high=high,
                        qualifier=qualifier, unit=reading.zone, grain=reading.grain,
                        as_of=_day_of(start, end, text, days, tr))


def _claim_span(reading: Reading, text: str, tr: TimeRules):
    """Return start, end, qualifier, low, high of the claim a reading makes with its lead and range, or None."""
    before = text[max(0, reading.start - 40):reading.start]
    head = tr.range_head.search(before)
    if head and reading.meridiem and (head["join"] != "and" or head["from"] == "between"):
        first = int(head["h1"]) % 12 * 60 + int(head["m1"] or 0)
        first += 720 if reading.minutes >= 720 and first + 720 <= reading.minutes else 0
        if first < reading.minutes:
            start = reading.start - len(before) + head.start()
            return start, reading.end, "range", first, reading.minutes
    joint = tr.joint.match(text, reading.end)
    lead = tr.lead.search(before)
    if joint and (second := tr.atom.match(text, joint.end())) and (other := _reading(second, text, tr)) \
            and other.minutes > reading.minutes and (not reading.bare or lead):
        start = reading.start - (len(lead.group(0)) if lead and word_key(lead["lead"]) in ("between", "from") else 0)
        return start, other.end, "range", reading.minutes, other.minutes
    if reading.bare and lead is None:
        return None
    if lead is not None and word_key(lead["lead"]) in tr.qualifiers:
        qualifier, low, high = _window(reading.minutes, lead["lead"], tr)
        return reading.start - len(lead.group(0)), reading.end, qualifier, low, high
    return reading.start, reading.end, "exact", reading.minutes, reading.minutes
