"""Units of measure and money next to a figure ("$1.5bn", "361 million pounds", "3 dollars 50 cents")."""
from __future__ import annotations

import re

from troopclaims.extractors.numbers.lexicon import NumberLexicon
from troopclaims.extractors.numbers.phrases import unit_key
from troopclaims.extractors.numbers.records import Atom, round_figure


def attach_units(text: str, rev: str, atoms: list[Atom], lex: NumberLexicon) -> None:
    taken = 0                         # a unit written between two figures belongs to the first ("10 $ 30 $")
    for atom in atoms:
        before = lex.unit_before.find(text, rev, atom.ns)
        if before and before[0] >= taken:
            key = unit_key(before[1])
            unit = lex.unit_forms.get(("before", key)) or lex.unit_forms.get(("before", key.lower()))
            if unit:
                atom.unit, atom.s, atom.unit_before = unit, before[0], True
        after = lex.unit_after.match(text, atom.ne)
        if after and after.group("unit"):
            key = unit_key(after.group("unit"))
            unit = lex.unit_forms.get(("after", key)) or lex.unit_forms.get(("after", key.lower()))
            money = lex.money_after_magnitude.get(key) or lex.money_after_magnitude.get(key.lower())
            if money and atom.mag and atom.mag >= 1000:
                unit = money                  # "361 million pounds" is sterling, "25 pounds" a weight
            if unit and (atom.unit is None or atom.unit == unit):
                atom.unit, atom.e = unit, after.end()
                scale = lex.scale_after.match(text, atom.e)
                if scale and not atom.mag:
                    factor = float(lex.words[scale.group("scale").lower()][1])
                    atom.value, atom.mag, atom.e = atom.value * factor, factor, scale.end()   # "75 USD million"
        taken = atom.e


def join_subunits(text: str, atoms: list[Atom], lex: NumberLexicon) -> list[Atom]:
    """Return the atoms with "3 dollars 50 cents" merged into one figure in the larger unit."""
    out: list[Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        if prev is not None and atom.unit in lex.subunits and prev.unit and prev.unit not in lex.subunits and \
                not prev.unit_before and re.fullmatch(r"\s+(?:and\s+)?", text[prev.e:atom.s]):
            prev.value = round_figure(prev.value + atom.value * lex.subunits[atom.unit])
            prev.ne, prev.e = atom.ne, atom.e
            continue
        out.append(atom)
    return out
