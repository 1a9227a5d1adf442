"""What a measure is measured from or of. The point a distance is measured from ("150 nautical miles off X", "13
miles away from the ship"): distances from different points are different facts, not rivals. The words are
rules/places.yaml's (`measured_from`, `directions`, `clause_breaks`); the point is a place of the gazetteer when one
is named. What a share or rate is of ("a 25 percent tariff on steel", "10 percent on aluminum"): shares of different
things are different facts; the words are rules/events.yaml's `bases`. The size of a change ("rose by 300"): no
count of the thing, left out (rules/numbers.yaml's `difference_words`). Where a figure counts ("27 overseas
booths"): a scope outside its sentence's place, from rules/quantities.yaml's `scopes`."""
from __future__ import annotations

import re
from dataclasses import dataclass

from troopclaims.records import Claim

FROM = "from:"      # the mark of an aspect key that is a distance's point: "from:Aden", "from:" (no place)
_TOKENS = re.compile(r"[\w’'-]+(?:\.\w+)*|[^\w\s]")
_LONGEST = 5        # words in the longest measured_from phrase looked for


def reference_of(claim: Claim, gaz, nth: int = 0) -> str | None:
    """Return the canonical place a distance is measured from, the name as written of a point no gazetteer knows
    ("off Velmor Point"), "" for a point that is no name ("from the cargo ship"), or None when no point follows
    the figure (the nth of its sentence written alike: see after_figure)."""
    after = after_figure(claim, nth)
    if after is None:
        return None
    words = _TOKENS.findall(after)
    i = _past_aside(words)
    directed = False
    while i < len(words) and (words[i].lower() in gaz.directions or words[i] == "-" and directed):
        directed, i = True, i + 1
    for size in range(_LONGEST, 0, -1):
        phrase = " ".join(words[i:i + size]).lower()
        if phrase in gaz.measured_from or directed and phrase == "of":
            return _point(words[i + size:], gaz)
    return None


def after_figure(claim: Claim, nth: int = 0) -> str | None:
    """Return the claim's sentence after the figure: the nth (from 0) whole-word occurrence of its text there ("5
    percent" is not inside "25 percent"; "27 stations at home and 27 stations abroad" holds two), None when the
    text is not found there."""
    sentence, text = " ".join((claim.sentence or "").split()), " ".join(claim.text.split())
    found = list(re.finditer(rf"(?<![\w.,]){re.escape(text)}", sentence)) if text else []
    return sentence[found[min(nth, len(found) - 1)].end():] if found else None


def before_figure(claim: Claim, nth: int = 0) -> str | None:
    """Return the claim's sentence before the figure (the nth written alike, as after_figure), None when the text is
    not found there."""
    sentence, text = " ".join((claim.sentence or "").split()), " ".join(claim.text.split())
    found = list(re.finditer(rf"(?<![\w.,]){re.escape(text)}", sentence)) if text else []
    return sentence[:found[min(nth, len(found) - 1)].start()] if found else None


_CLAUSE_MARK = re.compile(r"[,;:()—–]")
_CLAUSE_WORDS = 8       # words of its clause before a figure that may make it a condition


def is_threshold(claim: Claim, thresholds: tuple[str, ...], nth: int = 0) -> bool:
    """Return whether words of the figure's clause before it make it a condition rather than a measure ("valid
    only with a turnout of more than 50 percent", "a party must win 5 percent"): rules/quantities.yaml's
    `thresholds`."""
    if claim.kind != "quantity" or not thresholds:
        return False
    clause = _CLAUSE_MARK.split(before_figure(claim, nth) or "")[-1]
    words = " " + " ".join(re.findall(r"[\w'’-]+", clause.lower())[-_CLAUSE_WORDS:]) + " "
    return any(f" {phrase} " in words for phrase in thresholds)


_PASSIVE_GAP = 2      # words allowed between a passive's auxiliary and the verb of its particle ("was quickly shot")


