"""Numeric expressions in plain text: numerics() finds them all, figures() those a fact-checker compares."""
from __future__ import annotations

import math

from troopclaims.extractors.numbers.filters import blocked_mask, is_year, only_figures, range_is_years
from troopclaims.extractors.numbers.grammar import read_run
from troopclaims.extractors.numbers.lexicon import NumberLexicon
from troopclaims.extractors.numbers.phrases import normalize
from troopclaims.extractors.numbers.qualifiers import carry_into_conversions, qualify
from troopclaims.extractors.numbers.ranges import join_bounds, join_ranges
from troopclaims.extractors.numbers.records import Atom, Numeric, maybe_round_figure, round_figure
from troopclaims.extractors.numbers.tokens import number_tokens
from troopclaims.extractors.numbers.units import attach_units, join_subunits


def numerics(text: str, lexicon: NumberLexicon) -> list[Numeric]:
    """Return the numeric expressions in text, sorted by start and not overlapping."""
    lex = lexicon
    rev = text[::-1]
    low = _lowered(text)
    mask = blocked_mask(text, lex)
    atoms = _atoms(text, low, rev, lex, mask)
    attach_units(text, rev, atoms, lex)
    atoms = join_subunits(text, atoms, lex)
    atoms = join_ranges(text, rev, atoms, lex)
    for atom in atoms:
        if not atom.rng:
            qualify(text, rev, atom, lex)
    carry_into_conversions(text, atoms)
    atoms = join_bounds(text, atoms, lex)
    kept = []
    for atom in atoms:
        if atom.rng:
            if atom.digits_only is None and range_is_years(text, rev, atom, lex):
                continue
        elif is_year(text, rev, atom, lex, atom.e):
            continue
        kept.append(atom)
    # Value and bounds rounded alike, so that an exact "⅐" keeps low <= value <= high.
    results = [Numeric(a.s, a.e, a.ns, a.ne,
                       round_figure(a.value) if a.qualifier != "range" else maybe_round_figure(a.low),
                       maybe_round_figure(a.low), maybe_round_figure(a.high), a.qualifier, a.cue, a.unit) for a in kept]
    results.extend(_vague(text, low, lex, mask))
    return _without_overlaps(results)


def figures(text: str, lexicon: NumberLexicon) -> list[Numeric]:
    """Return the numerics of text that are figures a fact-checker compares: not an age, a road, a channel ...
    (`not_figures` in rules/numbers.yaml). They stay numbers: only claims leave them out."""
    return only_figures(text, numerics(text, lexicon), lexicon)


def _atoms(text: str, low: str, rev: str, lex: NumberLexicon, mask: bytearray | None) -> list[Atom]:
    atoms: list[Atom] = []
    pos = 0
    while True:
        m = lex.seed.search(low, pos)
        if not m:
            break
        start = m.start()
        toks = number_tokens(text, start, lex, rev)
        if not toks:
            pos = m.end()
            continue
        pos = max(toks[-1].end, m.end())
        for read in read_run(toks, lex):
            first, last = toks[read.i], toks[read.j - 1]
            ns, ne = first.start, last.end
            value = read.value
            if first.kind == "dig":
                sign_at = _minus_sign(text, ns)
                if sign_at is not None:
                    ns, value = sign_at, -value
            if (mask is not None and mask.find(1, ns, ne) != -1) or not math.isfinite(value):
                continue
            digits_only = text[ns:ne] if not read.words and read.j - read.i == 1 else None
            atoms.append(Atom(ns, ne, float(value), float(read.mag) if read.mag else None, read.words,
                              digits_only, ns, ne))
    return atoms


def _minus_sign(text: str, ns: int) -> int | None:
    """Return where a minus sign before the digits at ns starts ("-9.5", "(-3)", "- 10 k" opening a line), or None.

    A hyphen between two figures ("1000 - 5000") or after a word with spaces ("NEWS - 3 DEAD") is a dash.
    """
    if ns >= 1 and text[ns - 1] in "-−":
        sign_at, spaced = ns - 1, False
    elif ns >= 2 and text[ns - 1] == " " and text[ns - 2] in "-−":
        sign_at, spaced = ns - 2, True
    else:
        return None
    before = text[:sign_at]
    line = before[before.rfind("\n") + 1:]
    if spaced:
        return sign_at if not line.strip() else None
    if before and before[-1] not in " \t\n([=:<>":
        return None
    last = before.rstrip()[-1:]
    return None if last and (last.isdigit() or last in "%)]") else sign_at


def _vague(text: str, low: str, lex: NumberLexicon, mask: bytearray) -> list[Numeric]:
    found = []
    for m in lex.vague_phrases.finditer(low):
        s, e = m.span()
        entry = lex.vague[normalize(m.group())]
        if low.endswith(" of", s, e) or low[s:e].split()[-1] == "of":
            e = s + len(text[s:e].rsplit(None, 1)[0])        # "scores of": the "of" is context, not span
        if mask.find(1, s, e) == -1:
            found.append(Numeric(s, e, s, e, None, entry.low, entry.high, "vague", entry.cue, None))
    return found


def _lowered(text: str) -> str:
    """Return text in lower case with every character kept in place (word lists match it case-sensitively)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def _without_overlaps(found: list[Numeric]) -> list[Numeric]:
    """Return the numerics sorted by start; of two that overlap the longer stays."""
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    taken: list[Numeric] = []
    for cand in found:
        if taken and cand.start < taken[-1].end:
            if cand.end - cand.start > taken[-1].end - taken[-1].start:
                taken[-1] = cand
            continue
        taken.append(cand)
    return taken
