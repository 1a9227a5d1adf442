"""GeoNames names in a Doc: capitalised runs that stand where places stand, and the GeoNames place each unlisted
name denotes in the text's context."""
from __future__ import annotations

import re
from typing import Iterator

from troopclaims.extractors.places.entities import NER_LABELS, clean_entity, person_words
from troopclaims.extractors.places.gazetteer import Gazetteer, Place
from troopclaims.extractors.places.shapes import is_name_word
from troopclaims.extractors.places.tokens import (
    Found, doc_entities, doc_tokens, in_title_case, locating_before, sentence_of, span_key,
)
from troopclaims.spans import annotated, doc_text

# Words after which a name the model tags ORG is taken for the organisation ("at Stanford", "at Cornell");
# the small model tags many towns ORG, and after "in", "from", "to" or "of" such a name is the town.
_ORG_CUES = frozenset({None, "at", "on", "with", "for", "by"})
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")
def geo_runs(doc, gaz: Gazetteer, found: list[Found], taken: set[int]) -> Iterator[Found]:
    """Yield the names of GeoNames places that the text uses as places (place left for place_unlisted).

    A name must be a whole run of capitalised words, no common word of the text, outside the names of people
    and organisations, and stand where a place stands: after a locating word ("in Elkford", "from Marlow")
    or before "-based". After a locating word that is enough with a parse when the words are proper nouns;
    without one (or in a headline in title case) the place must also be large (blank_population) or lie in a
    country or region the text names.
    """
    geo = gaz.geo
    if geo is None:
        return
    tagged, parsed = annotated(doc, "POS"), annotated(doc, "DEP")
    lower = set(_LOWER_WORD.findall(doc_text(doc)))
    entities = annotated(doc, "ENT_IOB")
    others = [ent for ent in doc_entities(doc) if ent.label_ not in NER_LABELS] if entities else []
    people = person_words(doc) if entities else set()
    by_start = {f.start: f for f in found}
    ends = {f.end for f in found if f.place is not None and not f.actor}
    context = None
    for start, end in _capital_runs(doc, gaz):
        key = span_key(doc, start, end)
        if key not in geo or any(i in taken for i in range(start, end)) or not _whole_run(doc, start, end, gaz):
            continue
        if key.casefold() in gaz.not_places or key in gaz.demonym_surfaces or key in people or \
                (end - start == 1 and doc[start].lower_ in lower):
            continue   # "March"; "Mobile" beside "mobile phones"; "Hadley" after "Ruth Hadley"
        cue = locating_before(doc, start, gaz) or _listed_after_place(doc, start, ends)
        hometown = cue == "of" and start >= 2 and doc[start - 2].ent_type_ == "PERSON"   # "Jane Doe of Elkford"
        entity = next((ent for ent in others if ent.start < end and start < ent.end), None)
        if entity is not None and not (entity.label_ == "ORG" and clean_entity(doc, entity) == (start, end)
                                       and (cue not in _ORG_CUES or hometown)):
            continue   # "Florence Nightingale"; an ORG that is just the name may be a place ("in Elkford")
        if parsed and _modifies_noun(doc, start, end, gaz):
            continue   # "Cheddar cheese", "a Reading man"; "the Elkford area" stays
        based = end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based"
        placed = [c for c in _containers_after(doc, end, gaz, by_start)
                  if any(gaz._inside(g, c.name) for g in geo.candidates(key))]
        if placed:
            ends.add(end)
            yield Found(start, end, None, key, geo=True)   # "Coral Bay, Calif.": the text places it
            continue
        if not (based or cue):
            continue
        proper = tagged and all(t.pos_ == "PROPN" for t in doc[start:end]) and not in_title_case(doc, start)
        if not proper or (cue == "of" and not hometown) or key not in geo.names:
            # Without a parse, after "of", or for another spelling ("Derna"): large, or in a place named.
            if context is None:
                context = _context(found, gaz)
            if not any((c.population >= gaz.blank_population and key in geo.names)
                       or any(name in context for name in gaz._containers(c)) for c in geo.candidates(key)):
                continue
        ends.add(end)
        yield Found(start, end, None, key, geo=True)


def _listed_after_place(doc, start: int, ends: set[int]) -> str | None:
    """Return "and" when a name follows "and"/"or" after a place ("in Macon, Georgia, and Tacoma")."""
    i = start - 1
    if i < 1 or doc[i].lower_ not in ("and", "or"):
        return None
    if doc[i - 1].text == ",":
        i -= 1
    return "and" if i in ends else None


