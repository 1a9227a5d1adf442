"""Place mentions in a Doc: gazetteer names and demonym places first, then every other step in turn, each run
marked as a place or an actor ("DPRK troops") with its relation."""
from __future__ import annotations

from typing import Iterator

from troopclaims.extractors.places.anaphora import add_anaphora, resolve_anaphora
from troopclaims.extractors.places.entities import NAME_LABELS, add_entities, drop_inside_names
from troopclaims.extractors.places.gazetteer import Gazetteer, PlaceMention, WORD, first_words, name_key
from troopclaims.extractors.places.shapes import add_named_runs
from troopclaims.extractors.places.tokens import (
    Found, add_found, doc_entities, phrase_at, phrase_before, scan_names, sentence_of, span_key, word_table,
)
from troopclaims.extractors.places.unlisted import geo_runs, place_unlisted, written_region_end
from troopclaims.spans import annotated

def place_mentions(doc, gazetteer: Gazetteer) -> Iterator[PlaceMention]:
    """Yield the places named in doc, in text order: gazetteer names, NER places, and anaphora resolved.

    Works on the blank pipeline (gazetteer and word order only); with a statistical model its GPE, LOC and FAC
    entities are added and names inside PERSON and ORG entities are dropped.
    """
    for found in place_runs(doc, gazetteer):
        if found.actor or found.place is None and not found.name:
            continue
        yield _mention(doc, found)


def _mention(doc, found: Found) -> PlaceMention:
    return PlaceMention(doc[found.start].idx, doc[found.end - 1].idx + len(doc[found.end - 1].text),
                        found.place, found.name, found.relation or "in")


def place_runs(doc, gaz: Gazetteer) -> list[Found]:
    """Return every place-like run in doc (actors marked), relations set and anaphora resolved.

    Each step adds only runs that overlap none found before it: gazetteer names first, then demonym phrases, a
    lone "front", anaphora, names read from their shape, NER places, GeoNames names and repeats of names found.
    """
    if not len(doc):
        return []
    found: list[Found] = []
    taken: set[int] = set()
    _add_listed_names(doc, gaz, found, taken)
    _add_demonym_places(doc, gaz, found, taken)
    _add_lone_fronts(doc, gaz, found, taken)
    add_anaphora(doc, gaz, found, taken)
    add_named_runs(doc, gaz, found, taken)
    for item in found:
        _extend_direction(doc, item, gaz)
    drop_inside_names(doc, found)
    add_entities(doc, gaz, found, taken)
    for item in geo_runs(doc, gaz, found, taken):
        add_found(found, taken, item)
    _repeat_names(doc, found, taken)
    _fold_capitals(found)
    place_unlisted(doc, found, gaz)
    for item in found:
        if not item.actor and _modifies_people(doc, item, gaz):
            item.actor = True
    _mark_listed_origins(doc, found, gaz)
    found.sort(key=lambda f: f.start)
    for item in found:
        item.cued = _cue_before(doc, item.start, gaz)
        if item.relation is None:
            item.relation = _relation(doc, item, gaz)
    resolve_anaphora(doc, found, gaz)
    return [f for f in found if f.place is not None or f.name]


def _listed_runs(doc, gaz: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, canonical) for the gazetteer's names as written, then in capitals ("DUNMERE, Karsovia")."""
    runs = list(scan_names(doc, gaz.surfaces, gaz.max_tokens, firsts=gaz.surface_firsts))
    yield from runs
    taken = {i for start, end, _ in runs for i in range(start, end)}
    for start, end, name in scan_names(doc, gaz.capitals, gaz.max_tokens, firsts=gaz.capital_firsts):
        if not any(i in taken for i in range(start, end)):
            yield start, end, name