@dataclass(frozen=True)
class Particles:
    """Change words that are also a phrasal verb's particle ("shot down"), and the auxiliaries of a passive ("was",
    "been"): rules/events.yaml's `particles` and `passive`."""

    words: frozenset[str] = frozenset()
    passive: frozenset[str] = frozenset()


def is_change_size(claim: Claim, difference_before: re.Pattern, nth: int = 0,
                   particles: Particles = Particles(), measures: frozenset[str] = frozenset()) -> bool:
    """Return whether the figure is the size of a change ("the toll rose by 300 to 4,500", "fell by 40"): a change
    word and a difference word right before it (rules/numbers.yaml's ranges), so no count of the thing itself; not
    when the change word is the particle of a passive verb and the figure counts a noun of its own ("was shot down
    by 3 missiles": the passive's agent; but "is down by 2,000 soldiers", "went up by 30 people" are changes)."""
    if claim.kind != "quantity":
        return False
    before = before_figure(claim, nth)
    found = difference_before.search(before.rstrip() + " ") if before is not None else None
    if not found:
        return False
    change = found.group(0).split()[0].lower()
    subject = (claim.subject or "").lower()
    own_noun = bool(subject) and subject in claim.text.lower() and claim.unit not in measures
    return not (change in particles.words and own_noun and _passive_verb(before[:found.start()], particles.passive))


def _passive_verb(before: str, passive: frozenset[str]) -> bool:
    """Return whether the words before a particle end with a passive's verb: a word that is no auxiliary, after an
    auxiliary at most _PASSIVE_GAP words before ("was shot", "had been held", "were quickly pulled")."""
    words = re.findall(r"[\w'’-]+|[^\w\s]", before.lower())
    if not words or words[-1] in passive or not words[-1].isalpha():
        return False
    return any(word in passive for word in words[-_PASSIVE_GAP - 1:-1])


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


# --- what a share or a rate is of -----------------------------------------------------------------------------

BASE = "on:"        # the mark of an aspect key that is what a share or rate is of: "on:steel"
_WORDS_BEFORE = 2   # words allowed between the figure and the word that brings its base ("25 percent tariffs on")


@dataclass(frozen=True)
class Bases:
    """The units of shares and rates, the words after a figure that bring what it is of ("25 percent on steel",
    "30 percent of all imports"), words passed over before that noun, and words that end the search."""

    units: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    skip: frozenset[str] = frozenset()
    stops: frozenset[str] = frozenset()


def base_of(claim: Claim, bases: Bases, nth: int = 0) -> str | None:
    """Return the first noun of what a share or rate is of or on ("steel" for "a 25 percent tariff on imported
    steel"), singular and lower case, or None when no such phrase follows the figure (the nth written alike)."""
    if claim.kind != "quantity" or claim.unit not in bases.units:
        return None
    after = after_figure(claim, nth)
    if after is None:
        return None
    words = [word.lower() for word in _TOKENS.findall(after)]
    for i, word in enumerate(words[:_WORDS_BEFORE + 1]):
        if word in bases.words:
            return _first_noun(words[i + 1:], bases)
        if not word.isalpha() or word in bases.stops:
            return None
    return None


def _first_noun(words: list[str], bases: Bases) -> str | None:
    for word in words:
        # A participle before the noun ("imported steel", "exported goods") qualifies it: pass over it.
        if word in bases.skip or word.endswith("ed") and len(word) > 4:
            continue
        if not word[:1].isalpha() or word in bases.stops or word in bases.words:
            return None
        return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word
    return None


def scope_of(claim: Claim, scopes: dict[str, str], nth: int = 0) -> str | None:
    """Return the scope a figure's words put it in ("27 overseas booths", "27 polling stations abroad": abroad),
    from its counted noun or the word right after it in its sentence (the nth written alike), or None."""
    if claim.kind != "quantity" or not scopes:
        return None
    words = (claim.subject or "").lower().split() + (after_figure(claim, nth) or "").lower().split()[:1]
    return next((scopes[word.strip(".,;:")] for word in words if word.strip(".,;:") in scopes), None)
