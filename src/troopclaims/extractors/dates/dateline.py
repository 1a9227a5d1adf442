"""Datelines: the publication date written in the first lines of an article."""
from __future__ import annotations

import re

from troopclaims.extractors.dates.claims import resolve
from troopclaims.extractors.dates.rules import _date_rules
from troopclaims.extractors.dates.scan import scan_mentions

_WORD = re.compile(r"[^\W\d_]{2,}")     # a word of letters
_DIGIT = re.compile(r"\d")               # a day named whole has its year in digits: a line without one holds none
# A line that may open with a dateline: names closed by commas ("DUNMERE, Karsovia, "), then a date.
_NAMES = re.compile(r"(?:[^\W\d_][^\s,]*(?:\s+[^\W\d_][^\s,]*){0,3}\s*,\s*){1,3}(?=\d|[^\W\d_])")
# What may follow the date of a dateline that opens a line: an agency in brackets and a dash or colon before the text.
_AFTER_NAMES = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*(?:[-–—:]|$)")


def find_dateline(text: str, rules=None) -> str | None:
    """Return the ISO publication date found in a dateline in the first lines of text ("25 October 2024 13:12"),
    or None. An update stamp ("Updated 14:05 GMT, 5 May 2031") is the date only where no other line gives one: the
    publication comes on or before it, and it is the nearest day known."""
    return find_dateline_stamp(text, rules)[0]


def find_dateline_stamp(text: str, rules=None) -> tuple[str | None, bool]:
    """Return find_dateline's date and whether it is an update stamp's (so that a note can say which it is)."""
    day = _find_dateline(text, rules)
    return (day[0], day[1]) if isinstance(day, tuple) else (day, False)


def _find_dateline(text: str, rules=None):
    dr = _date_rules(rules)
    seen, updated = 0, None
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > dr.dateline_lines:
            break
        if dr.dateline_update is not None and dr.dateline_update.match(line):
            updated = updated or _line_day(line, dr, rules)
            continue        # an update's day comes after the publication's
        if found := _line_day(line, dr, rules):
            return found
    return (updated, True) if updated else None


def _line_day(line: str, dr, rules) -> str | None:
    """Return the ISO day of a dateline that is the whole line or opens it, or None."""
    if placed := _after_names(line, dr, rules):
        return placed
    if len(line) > 80 or not _DIGIT.search(line):     # a day named whole has its year in digits
        return None
    prefix = dr.dateline_prefix.match(line)
    body = line[prefix.end():] if prefix else line
    suffix = dr.dateline_suffix.search(body)
    if suffix:
        body = body[:suffix.start()]
    body = body.strip(" ,|-–")
    if not body:
        return None
    return _day(body, rules) or _beside(line, dr, rules)


def in_dateline(text: str, start: int, end: int, lines: int = 8) -> bool:
    """Return whether text[start:end] is the date of a dateline that opens one of the first lines with a place in
    capitals ("ORVANE, 4 August 2031 - Some 12,000 people ...", "KELDRA, March 10 (Wire) -"): the article's stamp,
    which dates no event of the sentence after it."""
    if start > 3000:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if sum(1 for line in text[:line_start].splitlines() if line.strip()) >= lines:
        return False
    head = text[line_start:start].lstrip()
    names = _NAMES.match(head + "1")      # the names and their commas end where the date starts
    after = _AFTER_NAMES.match(text, end)
    if not names or names.end() != len(head) or not after:
        return False
    first = head.split(",")[0].split()
    return all(word.isupper() for word in first) and 1 <= len(first) <= 4


def _day(expression: str, rules) -> str | None:
    """Return the ISO day an expression names whole, with its year ("25 October 2024"), or None."""
    found = resolve(expression, None, rules=rules)
    # Publication years as articles.parse_published takes them: "9999-12-31" is no dateline.
    if found and found.grain == "day" and found.qualifier == "exact" and found.value \
            and 1800 <= int(found.value[:4]) <= 2199:
        return found.value
    return None


def _days(line: str, dr, rules) -> list:
    """Return the date mentions of a line, each with the ISO day it names whole or None."""
    return [(mention, _day(line[mention.start:mention.end], rules)) for mention in scan_mentions(line, dr)]


def _after_names(line: str, dr, rules) -> str | None:
    """Return the day of a dateline that opens a line with a place in capitals, maybe its regions, then the date and
    an agency, whatever text follows ("DUNMERE, Karsovia, 4 May 2027 (Tidewire) - Officials said"), or with names in
    Title Case when the line ends there ("Vell Valley Radio, 7 May 2027"); or None."""
    names_end = _NAMES.match(line) if _DIGIT.search(line) else None
    # What follows the names is the date or one more name: a word in lower case makes the line a sentence.
    if not names_end or line[names_end.end()].islower():
        return None
    days = [(mention, day) for mention, day in _days(line[:names_end.end() + 60], dr, rules) if day]
    if not days:
        return None
    mention, day = days[0]
    *names, tail = line[:mention.start].split(",")
    words = [name.split() for name in names]
    if not names or tail.strip() or not all(1 <= len(name) <= 4 for name in words) \
            or not all(word[:1].isupper() for name in words for word in name):
        return None
    after = _AFTER_NAMES.match(line, mention.end)
    if not after or not (all(word.isupper() for word in words[0]) or not line[after.end():].strip()):
        return None
    return day


def _beside(line: str, dr, rules) -> str | None:
    """Return the first day a line names when all it holds beside its date mentions is what `beside` of the
    dateline rules allows (clock times, zones, labels: "12:52 p.m. EDT May 2, 2013", "PUBLISHED: 22:07 GMT, 7 July
    2012") and, with a time or label among them, words in capitals ("TNN Nov 12, 2011, 05.51AM IST") or in Title
    Case before a label ("Article posted on"). A word in lower case makes the line a sentence ("Page was born on
    April 22, 1923"); other words, a headline ("Remembering The March 11, 2011 Earthquake")."""
    if dr.dateline_beside is None or not _DIGIT.search(line):
        return None
    mentions = _days(line, dr, rules)
    days = [day for _, day in mentions if day]
    if not days:
        return None
    rest = line
    for mention, _ in mentions:
        rest = rest[:mention.start] + " " * (mention.end - mention.start) + rest[mention.end:]
    # "on", "at" and "by" only join a label or a time to the date: alone they make no dateline.
    labels = [found for found in dr.dateline_beside.finditer(rest) if re.search(r"\d|[^\W\d_]{3}", found.group())]
    opening = min([found.start() for found in labels if not re.search(r"\d", found.group())]
                  + [mention.start for mention, _ in mentions])
    rest = dr.dateline_beside.sub(lambda found: " " * len(found.group()), rest)
    # A weekday the scan leaves out as a word of its own ("Sat", "sun") is known here by its first three letters.
    weekdays = {name for weekday in dr.weekdays for name in (weekday, weekday[:3])}
    for word in _WORD.finditer(rest):
        if word.group().lower() in weekdays:
            continue
        if not labels or not (word.group().isupper() or word.group()[:1].isupper() and word.end() <= opening):
            return None
    return days[0]
