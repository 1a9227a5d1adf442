"""Qualifier words around a figure ("about", "more than", "or more") and the interval they allow."""
from __future__ import annotations

import re

from troopclaims.extractors.numbers.lexicon import NumberLexicon, Qualifier
from troopclaims.extractors.numbers.phrases import normalize
from troopclaims.extractors.numbers.records import Atom, round_figure


def qualify(text: str, rev: str, atom: Atom, lex: NumberLexicon) -> None:
    before = lex.cue_before.find(text, rev, atom.s)
    bkind = lex.cue_kinds.get(("before", normalize(before[1]))) if before else None
    if bkind and bkind.not_after and _word_before(text, before[0]) in bkind.not_after:
        bkind = None           # "his comment about 47 percent": a preposition, the figure is as stated
    if bkind and bkind.only_before is not None and _word_after(text, atom.e) not in bkind.only_before | {""}:
        bkind = None           # "the Senate passed 300 bills": an act on things counted, not a mark passed
    if bkind and bkind.not_before is not None and bkind.not_before.match(text, atom.e):
        bkind = None           # "passed 3 and rejected 2 of the measures": the counted noun comes later
    after = lex.cue_after.match(text, atom.e)
    akind = lex.cue_kinds.get(("after", normalize(after.group("cue")))) if after else None
    # An open bound after the figure outweighs a looser word before it: "about 500 or more" is at least 500.
    if akind and (bkind is None or ((akind.low is None or akind.high is None) and
                                    bkind.qualifier in ("approximate", "exact"))):
        if bkind:
            atom.s = before[0]
        atom.cue, atom.qualifier, atom.e = after.group("cue"), akind.qualifier, after.end()
        _apply_factors(atom, akind)
    elif bkind:
        atom.cue, atom.qualifier, atom.s = before[1], bkind.qualifier, before[0]
        if akind and akind.qualifier == bkind.qualifier:
            atom.e = after.end()      # "some 200-odd": both words say the same
        _apply_factors(atom, bkind)
    else:
        atom.low = atom.high = atom.value


def _word_before(text: str, position: int) -> str:
    """Return the word that ends right before position (lower case), or ""."""
    found = _LAST_WORD.search(text, 0, position)
    return found.group(1).lower() if found else ""


_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")
_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z]+)")


def _word_after(text: str, position: int) -> str:
    """Return the word that starts right after position (lower case), or "" when punctuation or the end comes first."""
    found = _NEXT_WORD.match(text, position)
    return found.group(1).lower() if found else ""


def _apply_factors(atom: Atom, kind: Qualifier) -> None:
    low = None if kind.low is None else round_figure(atom.value * kind.low)
    high = None if kind.high is None else round_figure(atom.value * kind.high)
    if low is not None and high is not None and low > high:
        low, high = high, low
    atom.low, atom.high = low, high


_OPENING = re.compile(r"\s*[(\[]\s*")


def carry_into_conversions(text: str, atoms: list[Atom]) -> None:
    """Give a bare figure in brackets right after a qualified one its qualifier ("about 35 miles (56 km)": about 56
    km too): a conversion says the same thing in another unit, hedged alike."""
    for first, second in zip(atoms, atoms[1:]):
        if first.unit and second.unit and first.unit != second.unit and not first.rng and not second.rng \
                and first.qualifier not in ("exact", "vague") and second.qualifier == "exact" and first.value \
                and _OPENING.fullmatch(text[first.e:second.s]):
            ratio = second.value / first.value
            second.qualifier, second.cue = first.qualifier, first.cue
            second.low = None if first.low is None else round_figure(first.low * ratio)
            second.high = None if first.high is None else round_figure(first.high * ratio)
