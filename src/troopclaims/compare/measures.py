"""The point a distance is measured from ("150 nautical miles off X", "13 miles away from the ship"): distances
from different points are different facts, not rivals. The words are rules/places.yaml's (`measured_from`,
`directions`, `clause_breaks`); the point is a place of the gazetteer when one is named."""
from __future__ import annotations

import re

from troopclaims.records import Claim

FROM = "from:"      # the mark of an aspect key that is a distance's point: "from:Aden", "from:" (no place)
_TOKENS = re.compile(r"[\w’'-]+(?:\.\w+)*|[^\w\s]")
_LONGEST = 5        # words in the longest measured_from phrase looked for


def reference_of(claim: Claim, gaz) -> str | None:
    """Return the canonical place a distance is measured from, the name as written of a point no gazetteer knows
    ("off Velmor Point"), "" for a point that is no name ("from the cargo ship"), or None when no point follows
    the figure."""
    sentence, text = " ".join((claim.sentence or "").split()), " ".join(claim.text.split())
    at = sentence.find(text) if text else -1
    if at < 0:
        return None
    words = _TOKENS.findall(sentence[at + len(text):])
    i = _past_aside(words)
    directed = False
    while i < len(words) and (words[i].lower() in gaz.directions or words[i] == "-" and directed):
        directed, i = True, i + 1
    for size in range(_LONGEST, 0, -1):
        phrase = " ".join(words[i:i + size]).lower()
        if phrase in gaz.measured_from or directed and phrase == "of":
            return _point(words[i + size:], gaz)
    return None


def _past_aside(words: list[str]) -> int:
    """Return the index past a closing bracket or a bracketed aside right after the figure ("(about 24km)")."""
    if words[:1] == [")"]:
        return 1
    if words[:1] == ["("] and ")" in words:
        return words.index(")") + 1
    return 0


def _point(words: list[str], gaz) -> str:
    """Return the first place named in the words up to the end of their clause, else the first name, else ""."""
    clause = []
    for word in words:
        if word.lower() in gaz.clause_breaks or word.lower() == "and" or word in ".!?":
            break
        clause.append(word)
    runs, run = [], []
    for word in clause + [""]:
        if word[:1].isupper():
            run.append(word)
        elif run:
            runs.append(" ".join(run))
            run = []
    for name in runs:
        if (place := gaz.lookup(name)) is not None:
            return place.name
    return runs[0] if runs else ""
