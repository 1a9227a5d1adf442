"""Datelines: the publication date written in the first lines of an article."""
from __future__ import annotations

from troopclaims.extractors.dates.claims import resolve
from troopclaims.extractors.dates.rules import _date_rules


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