def _modifies_noun(doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """Return True when the parse makes a name a modifier of a noun after it that is no land noun."""
    root = doc[start:end].root
    head = root.head
    return root.dep_ in ("compound", "amod", "nmod") and head.i >= end and head.pos_ in ("NOUN", "PROPN") \
        and head.lower_ not in gaz.area_nouns


def _capital_runs(doc, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of the runs of capitalised words in doc (joined by hyphens), each within a sentence.

    A name must be a whole run, so each run is looked up once; locating words ("Near") and `not_places`
    ("Tuesday") end a run."""
    _, _, _, _, first = doc_tokens(doc)

    def name_word(i: int) -> bool:
        if not first[i][:1].isupper():
            return False
        token = doc[i]
        return is_name_word(token) and token.lower_ not in gaz.locating and token.lower_ not in gaz.not_places

    i = 0
    for i0 in [k for k, word in enumerate(first) if word[:1].isupper()]:
        if i0 < i or not name_word(i0):
            continue
        i = i0
        sent_end = sentence_of(doc, i)[2]
        j = i + 1
        while j < sent_end and j - i < 8:
            if name_word(j):
                j += 1
            elif doc[j].text == "-" and j + 1 < sent_end and name_word(j + 1):
                j += 2          # "Baden-Baden"
            elif doc[j].text == "-" and j + 3 < sent_end and doc[j + 1].is_lower and doc[j + 2].text == "-" \
                    and name_word(j + 3):
                j += 4          # "Rostov-on-Don"
            else:
                break
        yield i, min(j, sent_end)
        i = j


def _whole_run(doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """Return True when no capitalised word of a longer name stands right before or after tokens start..end."""
    floor = sentence_of(doc, start)[1]
    if start > floor and is_name_word(doc[start - 1]) and doc[start - 1].lower_ not in gaz.locating:
        return False
    if start - 2 >= floor and doc[start - 1].lower_ == "of" and is_name_word(doc[start - 2]) \
            and doc[start - 2].ent_type_ != "PERSON":
        return False   # "University of Reading", "Bank of Florence"; not "Jane Doe of Elkford"
    if end + 1 < len(doc) and doc[end].lower_ == "of" and is_name_word(doc[end + 1]):
        return False   # "League of Independent Growers"
    if end < len(doc) and is_name_word(doc[end]) and not doc[end].is_space \
            and doc[end].lower_ not in gaz.not_places:
        return False
    if end < len(doc) and doc[end].text[:1].isdigit() and any(c.isalpha() for c in doc[end].text):
        return False   # "Dayton 88ers"
    if end + 1 < len(doc) and doc[end].text in ("'s", "’s") and is_name_word(doc[end + 1]):
        return False   # "Joe's Diner"
    return True


def _context(found: list[Found], gaz: Gazetteer) -> frozenset:
    """Return the canonical names of the places found so far, with their containers.

    Countries named as actors are left out: "U.S. officials" says who speaks, and would move every Florence to
    Alabama; a region's ("Minnesota police") stays."""
    names: set[str] = set()
    for item in found:
        if item.place is not None and item.place.name not in names \
                and not (item.actor and item.place.type == "country"):
            names.add(item.place.name)
            names.update(gaz.ancestors(item.place.name))
    return frozenset(names)


def place_unlisted(doc, found: list[Found], gaz: Gazetteer) -> None:
    """Give the places the rules do not list their GeoNames place, read in the context of the text.

    "Name, Container" picks the place inside the container (and overrides a city of the rules of that name that
    lies elsewhere: "Paris, Texas"); else a region or country named anywhere in the text picks among places of
    one name, else the most populous wins (see _pick).
    """
    if gaz.geo is None:
        return
    context = None
    by_start = {f.start: f for f in found}
    for item in found:
        if item.anaphor or not item.name:
            continue
        containers = _containers_after(doc, item.end, gaz, by_start)
        if item.place is not None and (item.place.type not in ("city", "town") or not containers
                                       or any(gaz.contains(c.name, item.place.name) for c in containers)):
            continue
        if context is None:
            context = _context(found, gaz)
        surface = span_key(doc, item.start, item.end)
        place, container = next(((p, c) for c in containers for p in [gaz.unlisted(surface, context, within=c)]
                                 if p), (None, None))
        after = by_start.get(item.end + 1)
        if container is not None and after is not None and after.place is not None and after.place != container:
            after.place, after.name = container, container.name   # "Macon, Georgia": the state, not the country
        if place is None and item.place is None:
            place = gaz.unlisted(surface, context) or (gaz.unlisted(item.name, context)
                                                       if item.name != surface else None)
        if place is not None:
            item.place, item.name = place, place.name


def _containers_after(doc, end: int, gaz: Gazetteer, by_start: dict[int, Found]) -> list[Place]:
    """Return the places "Name, X" may put a name in: X as a region name, abbreviation or postal code ("Calif.",
    "TX"), and the region or country found at X ("Oregon", "Georgia" the country)."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return []
    places = []
    stop = written_region_end(doc, end + 1, gaz)
    code = gaz.region_written[span_key(doc, end + 1, stop)] if stop else None
    if code in gaz.region_codes:
        places.append(gaz.places[gaz.region_codes[code]])
    item = by_start.get(end + 1)
    if item is not None and item.place is not None and item.place.type in ("region", "country") \
            and item.place not in places:
        places.append(item.place)
    return places


def written_region_end(doc, start: int, gaz: Gazetteer) -> int | None:
    """Return the end of a region name, abbreviation or postal code written from token start ("Md."), or None."""
    for size in (3, 2, 1):
        if start + size <= len(doc) and span_key(doc, start, start + size) in gaz.region_written:
            return start + size
    return None
