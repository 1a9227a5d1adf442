"""Two figures read as one: ranges ("3-5", "between 3 and 5", "more than 10 and less than 20") and ratios."""
from __future__ import annotations

import re

from troopclaims.extractors.numbers.lexicon import NumberLexicon
from troopclaims.extractors.numbers.records import Atom, round_figure


def join_ranges(text: str, rev: str, atoms: list[Atom], lex: NumberLexicon) -> list[Atom]:
    """Return the atoms with "A-B", "A to B", "between A and B", "from A to B" merged into ranges."""
    return _join_pairs(atoms, lambda a, b: _range_pair(text, rev, a, b, lex))


def _join_pairs(atoms: list[Atom], join) -> list[Atom]:
    """Return the atoms with each two neighbours that join(a, b) reads as one replaced by the atoms it returns
    (none: both dropped); join returns None to leave a pair alone."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        if i + 1 < len(atoms):
            joined = join(atoms[i], atoms[i + 1])
            if joined is not None:
                out.extend(joined)
                i += 2
                continue
        out.append(atoms[i])
        i += 1
    return out


def _range_pair(text: str, rev: str, a: Atom, b: Atom, lex: NumberLexicon) -> list[Atom] | None:
    """Return [the range or ratio] two figures make, [] for a score ("3-1": no figure at all), or None."""
    merged = _range(text, rev, a, b, lex) or _ratio(text, a, b, lex)
    if merged is not None:
        return [merged]
    return [] if _is_score(text, a, b) else None


def _ratio(text: str, a: Atom, b: Atom, lex: NumberLexicon) -> Atom | None:
    """Return "one over three" as one figure (1/3) when nothing follows the second figure."""
    if a.unit or b.unit or b.value == 0 or not lex.ratio_gap.fullmatch(text, a.e, b.s):
        return None
    if not re.match(r"\s*(?:[.;:!?)\]]|,\s|$)", text[b.e:b.e + 3]):
        return None               # "1,000 over 3 days" is a count over a time
    value = a.value / b.value
    return Atom(a.ns, b.ne, value, None, a.words or b.words, None, a.s, b.e)


def _is_score(text: str, a: Atom, b: Atom) -> bool:
    gap = text[a.e:b.s]
    return bool(re.fullmatch(r"[-–]", gap)) and a.digits_only is not None and b.digits_only is not None and \
        a.value >= b.value and a.value < 200 and not a.unit and not b.unit


def _range(text: str, rev: str, a: Atom, b: Atom, lex: NumberLexicon) -> Atom | None:
    gap_start, gap_end = a.e, b.s
    if gap_end - gap_start > 24:
        return None
    cue = None
    start = a.s
    between = lex.between_before.find(text, rev, a.s)
    frm = lex.from_before.find(text, rev, a.s)
    if between and lex.between_gap.fullmatch(text, gap_start, gap_end):
        start, cue = between
    elif frm and lex.from_gap.fullmatch(text, gap_start, gap_end):
        if lex.change_before.search(text, max(0, frm[0] - 60), frm[0]):
            return None
        start, cue = frm
    elif lex.range_gap.fullmatch(text, gap_start, gap_end):
        cue = text[gap_start:gap_end].strip()
        if not cue[0].isalnum() and not (text[a.ns].isdigit() and text[b.ns].isdigit()):
            return None               # a dash between number words: "three-nought-four" is read out digit by digit
        if cue.lower() == "or" and (b.value > 10 * a.value or (a.mag and b.mag and a.mag != b.mag)):
            return None               # "10 bln or 10 tln", "5 or 500": two figures, not one range
    else:
        return None
    if a.unit and b.unit and a.unit != b.unit:
        return None
    low, high = a.value, b.value
    if b.mag and not a.mag and low < high / b.mag and b.mag > 1:
        low = low * b.mag             # "three to five thousand", "$3-5 million"
    if not low < high or _difference_and_end(text, a, b, cue, low, high, lex):
        return None
    unit = a.unit or b.unit
    merged = Atom(a.ns, b.ne, round_figure(low), b.mag, a.words or b.words, None, start, b.e, unit,
                   a.unit_before, "range", cue, round_figure(low), round_figure(high), True)
    return merged


def _difference_and_end(text: str, a: Atom, b: Atom, cue: str | None, low: float, high: float,
                        lex: NumberLexicon) -> bool:
    """Return whether "A to B" after a change word and a difference word is the size of a change and the value it
    reached ("rose by 300 to 4,500", "went up by 12 to 52"), not a range of the change ("cut by 2,000 to 3,000
    soldiers", "up by 3 to 5 points"): joined by a word, with B more than `difference_span` times A, or at least
    `difference_level_span` times A when nothing is counted after B and the change is of a running count
    (`level_words`: "rose by 10 to 30 on Monday"; "cut by 2,000 to 4,000 over the year" stays a range). A dash always
    joins a range ("rose by 5-10 percent")."""
    if not cue or not cue[0].isalpha() or not lex.difference_before.search(text, max(0, a.s - 60), a.s):
        return False
    if lex.difference_level_span is not None and not b.unit and high >= lex.difference_level_span * low \
            and lex.difference_level_end.match(text, b.e) \
            and lex.level_before.search(text, max(0, a.s - 60), a.s):
        return True
    return lex.difference_span is None or high > lex.difference_span * low


def join_bounds(text: str, atoms: list[Atom], lex: NumberLexicon) -> list[Atom]:
    """Return the atoms with "more than 10 and less than 20" merged into one range."""
    return _join_pairs(atoms, lambda a, b: _bounds_pair(text, a, b, lex))


def _bounds_pair(text: str, a: Atom, b: Atom, lex: NumberLexicon) -> list[Atom] | None:
    """Return [the range] an open lower and an open upper bound make together, or None."""
    pair = {a.qualifier, b.qualifier}
    if pair == {"at_least", "at_most"} and a.cue and b.cue and (a.unit == b.unit or not a.unit or not b.unit) \
            and lex.bound_gap.fullmatch(text, a.e, b.s):
        lo_atom, hi_atom = (a, b) if a.qualifier == "at_least" else (b, a)
        if lo_atom.high is None and hi_atom.low is None and lo_atom.low is not None and \
                hi_atom.high is not None and lo_atom.low < hi_atom.high:
            return [Atom(a.ns, b.ne, lo_atom.low, None, a.words or b.words, None, a.s, b.e,
                         a.unit or b.unit, a.unit_before, "range", text[a.s:b.e], lo_atom.low,
                         hi_atom.high, True)]
    return None


def changed_from(text: str, start: int, end: int, lex: NumberLexicon) -> bool:
    """Return whether the figure at start..end is where a change starts, "raised the number of seats from 65 to
    125": "from" right before it, a change word before that (`change_words`) and a figure after a joiner; an
    earlier value of the figure after it, not a rival; so is the figure after "from" when the new value came first
    ("revised to 310 from 290", "rose to 4,500 from 2,000")."""
    window = text[max(0, start - 80):start]
    frm = lex.from_before.find(window, window[::-1], len(window))
    change = lex.change_before.search(window, max(0, frm[0] - 60), frm[0]) if frm else None
    if not change:
        return False
    following = lex.seed.search(text, end, end + 24)
    if following and lex.from_gap.fullmatch(text, end, following.start()):
        return True
    return bool(_NEW_VALUE_FIRST.search(window, change.start(), frm[0]))


# the new value before "from": "to 310 ", "to $5 million "
_NEW_VALUE_FIRST = re.compile(r"\bto\s+(?:[a-z]+\s+)?[$€£]?\d[\d,.]*(?:\s+[a-z]+)?\s*\Z")
