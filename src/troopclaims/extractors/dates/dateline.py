"""Datelines: the publication date written in the first lines of an article."""
from __future__ import annotations

import re

from troopclaims.extractors.dates.claims import resolve
from troopclaims.extractors.dates.rules import _date_rules
from troopclaims.extractors.dates.scan import scan_mentions

_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")     # a word in lower case: the line is a sentence, not a dateline


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
        found = _day(body, rules) or _beside(line, dr, rules)
        if found:
            return found
    return None


def _day(expression: str, rules) -> str | None:
    """Return the ISO day an expression names whole, with its year ("25 October 2024"), or None."""
    found = resolve(expression, None, rules=rules)
    # Publication years as articles.parse_published takes them: "9999-12-31" is no dateline.
    if found and found.grain == "day" and found.qualifier == "exact" and found.value \
            and 1800 <= int(found.value[:4]) <= 2199:
        return found.value
    return None


def _beside(line: str, dr, rules) -> str | None:
    """Return the first day a line names when all it holds beside its dates is what `beside` of the dateline rules
    allows (clock times, zones, labels: "12:52 p.m. EDT May 2, 2013", "PUBLISHED: 22:07 GMT, 7 July 2012") and
    words in capitals (a place: "WASHINGTON, DC, April 28, 2009"): a line with a word in lower case left is a
    sentence ("Page was born on April 22, 1923"), no dateline."""
    if dr.dateline_beside is None:
        return None
    days, rest, last = [], [], 0
    for mention in scan_mentions(line, dr):
        if day := _day(line[mention.start:mention.end], rules):
            days.append(day)
            rest.append(line[last:mention.start])
            last = mention.end
    rest.append(line[last:])
    if not days or _LOWER_WORD.search(dr.dateline_beside.sub(" ", " ".join(rest))):
        return None
    return days[0]