def _add_listed_names(doc, gaz: Gazetteer, found: list[Found], taken: set[int]) -> None:
    """Add the names the gazetteer lists, with "front" or "border" after them ("Kursk front", "Russian border")."""
    fronts, borders = word_table(gaz.fronts), word_table(gaz.borders)
    for start, end, name in _listed_runs(doc, gaz):
        place = gaz.places[name]
        relation = None
        after = phrase_at(doc, end, fronts)
        if after > end and not (place.type == "country" and phrase_at(doc, end, borders) > end):
            relation, end = "front", after
            if place.type == "front":
                relation = None
        elif place.type == "country" and phrase_at(doc, end, borders) > end:
            end, place, relation = phrase_at(doc, end, borders), gaz.border(place.name), "border"
            name = place.name
        item = Found(start, end, place, name, relation)
        if end < len(doc) and doc[end].lower_ in gaz.actor_nouns and place.type not in ("front", "border"):
            item.actor = True  # "DPRK troops", "U.S. officials": who, not where
        add_found(found, taken, item)


def _add_demonym_places(doc, gaz: Gazetteer, found: list[Found], taken: set[int]) -> None:
    """Add demonyms that name a place: before a border, a front or an area noun ("the Ukrainian border")."""
    fronts, borders = word_table(gaz.fronts), word_table(gaz.borders)
    for start, end, country in scan_names(doc, gaz.demonym_surfaces, 4, firsts=gaz.demonym_firsts):
        if any(i in taken for i in range(start, end)):
            continue
        stop = end
        # "Russian-Ukrainian front": a pair of demonyms shares the noun that follows.
        if stop + 1 < len(doc) and name_key(doc[stop].text) in ("-", "/") \
                and doc[stop + 1].text in gaz.demonym_surfaces:
            stop += 2
        if phrase_at(doc, stop, borders) > stop:
            border = gaz.listed(span_key(doc, start, phrase_at(doc, stop, borders)))
            place = border or gaz.border(country)
            add_found(found, taken, Found(start, phrase_at(doc, stop, borders), place, place.name, "border"))
        elif phrase_at(doc, stop, fronts) > stop:
            place = gaz.listed("front line")
            add_found(found, taken, Found(start, phrase_at(doc, stop, fronts), place,
                                          place.name if place else "front line", "front"))
        elif stop < len(doc) and doc[stop].lower_ in gaz.area_nouns:
            place = gaz.places.get(country)
            if place is not None:
                add_found(found, taken, Found(start, stop + 1, place, place.name))


def _add_lone_fronts(doc, gaz: Gazetteer, found: list[Found], taken: set[int]) -> None:
    """Add "the front" after a locating word ("at the front"): the front line, named by no place."""
    front = gaz.listed("front line")
    for start, end, _ in scan_names(doc, word_table(gaz.front_alone), 2, lower=True):
        if front is None or start < 2 or any(i in taken for i in range(start, end)):
            continue
        before, after = doc[start - 1].lower_, doc[end].lower_ if end < len(doc) else ""
        if before == "the" and doc[start - 2].lower_ in gaz.locating and after not in ("of", "-"):
            add_found(found, taken, Found(start, end, front, front.name))


def _extend_direction(doc, item: Found, gaz: Gazetteer) -> None:
    if item.place is None or item.actor:
        return
    start = phrase_before(doc, item.start, gaz.directions, longest=3)
    if start < item.start and sentence_of(doc, start)[1] == sentence_of(doc, item.start)[1]:
        item.start = start
def _repeat_names(doc, found: list[Found], taken: set[int]) -> None:
    """Add the other occurrences of the names of places found only by shape or NER (one sense per text).

    A name the model found goes only where the model saw no person or organisation; a name found by its shape
    ("the mill town of Ashgrove") goes anywhere it is not part of a longer name.
    """
    names = {span_key(doc, f.start, f.end): f for f in found
             if f.place is None and not f.anaphor and not f.actor and f.name
             and (not f.geo or annotated(doc, "ENT_IOB"))}   # without NER, each use needs its own evidence
    if not names:
        return
    named = [ent for ent in doc_entities(doc) if ent.label_ in NAME_LABELS]
    table = {key: f.name for key, f in names.items()}
    longest = max(len(WORD.findall(key)) + key.count("-") * 2 + key.count("'") + 1 for key in table)
    for start, end, _ in list(scan_names(doc, table, longest, firsts=first_words(table, lower=False))):
        source = names[span_key(doc, start, end)]
        if any(i in taken for i in range(start, end)):
            continue
        if any(ent.start < end and start < ent.end and (not source.shape or len(ent) > end - start)
               for ent in named):
            continue
        add_found(found, taken, Found(start, end, None, source.name, shape=source.shape, geo=source.geo))


