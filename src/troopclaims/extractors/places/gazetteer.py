"""The gazetteer: places with their names, containers and demonyms, looked up by any spelling (rules, then GeoNames)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015]")
_SPACED_HYPHEN = re.compile(r"\s*-\s*")
_SPACES = re.compile(r"\s+")
WORD = re.compile(r"[^\W\d_](?:[\w.'’-]*\w)?\.?", re.U)
_PLURAL_EXCEPT = ("s", "sh", "ch", "x", "z", "ese")
FIRST_WORD_BREAK = re.compile(r"[ ,.'’-]")
@dataclass(frozen=True)
class Place:
    """A gazetteer entry: its canonical name, its type and the canonical name of the place that contains it."""

    name: str
    type: str
    parent: str | None = None


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text: character offsets, the gazetteer entry (None when unknown) and its relation."""

    start: int
    end: int
    place: Place | None
    name: str
    relation: str = "in"


# What name_key changes; most names hold none of it and are returned as they are (scans ask for many keys).
_UNEVEN = re.compile(r"[\u2010-\u2015\u2018\u2019]|\s-|-\s|[^\S ]|  |^ | $")


def name_key(text: str) -> str:
    """Return text with dashes, apostrophes and spaces made uniform, for matching names as written."""
    if not _UNEVEN.search(text):
        return text
    text = _DASHES.sub("-", text.replace("\u2019", "'").replace("\u2018", "'"))
    return _SPACES.sub(" ", _SPACED_HYPHEN.sub("-", text)).strip()


def fold_key(text: str) -> str:
    """Return the key of a name for look-ups that ignore case."""
    return name_key(text).casefold()


def spelling_variants(name: str) -> set[str]:
    """Return the spellings a name matches in text: as written, first letter up, every word's first letter up."""
    key = name_key(name)
    capital_first = key[:1].upper() + key[1:]
    every_word = re.sub(r"(^|[ -])(\w)", lambda m: m.group(1) + m.group(2).upper(), key)
    return {key, capital_first, every_word}


def demonym_plurals(word: str) -> list[str]:
    """Return a demonym and its plural when English makes one with -s ("Iraqi" -> "Iraqis"; "Swiss" stays)."""
    if word.lower().endswith(_PLURAL_EXCEPT) or not word[-1:].isalpha() or word.isupper():
        return [word]
    return [word, word + "s"]


def first_words(table: dict[str, str], lower: bool) -> frozenset:
    """Return the first words of a table's keys, so that a scan skips tokens no key can start with."""
    return frozenset(FIRST_WORD_BREAK.split(k)[0].lower() if lower else FIRST_WORD_BREAK.split(k)[0] for k in table)
