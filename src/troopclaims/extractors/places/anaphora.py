"""Anaphora: phrases that point back to a place ("the region", "this area") and the place they point to."""
from __future__ import annotations

from troopclaims.extractors.places.gazetteer import Gazetteer
from troopclaims.extractors.places.tokens import Found, add_found, scan_names, sentence_bounds, word_table
from troopclaims.spans import annotated

def add_anaphora(doc, gaz: Gazetteer, found: list[Found], taken: set[int]) -> None:
    """Add the phrases that point back to a place ("the region"), resolved later by resolve_anaphora."""
    anaphora = word_table(gaz.anaphora)
    for start, end, phrase in scan_names(doc, anaphora, 3, lower=True):
        if not any(i in taken for i in range(start, end)) and not _describes(doc, end, gaz):
            add_found(found, taken, Found(start, end, None, "", anaphor=gaz.anaphora[phrase]))


def _describes(doc, end: int, gaz: Gazetteer) -> bool:
    """Return True when "the area" goes on to say which area ("the area where ...", "the region of Kursk")."""
    if end >= len(doc):
        return False
    if doc[end].lower_ in gaz.not_before:
        return True
    # "the state lottery", "the area commander": a modifier, not a place
    return annotated(doc, "DEP") and doc[end - 1].dep_ in ("compound", "amod", "nmod")


def resolve_anaphora(doc, found: list[Found], gaz: Gazetteer) -> None:
    sentence_of = {}
    for number, (start, end) in enumerate(sentence_bounds(doc)):
        for i in range(start, end):
            sentence_of[i] = number
    history: list[Found] = []
    for item in found:
        if item.anaphor:
            here = sentence_of.get(item.start, 0)
            for earlier in reversed(history):
                if sentence_of.get(earlier.start, 0) < here - gaz.reach:
                    break
                if earlier.place is not None and earlier.place.type in item.anaphor:
                    item.place, item.name = earlier.place, earlier.place.name
                    break
            if item.place is None:
                item.anaphor = ()   # nothing to point back to: no mention
                continue
        if item.place is not None and not item.actor and (item.cued or item.anaphor):
            history.append(item)   # "this area" points back to a place named as a place, not to "Kyiv holds"
