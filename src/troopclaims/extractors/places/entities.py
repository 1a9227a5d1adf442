"""NER places: the model's GPE, LOC and FAC entities, and gazetteer names inside longer PERSON or ORG entities."""
from __future__ import annotations

from troopclaims.extractors.places.gazetteer import Gazetteer, fold_key
from troopclaims.extractors.places.tokens import Found, add_found, doc_entities, span_key
from troopclaims.spans import annotated

NER_LABELS = ("GPE", "LOC", "FAC")
# Named entities that may hold a place name without being a place ("Bank of America", "Georgia Smith").
NAME_LABELS = ("PERSON", "ORG")


def add_entities(doc, gaz: Gazetteer, found: list[Found], taken: set[int]) -> None:
    """Add the model's GPE, LOC and FAC entities that no earlier step found (none on the blank pipeline)."""
    if not annotated(doc, "ENT_IOB"):
        return
    people = person_words(doc)
    for ent in doc_entities(doc):
        if ent.label_ not in NER_LABELS or any(i in taken for i in range(ent.start, ent.end)):
            continue
        item = _from_entity(doc, ent, gaz)
        if item is not None and item.place is None and span_key(doc, item.start, item.end) in people:
            continue   # "Pelham" after "Nora Pelham": a person the model took for a place
        if item is not None:
            add_found(found, taken, item)


def person_words(doc) -> set[str]:
    """Return the PERSON entities of doc and their last words (surnames), as written."""
    names = set()
    for ent in doc_entities(doc):
        words = [t.text for t in ent if t.is_alpha]
        if ent.label_ == "PERSON" and words:
            names.add(" ".join(words))
            names.add(words[-1])
    return names


def drop_inside_names(doc, found: list[Found]) -> None:
    """Mark as non-places the gazetteer names that sit inside a longer PERSON or ORG entity."""
    if not annotated(doc, "ENT_IOB"):
        return
    for ent in doc_entities(doc):
        if ent.label_ not in NAME_LABELS:
            continue
        for item in found:
            inside = ent.start <= item.start and item.end <= ent.end and (ent.end - ent.start) > (item.end - item.start)
            if inside and item.place is not None:
                item.actor = True


def clean_entity(doc, ent) -> tuple[int, int]:
    start, end = ent.start, ent.end
    while start < end and (doc[start].lower_ in ("the",) or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", ".", ",") or doc[end - 1].is_punct
                           or doc[end - 1].is_space):
        end -= 1
    return start, end


def _from_entity(doc, ent, gaz: Gazetteer) -> Found | None:
    start, end = clean_entity(doc, ent)
    if start >= end:
        return None
    trimmed = end
    while end - 1 > start and doc[end - 1].lower_ in gaz.actor_nouns:
        end -= 1   # "Calloway County Sheriff": the place says whose sheriff
    text = span_key(doc, start, end)
    place = gaz.listed(text)
    if trimmed != end:
        return Found(start, end, place, place.name if place else text, actor=True)
    if place is None and (gaz.actor(text) or fold_key(text) in gaz.directions):
        return None  # "Ukrainian" tagged as a place, or "the West": not a place in the gazetteer's sense
    if place is None and not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[start:end]):
        return None
    if place is None and (cut := _capital_locating(doc, start, end, gaz)) is not None:
        # A headline in title case runs words into a name ("Fatal Shooting Of Elkford"): the place is the
        # known name after the locating word, if any.
        tail = gaz.lookup(span_key(doc, cut + 1, end)) if cut + 1 < end else None
        return Found(cut + 1, end, tail, tail.name) if tail is not None else None
    return Found(start, end, place, place.name if place else text)


def _capital_locating(doc, start: int, end: int, gaz: Gazetteer) -> int | None:
    """Return the index of the last locating word written with a capital inside an entity ("Of", "In"), None when
    there is none: a name the gazetteer does not list is then words of a title-case headline, not a place."""
    found = None
    for i in range(start + 1, end):
        if doc[i].text[:1].isupper() and doc[i].lower_ in gaz.locating:
            found = i
    return found
