"""Finding date expressions: the forms searched near trigger words, joined by "or"/"to", with their bounding phrases."""
from __future__ import annotations

import re
from dataclasses import dataclass

from troopclaims.extractors.dates.entries import Bound, word_key
from troopclaims.extractors.dates.rules import Connector, DateRules, Form
from troopclaims.extractors.numbers.filters import gated


MAX_GAP = 12          # characters allowed between two dates joined by "or", "to", "-"
LOOK_BACK = 40        # characters searched before a date for a cue or a bounding phrase


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


def scan_mentions(text: str, dr: DateRules, lo: int = 0, hi: int | None = None) -> list[Mention]:
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
    # Gated here on first use, not when the rules are read: a run from the cache reads the date rules (for
    # datelines) and would pay for parsing every pattern again.
    blocked = [m.span() for regex in dr.not_dates for m in gated(regex).finditer(text, lo, hi)]
    candidates = []
    windows = _windows(text, lo, hi, dr)
    spans = ((form, window) for form in dr.forms for window in _near(windows, form.near))
    for form, (window_lo, window_hi) in spans:
        for match in gated(form.regex).finditer(text, window_lo, window_hi):
            start, end = match.span()
            while end > start and text[end - 1].isspace():
                end -= 1
            if text[end - 1:end] == "." and _last_word(text, start, end - 1) not in dr.abbreviations:
                end -= 1   # a full stop, not the dot of "Aug."
            if end <= start or any(s < end and start < e for s, e in blocked):
                continue
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            atom = Atom(start, end, form, groups)
            if _one_year_day(atom, dr):
                atom.pending = not _names_one_year_day(text, lo, hi, start, end, dr)
            else:
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
        mention.bound = dr.trailing[word_key(after.group("cue"))]
        mention.end = after.end()
    elif mention.start == mention.atoms[0].start:
        found = dr.bound_regex.search(text, max(lo, mention.start - LOOK_BACK), mention.start)
        if found:
            mention.bound = dr.bounds[word_key(found.group("cue"))]
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
        for name in (*(("digit",) if word.isdigit() else dr.trigger_classes.get(word_key(word), ())), ""):
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
    return word_key(text[start:end].split()[-1]) if text[start:end].split() else ""


def _has_cue(text: str, lo: int, hi: int, start: int, end: int, dr: DateRules, weak: bool) -> bool:
    if weak:
        veto = dr.weak_cue_veto.match(text[end:min(hi, end + 20)])
        if veto:
            # "the 1995 troops" counts; "2024 elections" names the year's elections, cue or none, as the numbers
            # side reads it a year too: a figure left by both sides would vanish
            return veto.group().split()[0].lower() in dr.year_nouns
    if dr.cue_regex.search(text, max(lo, start - LOOK_BACK), start):
        return True
    return weak and bool(dr.weak_cue_regex.search(text, max(lo, start - LOOK_BACK), start))


def _one_year_day(atom: Atom, dr: DateRules) -> bool:
    return atom.form.resolve == "holiday" and "year" in dr.holidays.get(word_key(atom.groups.get("holiday", "")), ())


def _names_one_year_day(text: str, lo: int, hi: int, start: int, end: int, dr: DateRules) -> bool:
    """Return whether a day of one year ("9/11") is named as such: after a cue ("since 9/11", "on 9/11") or as a
    determiner's modifier of a noun ("the 9/11 attacks"); "went 9/11 from the line" or "9/11 of the members" is a
    fraction."""
    if dr.cue_regex.search(text, max(lo, start - LOOK_BACK), start):
        return True
    return bool(dr.weak_cue_regex.search(text, max(lo, start - LOOK_BACK), start)) \
        and bool(re.match(r"\s+(?!of\b)[a-z]", text[end:min(hi, end + 20)]))


def _needs_cue(atom: Atom, dr: DateRules) -> bool:
    form = atom.form
    month = atom.groups.get("month", "")
    if month.islower() and word_key(month) in dr.ambiguous_months and "year" not in atom.groups:
        return True   # "5 may have died", "troops march on"
    if form.cue is None or any(group in atom.groups for group in form.unless):
        return False
    if form.cue == "ambiguous":
        return word_key(atom.groups.get("month", "")) in dr.ambiguous_months
    return True