def _fold_capitals(found: list[Found]) -> None:
    """Name a place no rule lists that is written in capitals ("DUNMERE, Karsovia -") as the text also writes it."""
    written = {f.name.casefold(): f.name for f in found if f.place is None and f.name and not f.name.isupper()}
    for item in found:
        if item.place is None and item.name and item.name.isupper():
            item.name = written.get(item.name.casefold(), item.name)


def _modifies_people(doc, item: Found, gaz: Gazetteer) -> bool:
    """Return True when a place name says who people are ("Ohio farmer", "DPRK troops"), not where.

    Fronts and borders stay places ("frontline troops" are at the front). With a parse, a front that modifies
    any other noun is no place either ("front line players").
    """
    if item.place is not None and item.place.type in ("front", "border"):
        if annotated(doc, "DEP"):
            root = doc[item.start:item.end].root
            return root.dep_ in ("amod", "compound", "nmod") and not (item.start <= root.head.i < item.end) \
                and root.head.pos_ in ("NOUN", "PROPN") and root.head.lower_ not in gaz.actor_nouns \
                and root.head.i > root.i
        return False
    if item.anaphor:
        return False
    if item.end < len(doc) and doc[item.end].lower_ in gaz.actor_nouns:
        return True
    if not annotated(doc, "DEP"):
        return False
    token = doc[item.start:item.end].root
    steps = 0
    while token.dep_ == "appos" and steps < 3:     # "the Frederick, Md., native"
        token, steps = token.head, steps + 1
    for _ in range(3):
        if token.dep_ not in ("compound", "nmod", "amod", "npadvmod") or token.head.i < token.i:
            return False
        token = token.head
        if item.start <= token.i < item.end:
            continue
        if token.lower_ in gaz.actor_nouns:
            return True
    return False
def _mark_listed_origins(doc, found: list[Found], gaz: Gazetteer) -> None:
    """Mark "Frederick, Md., native" as who, not where: places in a comma list that ends on a person noun."""
    by_start = {f.start: f for f in found}
    for item in found:
        if item.end + 1 >= len(doc) or doc[item.end].text != ",":
            continue
        nxt = by_start.get(item.end + 1)
        stop = nxt.end if nxt is not None else written_region_end(doc, item.end + 1, gaz)
        if stop is None or stop + 1 >= len(doc) or doc[stop].text != ",":
            continue
        if doc[stop + 1].lower_ in gaz.actor_nouns:
            item.actor = True
            if nxt is not None:
                nxt.actor = True


def _relation(doc, item: Found, gaz: Gazetteer) -> str:
    """Return near or in from the words before a mention; fronts give front and borders border unless near."""
    i = item.start
    floor = sentence_of(doc, i)[1]
    while i > floor and doc[i - 1].lower_ in gaz.determiners:
        i -= 1
    start = phrase_before(doc, i, gaz.relation_words, floor=floor)
    said = gaz.relation_words.get(span_key(doc, start, i).lower()) if start < i else None
    if said == "near":
        return "near"
    if item.place is not None and item.place.type in ("front", "border"):
        return item.place.type
    return said or "in"


def _cue_before(doc, start: int, gaz: Gazetteer, window: int = 4) -> bool:
    """Return True when a locating word stands at most `window` words before token start, in its clause."""
    floor = sentence_of(doc, start)[1]
    for i in range(start - 1, max(floor, start - window) - 1, -1):
        word = doc[i].lower_
        if word in gaz.locating or word in gaz.relation_words:
            return word != "of" or i > 0 and doc[i - 1].lower_ in gaz.area_nouns
        if doc[i].is_punct and word not in ("-", "'s"):
            return False
    return False