@dataclass
class Gazetteer:
    """The places the rules know, their names and demonyms, and the word lists that read them in text."""

    places: dict[str, Place] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)          # folded alias -> canonical
    surfaces: dict[str, str] = field(default_factory=dict)       # alias as it may be written -> canonical
    demonyms: dict[str, str] = field(default_factory=dict)       # folded demonym -> canonical
    demonym_surfaces: dict[str, str] = field(default_factory=dict)
    anaphora: dict[str, tuple[str, ...]] = field(default_factory=dict)
    reach: int = 5
    not_before: frozenset = frozenset()
    name_suffixes: dict[str, str] = field(default_factory=dict)   # "Street" -> street (as written)
    name_prefixes: dict[str, str] = field(default_factory=dict)   # "town of" -> town (lower case)
    relation_words: dict[str, str] = field(default_factory=dict)  # lower phrase -> relation
    locating: frozenset = frozenset()
    determiners: frozenset = frozenset()
    clause_breaks: frozenset = frozenset()
    fronts: frozenset = frozenset()
    front_alone: frozenset = frozenset()
    borders: frozenset = frozenset()
    directions: frozenset = frozenset()
    actor_nouns: frozenset = frozenset()
    area_nouns: frozenset = frozenset()
    speech_verbs: frozenset = frozenset()
    not_places: frozenset = frozenset()
    measured_from: frozenset = frozenset()   # "from", "off": a distance's point follows ("150 km off X")
    max_tokens: int = 8
    surface_firsts: frozenset = frozenset()
    capitals: dict[str, str] = field(default_factory=dict)        # "DUNMERE" -> canonical: names in capitals
    capital_firsts: frozenset = frozenset()
    demonym_firsts: frozenset = frozenset()
    # Places no rule lists, from GeoNames (troopclaims.extractors.geonames): the smallest population read (0: none),
    # US counties or not, and the population that needs no more evidence than a locating word without a parse.
    geo_cities: int = 0
    geo_counties: bool = False
    blank_population: int = 100_000
    country_codes: dict[str, str] = field(default_factory=dict)   # ISO alpha-2 -> canonical country
    region_codes: dict[str, str] = field(default_factory=dict)    # ISO 3166-2 ("US-TX") -> canonical region
    # Region names, abbreviations and postal codes as written after "Town, " -> ISO 3166-2 code; only read there,
    # since "Washington" alone is the city and "Ind." or "PA" may be anything.
    region_written: dict[str, str] = field(default_factory=dict)

    @property
    def geo(self):
        """Return the GeoNames index (loaded on first use), or None when the rules turn it off."""
        if not self.geo_cities:
            return None
        from troopclaims.extractors.geonames import geo_index

        return geo_index(self.geo_cities, self.geo_counties)

    def lookup(self, name: str) -> Place | None:
        """Return the place a name denotes (any alias or spelling, any case), or None when unknown.

        The rules' places first (see `listed`), then GeoNames: a bare name is its most populous place, "Paris,
        Texas" the place of that name inside the place after the comma.
        """
        return self.listed(name) or self.unlisted(name)

    def unlisted(self, name: str, context: frozenset = frozenset(), within: Place | None = None) -> Place | None:
        """Return the GeoNames place a name denotes, or None: "Name, Container" picks the one inside the container,
        else the most populous, unless `context` (canonical names of places the text names) picks another.

        With `within`, only a place inside it (None when there is none)."""
        geo = self.geo
        if geo is None:
            return None
        key = name_key(name)
        head, comma, tail = key.rpartition(", ")
        strict = within is not None
        if comma and head in geo and tail and within is None:
            within = self.lookup(tail)
            key = head
        every = geo.candidates(key) or geo.candidates(key.title())
        candidates = tuple(c for c in every if self._inside(c, within.name)) if within is not None else every
        if not candidates and not strict:   # "Macon, Georgia" with Georgia the country: no help
            candidates, within = every, None
        if not candidates:
            return None
        chosen = _pick(candidates, self._containers, context)
        region = self._containers(chosen)[0]
        picked = within is not None or (region is not None and region in context)
        return self._geo_place(every, chosen, picked)

    def _containers(self, candidate) -> tuple[str | None, str | None]:
        """Return the canonical (region, country) of a GeoNames place; None where the rules know none."""
        return (self.region_codes.get(f"{candidate.country}-{candidate.region}"),
                self.country_codes.get(candidate.country))

    def _inside(self, candidate, outer: str) -> bool:
        region, country = self._containers(candidate)
        return any(name is not None and self.contains(outer, name) for name in (region, country))

    def _geo_place(self, candidates, chosen, picked: bool) -> Place:
        """Return the Place of a chosen candidate: named as GeoNames writes it, "Name, Region" when it is not the
        place the bare name gives, contained by its first-level region (US states) or else its country.

        Places of one name and the same population (US counties have none) that nothing in the text tells
        apart are only known to lie in their country, when they share one."""
        region, country = self._containers(chosen)
        parent = region or country
        twins = [c for c in candidates if c.population == chosen.population and c.kind == chosen.kind]
        if len(twins) > 1 and not picked:
            countries = {c.country for c in twins}
            return Place(chosen.name, _GEO_TYPES[chosen.kind], country if len(countries) == 1 else None)
        name = chosen.name if chosen == candidates[0] or parent is None else f"{chosen.name}, {parent}"
        return Place(name, _GEO_TYPES[chosen.kind], parent)

    def listed(self, name: str) -> Place | None:
        """Return the place of the rules a name denotes (any alias or spelling, any case), or None when unknown.

        "X front" is X; "X border" and "Xian border" are X's border; a leading direction ("western Russia")
        is dropped.
        """
        folded = fold_key(name)
        if folded.startswith("the "):
            folded_bare = folded[4:]
        else:
            folded_bare = folded
        for candidate in (folded, folded_bare):
            if candidate in self.names:
                return self.places[self.names[candidate]]
        words = folded_bare.split(" ")
        for size in (2, 1):
            if len(words) > size:
                head, tail = " ".join(words[:-size]), " ".join(words[-size:])
                if tail in self.fronts:
                    return self.listed(head)
                if tail in self.borders:
                    country = self.names.get(head) or self.demonyms.get(head)
                    if country:
                        return self.border(country)
                lead, rest = " ".join(words[:size]), " ".join(words[size:])
                if lead in self.directions:
                    return self.listed(rest)
        return None

    def border(self, country: str) -> Place:
        """Return the border of a place as a place of its own ("Ukraine border"), contained by nothing."""
        return Place(f"{country} border", "border", None)

    def contains(self, outer: str, inner: str) -> bool:
        """Return True when the place named outer contains (or is) the place named inner, through any parents."""
        outer_place, inner_place = self.lookup(outer), self.lookup(inner)
        if outer_place is None or inner_place is None:
            return fold_key(outer) == fold_key(inner)
        seen = set()
        current: Place | None = inner_place
        while current is not None and current.name not in seen:
            if current.name == outer_place.name:
                return True
            seen.add(current.name)
            current = self.places.get(current.parent) if current.parent else None
        return False

    def actor(self, word: str) -> str | None:
        """Return the country a demonym or country name stands for: "North Korean" -> "North Korea"."""
        folded = fold_key(word)
        if folded in self.demonyms:
            return self.demonyms[folded]
        place = self.places.get(self.names.get(folded, ""))
        if place is not None and place.type == "country":
            return place.name
        return None

    def ancestors(self, name: str) -> list[str]:
        """Return the canonical names of the places that contain name, innermost first."""
        place = self.lookup(name)
        chain: list[str] = []
        while place is not None and place.parent and place.parent not in chain:
            chain.append(place.parent)
            place = self.places.get(place.parent)
        return chain


_GEO_TYPES = {"city": "city", "county": "region"}


def _pick(candidates, containers, context: frozenset):
    """Return the candidate the text points to: the most populous, unless its region (or country) is named.

    Score: log10 of the population, +3 when the candidate's region is named in the text, +1.5 when its
    country is; so "Florence" stays in Italy when only the United States is named, and is in Alabama when Alabama
    is.
    """
    def score(candidate) -> float:
        region, country = containers(candidate)
        return (math.log10(candidate.population + 1) + (3.0 if region in context else 0.0)
                + (1.5 if country in context else 0.0))
    return max(candidates, key=score)     # ties keep the first: the most populous
