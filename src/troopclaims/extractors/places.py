"""Places: the gazetteer (names, containment, demonyms), place mentions in a Doc, and the place each claim is about."""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from troopclaims.errors import RulesError
from troopclaims.records import Article, Claim
from troopclaims import rules as rules_module
from troopclaims.rules import LineDict, check_keys, location, word_list
from troopclaims.spans import annotated, new_claim

RELATIONS = ("in", "near", "border", "front")
NER_LABELS = ("GPE", "LOC", "FAC")
# Named entities that may hold a place name without being a place ("Bank of America", "Georgia Smith").
NAME_LABELS = ("PERSON", "ORG")
LIST_SECTIONS = ("locating", "determiners", "clause_breaks", "fronts", "front_alone", "borders", "directions",
                 "actor_nouns", "area_nouns", "speech_verbs", "not_places")
SECTIONS = ("types", "import", "countries", "places", "anaphora", "relations", "name_suffixes", "name_prefixes",
            "geonames", "region_abbreviations", *LIST_SECTIONS)
# Dependency labels that open a clause of its own: a place in one says nothing about a claim outside it.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "relcl", "csubj", "csubjpass", "pcomp"})
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015]")
_SPACED_HYPHEN = re.compile(r"\s*-\s*")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_](?:[\w.'’-]*\w)?\.?", re.U)
_PLURAL_EXCEPT = ("s", "sh", "ch", "x", "z", "ese")


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


def _key(text: str) -> str:
    """Return text with dashes, apostrophes and spaces made uniform, for matching names as written."""
    text = _DASHES.sub("-", text.replace("\u2019", "'").replace("\u2018", "'"))
    return _SPACES.sub(" ", _SPACED_HYPHEN.sub("-", text)).strip()


def _fold(text: str) -> str:
    """Return the key of a name for look-ups that ignore case."""
    return _key(text).casefold()


def _variants(name: str) -> set[str]:
    """Return the spellings a name matches in text: as written, first letter up, every word's first letter up."""
    key = _key(name)
    capital_first = key[:1].upper() + key[1:]
    every_word = re.sub(r"(^|[ -])(\w)", lambda m: m.group(1) + m.group(2).upper(), key)
    return {key, capital_first, every_word}


def _plurals(word: str) -> list[str]:
    """Return a demonym and its plural when English makes one with -s ("Iraqi" -> "Iraqis"; "Swiss" stays)."""
    if word.lower().endswith(_PLURAL_EXCEPT) or not word[-1:].isalpha() or word.isupper():
        return [word]
    return [word, word + "s"]


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
    max_tokens: int = 8
    surface_firsts: frozenset = frozenset()
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
        key = _key(name)
        head, comma, tail = key.rpartition(", ")
        strict = within is not None
        if comma and head in geo and tail and within is None:
            within = self.lookup(tail)
            key = head
        every = geo.candidates(key) or geo.candidates(key.title())
        candidates = tuple(c for c in every if self._inside(c, within.name)) if within is not None else every
        if not candidates and not strict:   # "Atlanta, Georgia" with Georgia the country: no help
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
        folded = _fold(name)
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
            return _fold(outer) == _fold(inner)
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
        folded = _fold(word)
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


# ---------------------------------------------------------------------------------------------------------------
# Building the gazetteer from rules/places.yaml


@dataclass
class _Entry:
    name: str
    type: str | None
    parent: str | None
    aliases: list[str]
    demonyms: list[str]
    where: str
    file: str
    imported: bool = False
    lookup_only: list[str] = field(default_factory=list)   # names for look-ups, never matched in text


def build_gazetteer(section: LineDict, rules=None) -> Gazetteer:
    """Return a Gazetteer from a places section; RulesError names the file and line of anything wrong."""
    where = location(section, fallback="rules/places.yaml")
    check_keys(section, where, SECTIONS)
    types = word_list(section.get("types", []), location(section, "types", where), "types")
    entries: dict[str, _Entry] = {}
    regions: dict[str, str] = {}
    written: dict[str, str] = {}
    imported = _import(section.get("import"), location(section, "import", where), section, entries, regions,
                       written)
    coded = _hand_places(section.get("places") or {}, location(section, "places", where), set(types), entries,
                         imported)
    _check_parents(entries)
    # A hand-kept place that took an imported region's name ("New York" the city) is not that region; a hand-kept
    # region with that code ("New York State") is.
    regions = {code: name for code, name in regions.items() if entries[name].imported} | coded
    _abbreviations(section.get("region_abbreviations"), location(section, "region_abbreviations", where), written)
    gaz = Gazetteer(country_codes=imported, region_codes=regions, region_written=written)
    _index(entries, gaz)
    _geonames(section.get("geonames"), location(section, "geonames", where), gaz)
    _word_lists(section, where, types, gaz)
    _name_patterns(section, where, types, gaz)
    return gaz


def _file_of(node, fallback: str) -> str:
    return getattr(node, "path", fallback.rsplit(":", 1)[0])


def _import(node, where: str, section: LineDict, entries: dict[str, _Entry], regions: dict[str, str],
            written: dict[str, str]) -> dict[str, str]:
    """Add pycountry's countries and subdivisions to entries; return {ISO code: canonical name}.

    `regions` gets {ISO 3166-2 code: canonical name} of the subdivisions imported, `written` {name or postal
    code: ISO 3166-2 code} of all subdivisions of the countries listed."""
    node = check_keys(node if node is not None else LineDict(), where, ("countries", "subdivisions"))
    countries = section.get("countries") or {}
    countries_where = location(section, "countries", where)
    if not isinstance(countries, dict):
        raise RulesError(f"{countries_where}: countries must map ISO codes to fields, e.g. KP: {{name: North Korea}}")
    codes: dict[str, str] = {}
    if node.get("countries", False) not in (True, False):
        raise RulesError(f"{location(node, 'countries', where)}: countries must be true or false")
    subdivisions = word_list(node.get("subdivisions"), location(node, "subdivisions", where), "subdivisions")
    if not node.get("countries", False) and not countries and not subdivisions:
        return codes
    import pycountry

    for code, fields in countries.items():
        spot = location(countries, code, countries_where)
        check_keys(fields, spot, ("name", "aliases", "demonyms"))
        if pycountry.countries.get(alpha_2=str(code)) is None:
            raise RulesError(f"{spot}: {code!r} is not an ISO 3166-1 alpha-2 country code; write e.g. UA or KP")
    wanted = list(pycountry.countries) if node.get("countries", False) else [
        pycountry.countries.get(alpha_2=str(code)) for code in countries]
    for country in wanted:
        code = country.alpha_2
        fields = countries.get(code) or {}
        spot = location(countries, code, where) if code in countries else where
        names = [getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)]
        names = [n for n in names if n]
        canonical = fields.get("name") or next((n for n in names if "," not in n and "(" not in n), names[0])
        if not isinstance(canonical, str):
            raise RulesError(f"{spot}: name must be a word or phrase")
        aliases = [n for n in names if "," not in n]
        aliases += [re.sub(r"\s*\(.*\)", "", n) for n in names if "(" in n]
        aliases += word_list(fields.get("aliases"), location(fields, "aliases", spot), "aliases")
        demonyms = word_list(fields.get("demonyms"), location(fields, "demonyms", spot), "demonyms")
        entries[canonical] = _Entry(canonical, "country", None, aliases, demonyms, spot,
                                    _file_of(fields, spot) if fields else "pycountry", imported=not fields,
                                    lookup_only=[n for n in names if "," in n])
        codes[code] = canonical
    for code in subdivisions:
        parent = codes.get(code)
        if parent is None or not pycountry.subdivisions.get(country_code=code):
            raise RulesError(f"{location(node, 'subdivisions', where)}: no subdivisions for {code!r}; give an "
                             f"ISO country code that pycountry knows (and import countries)")
        taken = {_fold(a) for e in entries.values() for a in (e.name, *e.aliases)}
        for sub in sorted(pycountry.subdivisions.get(country_code=code), key=lambda s: s.code):
            if not sub.parent_code:
                written[_key(sub.name)] = written[sub.code.split("-", 1)[1]] = sub.code   # "Texas", "TX"
            if sub.parent_code or "," in sub.name or _fold(sub.name) in taken:
                continue  # a country or a hand-kept place already uses the name
            entries[sub.name] = _Entry(sub.name, "region", parent, [], [], where, "pycountry", imported=True)
            regions[sub.code] = sub.name
    return codes


def _hand_places(node, where: str, types: set[str], entries: dict[str, _Entry],
                 codes: dict[str, str]) -> dict[str, str]:
    """Add the hand-kept places to entries; return {ISO 3166-2 code: canonical name} of those given a `code`."""
    if not isinstance(node, dict):
        raise RulesError(f"{where}: places must map a canonical name to fields, e.g. Kyiv: {{type: city}}")
    coded: dict[str, str] = {}
    for name, fields in node.items():
        spot = location(node, name, where)
        if not isinstance(name, str) or not name.strip():
            raise RulesError(f"{spot}: a place name must be a word or phrase, got {name!r}")
        if fields is None:
            fields = LineDict()
        check_keys(fields, spot, ("type", "parent", "aliases", "demonyms", "code"))
        if "code" in fields:
            code = fields["code"]
            if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", code):
                raise RulesError(f"{location(fields, 'code', spot)}: code must be an ISO 3166-2 code, e.g. US-NY")
            coded[code] = name
        existing = entries.get(name)
        kind = fields.get("type", existing.type if existing else None)
        if kind is None:
            raise RulesError(f"{spot}: place {name!r} has no type; add type: one of {', '.join(sorted(types))}")
        if kind not in types:
            raise RulesError(f"{location(fields, 'type', spot)}: unknown type {kind!r} for {name!r}; "
                             f"use one of {', '.join(sorted(types))} (or add it to types)")
        parent = fields.get("parent", existing.parent if existing else None)
        if parent is not None and not isinstance(parent, str):
            raise RulesError(f"{location(fields, 'parent', spot)}: parent must be a place name")
        aliases = word_list(fields.get("aliases"), location(fields, "aliases", spot), "aliases")
        demonyms = word_list(fields.get("demonyms"), location(fields, "demonyms", spot), "demonyms")
        if existing:
            aliases, demonyms = existing.aliases + aliases, existing.demonyms + demonyms
        entries[name] = _Entry(name, kind, parent, aliases, demonyms, spot, _file_of(fields, spot))
    return coded


def _abbreviations(node, where: str, written: dict[str, str]) -> None:
    """Add abbreviations of region names ("Calif.": California) to `written`, by the region's ISO code."""
    if node is None:
        return
    if not isinstance(node, dict):
        raise RulesError(f"{where}: region_abbreviations must map an abbreviation to a region, e.g. Calif.: California")
    for short, name in node.items():
        code = written.get(_key(str(name)))
        if code is None:
            raise RulesError(f"{location(node, short, where)}: {name!r} is no first-level region of the countries "
                             f"under import.subdivisions")
        written[_key(str(short))] = code


def _check_parents(entries: dict[str, _Entry]) -> None:
    for entry in entries.values():
        if entry.parent is not None and entry.parent not in entries:
            raise RulesError(f"{entry.where}: unknown parent {entry.parent!r} for {entry.name!r}; "
                             f"give the canonical name of a place in the gazetteer (or add that place)")
    for entry in entries.values():
        seen = [entry.name]
        current = entry
        while current.parent is not None:
            if current.parent in seen:
                raise RulesError(f"{entry.where}: parents of {entry.name!r} go round in a circle "
                                 f"({' -> '.join(seen + [current.parent])}); one of them must contain the others")
            seen.append(current.parent)
            current = entries[current.parent]


def _default_file(path: str) -> bool:
    """Return True for names that come with the package (its rules folder, or pycountry)."""
    if path == "pycountry":
        return True
    return Path(path).resolve().parent == rules_module.default_rules_dir().resolve()


def _claim_name(table: dict[str, tuple[str, _Entry]], key: str, value: str, entry: _Entry, what: str) -> None:
    """Put key -> value in table unless taken: imported names yield, a user's file beats the defaults."""
    if key not in table or table[key][0] == value:
        table[key] = (value, entry)
        return
    held_value, held = table[key]
    if entry.imported:
        return
    if held.imported or (_default_file(held.file) and not _default_file(entry.file)):
        table[key] = (value, entry)
        return
    if _default_file(entry.file) and not _default_file(held.file):
        return
    raise RulesError(f"{entry.where}: {what} {key!r} of {entry.name!r} already names {held_value!r} "
                     f"({held.where}); keep it on one place")


def _index(entries: dict[str, _Entry], gaz: Gazetteer) -> None:
    names: dict[str, tuple[str, _Entry]] = {}
    demonyms: dict[str, tuple[str, _Entry]] = {}
    # Imported entries first, so that every hand-kept name can take over theirs.
    ordered = sorted(entries.values(), key=lambda e: not e.imported)
    for entry in ordered:
        gaz.places[entry.name] = Place(entry.name, entry.type or "area", entry.parent)
        for alias in dict.fromkeys([entry.name, *entry.aliases, *entry.lookup_only]):
            _claim_name(names, _fold(alias), entry.name, entry, "alias")
        for demonym in dict.fromkeys(entry.demonyms):
            for form in _plurals(demonym):
                _claim_name(demonyms, _fold(form), entry.name, entry, "demonym")
    gaz.names = {key: value for key, (value, _) in names.items()}
    gaz.demonyms = {key: value for key, (value, _) in demonyms.items()}
    longest = 1
    for entry in entries.values():
        for alias in dict.fromkeys([entry.name, *entry.aliases]):
            if gaz.names.get(_fold(alias)) != entry.name:
                continue
            for form in _variants(alias):
                gaz.surfaces.setdefault(form, entry.name)
            longest = max(longest, len(_WORD.findall(alias)) + alias.count("-") * 2 + alias.count(".") + 1)
        for demonym in entry.demonyms:
            for form in _plurals(demonym):
                if gaz.demonyms.get(_fold(form)) == entry.name:
                    for variant in _variants(form):
                        gaz.demonym_surfaces.setdefault(variant, entry.name)
    gaz.max_tokens = min(longest + 1, 14)
    gaz.surface_firsts = _first_words(gaz.surfaces, lower=False)
    gaz.demonym_firsts = _first_words(gaz.demonym_surfaces, lower=False)


def _geonames(node, where: str, gaz: Gazetteer) -> None:
    """Read the geonames section: which GeoNames places stand beside the rules (see troopclaims.extractors.geonames)."""
    from troopclaims.extractors.geonames import DATASETS   # a leaf module: its data is read only on first use

    node = check_keys(node if node is not None else LineDict(), where, ("cities", "counties", "blank_population"))
    cities = node.get("cities", False)
    if cities is False:
        cities = 0
    if isinstance(cities, bool) or cities not in DATASETS and cities != 0:
        raise RulesError(f"{location(node, 'cities', where)}: cities must be the smallest population to read, one "
                         f"of {', '.join(map(str, DATASETS))}, or false for none")
    counties = node.get("counties", False)
    if not isinstance(counties, bool):
        raise RulesError(f"{location(node, 'counties', where)}: counties must be true or false")
    population = node.get("blank_population", gaz.blank_population)
    if isinstance(population, bool) or not isinstance(population, int) or population < 0:
        raise RulesError(f"{location(node, 'blank_population', where)}: blank_population must be a whole number "
                         f"of people, e.g. 100000")
    gaz.geo_cities, gaz.geo_counties, gaz.blank_population = cities, counties and bool(cities), population


def _name_patterns(section: LineDict, where: str, types: list[str], gaz: Gazetteer) -> None:
    for name, target, fold in (("name_suffixes", gaz.name_suffixes, False), ("name_prefixes", gaz.name_prefixes, True)):
        node = section.get(name) or LineDict()
        spot = location(section, name, where)
        if not isinstance(node, dict):
            raise RulesError(f"{spot}: {name} must map a place type to words, e.g. street: [Street, Avenue]")
        for kind, words in node.items():
            kind_where = location(node, kind, spot)
            if kind not in types:
                raise RulesError(f"{kind_where}: unknown type {kind!r}; use one of {', '.join(types)}")
            for word in word_list(words, kind_where, f"{name}.{kind}"):
                target[_fold(word) if fold else _key(word)] = kind


def _word_lists(section: LineDict, where: str, types: list[str], gaz: Gazetteer) -> None:
    for name in LIST_SECTIONS:
        words = word_list(section.get(name), location(section, name, where), name)
        # Clause breaks are compared as written: a dash that ends a clause is no hyphen.
        setattr(gaz, name, frozenset(w.lower() if name == "clause_breaks" else _fold(w) for w in words))
    relations = section.get("relations") or LineDict()
    spot = location(section, "relations", where)
    check_keys(relations, spot, RELATIONS)
    for relation, words in relations.items():
        for word in word_list(words, location(relations, relation, spot), f"relations.{relation}"):
            gaz.relation_words[_fold(word)] = relation
    anaphora = section.get("anaphora") or LineDict()
    spot = location(section, "anaphora", where)
    check_keys(anaphora, spot, ("reach", "phrases", "not_before"))
    gaz.not_before = frozenset(_fold(w) for w in word_list(anaphora.get("not_before"),
                                                          location(anaphora, "not_before", spot), "not_before"))
    reach = anaphora.get("reach", 5)
    if not isinstance(reach, int) or isinstance(reach, bool) or reach < 0:
        raise RulesError(f"{location(anaphora, 'reach', spot)}: reach must be a whole number of sentences (0 or more)")
    gaz.reach = reach
    phrases = anaphora.get("phrases") or LineDict()
    if not isinstance(phrases, dict):
        raise RulesError(f"{location(anaphora, 'phrases', spot)}: phrases must map a phrase to place types")
    for phrase, allowed in phrases.items():
        phrase_where = location(phrases, phrase, spot)
        allowed = word_list(allowed, phrase_where, f"types of {phrase!r}")
        for kind in allowed:
            if kind not in types:
                raise RulesError(f"{phrase_where}: unknown type {kind!r}; use one of {', '.join(types)}")
        gaz.anaphora[_fold(str(phrase))] = tuple(allowed)


# ---------------------------------------------------------------------------------------------------------------
# Place mentions in a Doc


@dataclass
class _Found:
    start: int          # token indices, end exclusive
    end: int
    place: Place | None
    name: str
    relation: str | None = None
    anaphor: tuple[str, ...] = ()
    actor: bool = False
    cued: bool = False      # named after a locating word ("in the Kursk region"), not as an agent ("Kyiv holds")
    shape: bool = False     # found by the shape of its name (name_suffixes, name_prefixes, "X, <region>")
    geo: bool = False       # a GeoNames name found where the text uses it as a place (_geo_runs)


def _sentence_bounds(doc) -> list[tuple[int, int]]:
    """Return (start, end) token indices of each sentence in doc (the whole doc when none are set)."""
    key = "troopclaims.sentences"
    if key not in doc.user_data:
        try:
            doc.user_data[key] = [(sent.start, sent.end) for sent in doc.sents]
        except ValueError:
            doc.user_data[key] = [(0, len(doc))]
    return doc.user_data[key]


def _sentence_of(doc, i: int) -> tuple[int, int, int]:
    """Return (number, start, end) of the sentence that holds token i."""
    bounds = _sentence_bounds(doc)
    number = bisect_right(bounds, (i, len(doc) + 1)) - 1
    if number >= 0 and bounds[number][0] <= i < bounds[number][1]:
        return number, bounds[number][0], bounds[number][1]
    return 0, 0, len(doc)


_FIRST_WORD = re.compile(r"[ ,.'’-]")


def _entities(doc) -> tuple:
    """Return doc.ents, built once per doc (spaCy builds the spans anew on every access)."""
    key = "troopclaims.entities"
    if key not in doc.user_data:
        doc.user_data[key] = tuple(doc.ents)
    return doc.user_data[key]


def _tokens(doc) -> tuple[str, list[int], list[int], list[bool], list[str]]:
    """Return doc's text, token starts and ends, which tokens are spaces, and each token's first word (cached)."""
    key = "troopclaims.tokens"
    if key not in doc.user_data:
        text = doc.text
        doc.user_data[key] = (text, [t.idx for t in doc], [t.idx + len(t.text) for t in doc],
                              [t.is_space for t in doc], [_FIRST_WORD.split(t.text)[0] for t in doc])
    return doc.user_data[key]


def _first_words(table: dict[str, str], lower: bool) -> frozenset:
    """Return the first words of a table's keys, so that a scan skips tokens no key can start with."""
    return frozenset(_FIRST_WORD.split(k)[0].lower() if lower else _FIRST_WORD.split(k)[0] for k in table)


def _span_key(doc, start: int, end: int) -> str:
    text, starts, ends, _, _ = _tokens(doc)
    return _key(text[starts[start]:ends[end - 1]])


def _scan(doc, table: dict[str, str], longest: int, lower: bool = False, start: int = 0,
          stop: int | None = None, firsts: frozenset | None = None) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, value) for the longest non-overlapping token runs whose text is a key of table."""
    text, starts, ends, spaces, first = _tokens(doc)
    stop = len(doc) if stop is None else stop
    firsts = _first_words(table, lower) if firsts is None else firsts
    i = start
    while i < stop:
        word = first[i].lower() if lower else first[i]
        if spaces[i] or word not in firsts:
            i += 1
            continue
        for j in range(min(stop, i + longest), i, -1):
            if spaces[j - 1]:
                continue
            key = _key(text[starts[i]:ends[j - 1]])
            value = table.get(key.lower() if lower else key)
            if value is not None:
                yield i, j, value
                i = j
                break
        else:
            i += 1


def _phrase_at(doc, i: int, words: frozenset, longest: int = 4) -> int:
    """Return the end token of the longest phrase from words starting at token i (i when none)."""
    for j in range(min(len(doc), i + longest), i, -1):
        if _span_key(doc, i, j).lower() in words:
            return j
    return i


def _phrase_before(doc, end: int, words, longest: int = 6, floor: int = 0) -> int:
    """Return the start token of the longest phrase from words ending just before token end (end when none)."""
    for i in range(max(floor, end - longest), end):
        if _span_key(doc, i, end).lower() in words:
            return i
    return end


def _table(words: Iterable[str]) -> dict[str, str]:
    return {w: w for w in words}


def place_mentions(doc, gazetteer: Gazetteer) -> Iterator[PlaceMention]:
    """Yield the places named in doc, in text order: gazetteer names, NER places, and anaphora resolved.

    Works on the blank pipeline (gazetteer and word order only); with a statistical model its GPE, LOC and FAC
    entities are added and names inside PERSON and ORG entities are dropped.
    """
    for found in _mentions(doc, gazetteer):
        if found.actor or found.place is None and not found.name:
            continue
        yield _mention(doc, found)


def _mention(doc, found: _Found) -> PlaceMention:
    return PlaceMention(doc[found.start].idx, doc[found.end - 1].idx + len(doc[found.end - 1].text),
                        found.place, found.name, found.relation or "in")


def _mentions(doc, gaz: Gazetteer) -> list[_Found]:
    """Return every place-like run in doc (actors marked), relations set and anaphora resolved.

    Each step adds only runs that overlap none found before it: gazetteer names first, then demonym phrases, a
    lone "front", anaphora, names read from their shape, NER places, GeoNames names and repeats of names found.
    """
    if not len(doc):
        return []
    found: list[_Found] = []
    taken: set[int] = set()
    _add_listed_names(doc, gaz, found, taken)
    _add_demonym_places(doc, gaz, found, taken)
    _add_lone_fronts(doc, gaz, found, taken)
    _add_anaphora(doc, gaz, found, taken)
    _add_named_runs(doc, gaz, found, taken)
    for item in found:
        _extend_direction(doc, item, gaz)
    _drop_inside_names(doc, found)
    _add_entities(doc, gaz, found, taken)
    for item in _geo_runs(doc, gaz, found, taken):
        _add(found, taken, item)
    _repeat_names(doc, found, taken)
    _place_unlisted(doc, found, gaz)
    for item in found:
        if not item.actor and _modifies_people(doc, item, gaz):
            item.actor = True
    _mark_listed_origins(doc, found, gaz)
    found.sort(key=lambda f: f.start)
    for item in found:
        item.cued = _cue_before(doc, item.start, gaz)
        if item.relation is None:
            item.relation = _relation(doc, item, gaz)
    _resolve_anaphora(doc, found, gaz)
    return [f for f in found if f.place is not None or f.name]


def _add(found: list[_Found], taken: set[int], item: _Found) -> None:
    """Add a run to found unless one of its tokens is taken by a run found before."""
    if any(i in taken for i in range(item.start, item.end)):
        return
    found.append(item)
    taken.update(range(item.start, item.end))


def _add_listed_names(doc, gaz: Gazetteer, found: list[_Found], taken: set[int]) -> None:
    """Add the names the gazetteer lists, with "front" or "border" after them ("Kursk front", "Russian border")."""
    fronts, borders = _table(gaz.fronts), _table(gaz.borders)
    for start, end, name in _scan(doc, gaz.surfaces, gaz.max_tokens, firsts=gaz.surface_firsts):
        place = gaz.places[name]
        relation = None
        after = _phrase_at(doc, end, fronts)
        if after > end and not (place.type == "country" and _phrase_at(doc, end, borders) > end):
            relation, end = "front", after
            if place.type == "front":
                relation = None
        elif place.type == "country" and _phrase_at(doc, end, borders) > end:
            end, place, relation = _phrase_at(doc, end, borders), gaz.border(place.name), "border"
            name = place.name
        item = _Found(start, end, place, name, relation)
        if end < len(doc) and doc[end].lower_ in gaz.actor_nouns and place.type not in ("front", "border"):
            item.actor = True  # "DPRK troops", "U.S. officials": who, not where
        _add(found, taken, item)


def _add_demonym_places(doc, gaz: Gazetteer, found: list[_Found], taken: set[int]) -> None:
    """Add demonyms that name a place: before a border, a front or an area noun ("the Ukrainian border")."""
    fronts, borders = _table(gaz.fronts), _table(gaz.borders)
    for start, end, country in _scan(doc, gaz.demonym_surfaces, 4, firsts=gaz.demonym_firsts):
        if any(i in taken for i in range(start, end)):
            continue
        stop = end
        # "Russian-Ukrainian front": a pair of demonyms shares the noun that follows.
        if stop + 1 < len(doc) and _key(doc[stop].text) in ("-", "/") and doc[stop + 1].text in gaz.demonym_surfaces:
            stop += 2
        if _phrase_at(doc, stop, borders) > stop:
            border = gaz.listed(_span_key(doc, start, _phrase_at(doc, stop, borders)))
            place = border or gaz.border(country)
            _add(found, taken, _Found(start, _phrase_at(doc, stop, borders), place, place.name, "border"))
        elif _phrase_at(doc, stop, fronts) > stop:
            place = gaz.listed("front line")
            _add(found, taken, _Found(start, _phrase_at(doc, stop, fronts), place,
                                      place.name if place else "front line", "front"))
        elif stop < len(doc) and doc[stop].lower_ in gaz.area_nouns:
            place = gaz.places.get(country)
            if place is not None:
                _add(found, taken, _Found(start, stop + 1, place, place.name))


def _add_lone_fronts(doc, gaz: Gazetteer, found: list[_Found], taken: set[int]) -> None:
    """Add "the front" after a locating word ("at the front"): the front line, named by no place."""
    front = gaz.listed("front line")
    for start, end, _ in _scan(doc, _table(gaz.front_alone), 2, lower=True):
        if front is None or start < 2 or any(i in taken for i in range(start, end)):
            continue
        before, after = doc[start - 1].lower_, doc[end].lower_ if end < len(doc) else ""
        if before == "the" and doc[start - 2].lower_ in gaz.locating and after not in ("of", "-"):
            _add(found, taken, _Found(start, end, front, front.name))


def _add_anaphora(doc, gaz: Gazetteer, found: list[_Found], taken: set[int]) -> None:
    """Add the phrases that point back to a place ("the region"), resolved later by _resolve_anaphora."""
    anaphora = _table(gaz.anaphora)
    for start, end, phrase in _scan(doc, anaphora, 3, lower=True):
        if not any(i in taken for i in range(start, end)) and not _describes(doc, end, gaz):
            _add(found, taken, _Found(start, end, None, "", anaphor=gaz.anaphora[phrase]))


def _add_named_runs(doc, gaz: Gazetteer, found: list[_Found], taken: set[int]) -> None:
    """Add the names read from their shape; a longer one replaces the gazetteer names inside it."""
    for item in _named_runs(doc, gaz):
        inside = [f for f in found if item.start <= f.start and f.end <= item.end and not f.anaphor]
        if any(i in taken for i in range(item.start, item.end) if not any(f.start <= i < f.end for f in inside)):
            continue
        for f in inside:   # "Jamaica Hospital" is the hospital, not the country
            found.remove(f)
            taken.difference_update(range(f.start, f.end))
        _add(found, taken, item)


def _add_entities(doc, gaz: Gazetteer, found: list[_Found], taken: set[int]) -> None:
    """Add the model's GPE, LOC and FAC entities that no earlier step found (none on the blank pipeline)."""
    if not annotated(doc, "ENT_IOB"):
        return
    people = _person_words(doc)
    for ent in _entities(doc):
        if ent.label_ not in NER_LABELS or any(i in taken for i in range(ent.start, ent.end)):
            continue
        item = _from_entity(doc, ent, gaz)
        if item is not None and item.place is None and _span_key(doc, item.start, item.end) in people:
            continue   # "Jackman" after "Hugh Jackman": a person the model took for a place
        if item is not None:
            _add(found, taken, item)


def _geo_runs(doc, gaz: Gazetteer, found: list[_Found], taken: set[int]) -> Iterator[_Found]:
    """Yield the names of GeoNames places that the text uses as places (place left for _place_unlisted).

    A name must be a whole run of capitalised words, no common word of the text, outside the names of people
    and organisations, and stand where a place stands: after a locating word ("in Burnsville", "from Baytown")
    or before "-based". After a locating word that is enough with a parse when the words are proper nouns;
    without one (or in a headline in title case) the place must also be large (blank_population) or lie in a
    country or region the text names.
    """
    geo = gaz.geo
    if geo is None:
        return
    tagged, parsed = annotated(doc, "POS"), annotated(doc, "DEP")
    lower = set(_LOWER_WORD.findall(doc.text))
    entities = annotated(doc, "ENT_IOB")
    others = [ent for ent in _entities(doc) if ent.label_ not in NER_LABELS] if entities else []
    people = _person_words(doc) if entities else set()
    by_start = {f.start: f for f in found}
    ends = {f.end for f in found if f.place is not None and not f.actor}
    context = None
    for start, end in _capital_runs(doc, gaz):
        key = _span_key(doc, start, end)
        if key not in geo or any(i in taken for i in range(start, end)) or not _whole_run(doc, start, end, gaz):
            continue
        if key.casefold() in gaz.not_places or key in gaz.demonym_surfaces or key in people or \
                (end - start == 1 and doc[start].lower_ in lower):
            continue   # "March"; "Mobile" beside "mobile phones"; "Thompson" after "Tony Thompson"
        cue = _locating_before(doc, start, gaz) or _listed_after_place(doc, start, ends)
        hometown = cue == "of" and start >= 2 and doc[start - 2].ent_type_ == "PERSON"   # "Jane Doe of Baytown"
        entity = next((ent for ent in others if ent.start < end and start < ent.end), None)
        if entity is not None and not (entity.label_ == "ORG" and _clean_entity(doc, entity) == (start, end)
                                       and (cue not in _ORG_CUES or hometown)):
            continue   # "Florence Nightingale"; an ORG that is just the name may be a place ("in Huntsville")
        if parsed and _modifies_noun(doc, start, end, gaz):
            continue   # "Molotov cocktails", "a Reading man"; "the Baytown area" stays
        based = end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based"
        placed = [c for c in _containers_after(doc, end, gaz, by_start)
                  if any(gaz._inside(g, c.name) for g in geo.candidates(key))]
        if placed:
            ends.add(end)
            yield _Found(start, end, None, key, geo=True)   # "Rancho Mirage, Calif.": the text places it
            continue
        if not (based or cue):
            continue
        proper = tagged and all(t.pos_ == "PROPN" for t in doc[start:end]) and not _title_case(doc, start)
        if not proper or (cue == "of" and not hometown) or key not in geo.names:
            # Without a parse, after "of", or for another spelling ("Derna"): large, or in a place named.
            if context is None:
                context = _context(found, gaz)
            if not any((c.population >= gaz.blank_population and key in geo.names)
                       or any(name in context for name in gaz._containers(c)) for c in geo.candidates(key)):
                continue
        ends.add(end)
        yield _Found(start, end, None, key, geo=True)


def _listed_after_place(doc, start: int, ends: set[int]) -> str | None:
    """Return "and" when a name follows "and"/"or" after a place ("in Atlanta, Georgia, and Seattle")."""
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


# Words after which a name the model tags ORG is taken for the organisation ("at Harvard", "at Mayo"); the
# small model tags many towns ORG, and "in", "from", "to", "of" Huntsville, Yeovil, Rancho Mirage, Queens are towns.
_ORG_CUES = frozenset({None, "at", "on", "with", "for", "by"})
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")


def _capital_runs(doc, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of the runs of capitalised words in doc (joined by hyphens), each within a sentence.

    A name must be a whole run, so each run is looked up once; locating words ("Near") and `not_places`
    ("Tuesday") end a run."""
    _, _, _, _, first = _tokens(doc)

    def name_word(i: int) -> bool:
        if not first[i][:1].isupper():
            return False
        token = doc[i]
        return _capital(token) and token.lower_ not in gaz.locating and token.lower_ not in gaz.not_places

    i = 0
    for i0 in [k for k, word in enumerate(first) if word[:1].isupper()]:
        if i0 < i or not name_word(i0):
            continue
        i = i0
        sent_end = _sentence_of(doc, i)[2]
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
    floor = _sentence_of(doc, start)[1]
    if start > floor and _capital(doc[start - 1]) and doc[start - 1].lower_ not in gaz.locating:
        return False
    if start - 2 >= floor and doc[start - 1].lower_ == "of" and _capital(doc[start - 2]) \
            and doc[start - 2].ent_type_ != "PERSON":
        return False   # "University of Reading", "Bank of Florence"; not "Jane Doe of Baytown"
    if end + 1 < len(doc) and doc[end].lower_ == "of" and _capital(doc[end + 1]):
        return False   # "Union of Concerned Scientists"
    if end < len(doc) and _capital(doc[end]) and not doc[end].is_space \
            and doc[end].lower_ not in gaz.not_places:
        return False
    if end < len(doc) and doc[end].text[:1].isdigit() and any(c.isalpha() for c in doc[end].text):
        return False   # "Philadelphia 76ers"
    if end + 1 < len(doc) and doc[end].text in ("'s", "’s") and _capital(doc[end + 1]):
        return False   # "Sam's Club"
    return True


def _locating_before(doc, start: int, gaz: Gazetteer) -> str | None:
    """Return the locating word right before a name (past determiners), or None: "in", "near", "from"."""
    i = start
    while i > 0 and doc[i - 1].lower_ in gaz.determiners:
        i -= 1
    if i == 0:
        return None
    word = doc[i - 1].lower_
    if word == "to" and i >= 2 and doc[i - 2].lower_ in ("according", "due", "owing", "thanks"):
        return None
    if word in gaz.locating or word in gaz.relation_words or word in ("from", "out"):
        return word
    return None


def _title_case(doc, i: int) -> bool:
    """Return True when the sentence of token i capitalises all its longer words (a headline in title case)."""
    _, start, end = _sentence_of(doc, i)
    words = [t for t in doc[start:end] if t.is_alpha and len(t) > 3 and not t.is_stop]
    return len(words) >= 3 and all(t.text[0].isupper() for t in words)


def _context(found: list[_Found], gaz: Gazetteer) -> frozenset:
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


def _place_unlisted(doc, found: list[_Found], gaz: Gazetteer) -> None:
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
        surface = _span_key(doc, item.start, item.end)
        place, container = next(((p, c) for c in containers for p in [gaz.unlisted(surface, context, within=c)]
                                 if p), (None, None))
        after = by_start.get(item.end + 1)
        if container is not None and after is not None and after.place is not None and after.place != container:
            after.place, after.name = container, container.name   # "Atlanta, Georgia": the state, not the country
        if place is None and item.place is None:
            place = gaz.unlisted(surface, context) or (gaz.unlisted(item.name, context)
                                                       if item.name != surface else None)
        if place is not None:
            item.place, item.name = place, place.name


def _containers_after(doc, end: int, gaz: Gazetteer, by_start: dict[int, _Found]) -> list[Place]:
    """Return the places "Name, X" may put a name in: X as a region name, abbreviation or postal code ("Calif.",
    "TX"), and the region or country found at X ("Oregon", "Georgia" the country)."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return []
    places = []
    stop = _written_region_end(doc, end + 1, gaz)
    code = gaz.region_written[_span_key(doc, end + 1, stop)] if stop else None
    if code in gaz.region_codes:
        places.append(gaz.places[gaz.region_codes[code]])
    item = by_start.get(end + 1)
    if item is not None and item.place is not None and item.place.type in ("region", "country") \
            and item.place not in places:
        places.append(item.place)
    return places


def _describes(doc, end: int, gaz: Gazetteer) -> bool:
    """Return True when "the area" goes on to say which area ("the area where ...", "the region of Kursk")."""
    if end >= len(doc):
        return False
    if doc[end].lower_ in gaz.not_before:
        return True
    # "the state television", "the area commander": a modifier, not a place
    return annotated(doc, "DEP") and doc[end - 1].dep_ in ("compound", "amod", "nmod")


def _repeat_names(doc, found: list[_Found], taken: set[int]) -> None:
    """Add the other occurrences of the names of places found only by shape or NER (one sense per text).

    A name the model found goes only where the model saw no person or organisation; a name found by its shape
    ("the port city of Bandar Abbas") goes anywhere it is not part of a longer name.
    """
    names = {_span_key(doc, f.start, f.end): f for f in found
             if f.place is None and not f.anaphor and not f.actor and f.name
             and (not f.geo or annotated(doc, "ENT_IOB"))}   # without NER, each use needs its own evidence
    if not names:
        return
    named = [ent for ent in _entities(doc) if ent.label_ in NAME_LABELS]
    table = {key: f.name for key, f in names.items()}
    longest = max(len(_WORD.findall(key)) + key.count("-") * 2 + key.count("'") + 1 for key in table)
    for start, end, _ in list(_scan(doc, table, longest, firsts=_first_words(table, lower=False))):
        source = names[_span_key(doc, start, end)]
        if any(i in taken for i in range(start, end)):
            continue
        if any(ent.start < end and start < ent.end and (not source.shape or len(ent) > end - start)
               for ent in named):
            continue
        _add(found, taken, _Found(start, end, None, source.name, shape=source.shape, geo=source.geo))


def _mark_listed_origins(doc, found: list[_Found], gaz: Gazetteer) -> None:
    """Mark "Baltimore, Md., native" as who, not where: places in a comma list that ends on a person noun."""
    by_start = {f.start: f for f in found}
    for item in found:
        if item.end + 1 >= len(doc) or doc[item.end].text != ",":
            continue
        nxt = by_start.get(item.end + 1)
        stop = nxt.end if nxt is not None else _written_region_end(doc, item.end + 1, gaz)
        if stop is None or stop + 1 >= len(doc) or doc[stop].text != ",":
            continue
        if doc[stop + 1].lower_ in gaz.actor_nouns:
            item.actor = True
            if nxt is not None:
                nxt.actor = True


def _written_region_end(doc, start: int, gaz: Gazetteer) -> int | None:
    """Return the end of a region name, abbreviation or postal code written from token start ("Md."), or None."""
    for size in (3, 2, 1):
        if start + size <= len(doc) and _span_key(doc, start, start + size) in gaz.region_written:
            return start + size
    return None


def _person_words(doc) -> set[str]:
    """Return the PERSON entities of doc and their last words (surnames), as written."""
    names = set()
    for ent in _entities(doc):
        words = [t.text for t in ent if t.is_alpha]
        if ent.label_ == "PERSON" and words:
            names.add(" ".join(words))
            names.add(words[-1])
    return names


def _modifies_people(doc, item: _Found, gaz: Gazetteer) -> bool:
    """Return True when a place name says who people are ("Texas prisoner", "DPRK troops"), not where.

    Fronts and borders stay places ("frontline troops" are at the front). With a parse, a front that modifies
    any other noun is no place either ("front line starters").
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
    while token.dep_ == "appos" and steps < 3:     # "the Baltimore, Md., native"
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


def _named_runs(doc, gaz: Gazetteer) -> Iterator[_Found]:
    """Yield places no gazetteer lists, read from the shape of their names.

    Capitalised words before a name suffix ("Carson Street", "Qeshm Island"; facilities only after a locating
    word), after a name prefix ("the town of Dargahan"), or before ", <known region or country>"
    ("Woodburn, Oregon").
    """
    _, _, _, spaces, _ = _tokens(doc)
    for i, token in enumerate(doc):
        kind = gaz.name_suffixes.get(token.text)
        if kind is None or i == 0:
            continue
        start = _run_start(doc, i)
        if start == i:
            continue
        if kind == "facility" and _locating_before(doc, start, gaz) is None:
            continue
        if i + 1 < len(doc) and _capital(doc[i + 1]) and not doc[i + 1].is_space:
            continue   # the suffix sits inside a longer name or a headline ("Kraft Factory Shooting")
        name = _span_key(doc, start, i + 1)
        place = gaz.listed(name)
        yield _Found(start, i + 1, place, place.name if place else name, shape=place is None)
    for start, end, kind in _scan(doc, _table(gaz.name_prefixes), 4, lower=True):
        stop = _run_end(doc, end)
        if stop > end:
            name = _span_key(doc, end, stop)
            place = gaz.listed(name)
            yield _Found(end, stop, place, place.name if place else name, shape=True)
    for i, token in enumerate(doc):
        if token.text != "," or i == 0 or i + 1 >= len(doc):
            continue
        start = _run_start(doc, i)
        if start == i or (start == _sentence_of(doc, start)[1] and not annotated(doc, "POS")):
            continue
        if annotated(doc, "POS") and any(t.pos_ != "PROPN" for t in doc[start:i] if t.text not in ("-", "'s")):
            continue
        after = [(a, b, n) for a, b, n in _scan(doc, gaz.surfaces, gaz.max_tokens, start=i + 1,
                                                stop=min(len(doc), i + 1 + gaz.max_tokens), firsts=gaz.surface_firsts)]
        if after and after[0][0] == i + 1 and gaz.places[after[0][2]].type in ("region", "country") \
                and gaz.listed(_span_key(doc, start, i)) is None:
            yield _Found(start, i, None, _span_key(doc, start, i), shape=True)


_CONNECTORS = frozenset({"-", "'s", "’s"})


def _capital(token) -> bool:
    """Return True for a word that can be part of a name: capitalised and no function word, or a street number."""
    text = token.text
    if re.fullmatch(r"\d+(st|nd|rd|th)?", text):
        return True
    return text[:1].isupper() and any(c.isalpha() for c in text) and not token.is_stop


def _run_start(doc, end: int) -> int:
    """Return where the run of capitalised words before token end begins (end when there is none)."""
    start = end
    i = end - 1
    floor = _sentence_of(doc, end - 1 if end else 0)[1]
    while i >= floor and i >= end - 6:
        token = doc[i]
        if _capital(token) and token.lower_ not in ("the", "a", "an"):
            start = i
        elif token.lower_ in _CONNECTORS and i - 1 >= floor and _capital(doc[i - 1]) and start == i + 1:
            pass
        else:
            break
        i -= 1
    while start < end and doc[start].lower_ in _CONNECTORS:
        start += 1
    return start


def _run_end(doc, start: int) -> int:
    """Return where the run of capitalised words from token start ends (start when there is none)."""
    end = start
    while end < len(doc) and end < start + 5 and _capital(doc[end]) and not doc[end].is_space:
        end += 1
    return end


def _extend_direction(doc, item: _Found, gaz: Gazetteer) -> None:
    if item.place is None or item.actor:
        return
    start = _phrase_before(doc, item.start, gaz.directions, longest=3)
    if start < item.start and _sentence_of(doc, start)[1] == _sentence_of(doc, item.start)[1]:
        item.start = start


def _drop_inside_names(doc, found: list[_Found]) -> None:
    """Mark as non-places the gazetteer names that sit inside a longer PERSON or ORG entity."""
    if not annotated(doc, "ENT_IOB"):
        return
    for ent in _entities(doc):
        if ent.label_ not in NAME_LABELS:
            continue
        for item in found:
            inside = ent.start <= item.start and item.end <= ent.end and (ent.end - ent.start) > (item.end - item.start)
            if inside and item.place is not None:
                item.actor = True


def _clean_entity(doc, ent) -> tuple[int, int]:
    start, end = ent.start, ent.end
    while start < end and (doc[start].lower_ in ("the",) or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", ".", ",") or doc[end - 1].is_punct
                           or doc[end - 1].is_space):
        end -= 1
    return start, end


def _from_entity(doc, ent, gaz: Gazetteer) -> _Found | None:
    start, end = _clean_entity(doc, ent)
    if start >= end:
        return None
    trimmed = end
    while end - 1 > start and doc[end - 1].lower_ in gaz.actor_nouns:
        end -= 1   # "Genesee County Sheriff": the place says whose sheriff
    text = _span_key(doc, start, end)
    place = gaz.listed(text)
    if trimmed != end:
        return _Found(start, end, place, place.name if place else text, actor=True)
    if place is None and (gaz.actor(text) or _fold(text) in gaz.directions):
        return None  # "Ukrainian" tagged as a place, or "the West": not a place in the gazetteer's sense
    if place is None and not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[start:end]):
        return None
    return _Found(start, end, place, place.name if place else text)


def _relation(doc, item: _Found, gaz: Gazetteer) -> str:
    """Return near or in from the words before a mention; fronts give front and borders border unless near."""
    i = item.start
    floor = _sentence_of(doc, i)[1]
    while i > floor and doc[i - 1].lower_ in gaz.determiners:
        i -= 1
    start = _phrase_before(doc, i, gaz.relation_words, floor=floor)
    said = gaz.relation_words.get(_span_key(doc, start, i).lower()) if start < i else None
    if said == "near":
        return "near"
    if item.place is not None and item.place.type in ("front", "border"):
        return item.place.type
    return said or "in"


def _cue_before(doc, start: int, gaz: Gazetteer, window: int = 4) -> bool:
    """Return True when a locating word stands at most `window` words before token start, in its clause."""
    floor = _sentence_of(doc, start)[1]
    for i in range(start - 1, max(floor, start - window) - 1, -1):
        word = doc[i].lower_
        if word in gaz.locating or word in gaz.relation_words:
            return word != "of" or i > 0 and doc[i - 1].lower_ in gaz.area_nouns
        if doc[i].is_punct and word not in ("-", "'s"):
            return False
    return False


def _resolve_anaphora(doc, found: list[_Found], gaz: Gazetteer) -> None:
    sentence_of = {}
    for number, (start, end) in enumerate(_sentence_bounds(doc)):
        for i in range(start, end):
            sentence_of[i] = number
    history: list[_Found] = []
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


# ---------------------------------------------------------------------------------------------------------------
# The place each claim is about


def locate(doc, claims: Iterable[Claim], gazetteer: Gazetteer) -> list[Claim]:
    """Return the claims with place (canonical name), relation and actor filled where the text gives them.

    With a dependency parse the place comes from the claim's own clause, attached by a locating preposition;
    on the blank pipeline from the first place after the claim in the same clause with a preposition before it.
    """
    claims = list(claims)
    if not claims or not len(doc):
        return claims
    found = sorted(_mentions(doc, gazetteer), key=lambda item: item.start)
    starts = [item.start for item in found]
    parsed = annotated(doc, "DEP")
    spans = [_claim_span(doc, claim) for claim in claims]
    heads = {span.root.i for span in spans if span is not None}
    claim_starts = sorted(span.start for span in spans if span is not None)
    order = sorted(range(len(claims)), key=lambda k: claims[k].start)
    results: list[Claim] = list(claims)
    previous: tuple[int, str | None] | None = None   # (sentence start, actor) of the last claim
    for k in order:
        claim, span = claims[k], spans[k]
        if span is None:
            continue
        _, sent_start, sent_end = _sentence_of(doc, span.start)
        # A claim's actor and place come from its own sentence (anaphora were resolved when mentions were found).
        near = found[bisect_left(starts, sent_start):bisect_left(starts, sent_end)]
        actor, actor_items = _actor(doc, claim, span, near, gazetteer)
        if actor is None and previous and previous[0] == sent_start and _refers_back(span):
            actor = previous[1]
        candidates = [f for f in near if not f.actor and all(f is not a for a in actor_items)]
        if parsed:
            chosen = _by_parse(doc, span, candidates, heads - {span.root.i}, gazetteer)
        else:
            chosen = _by_order(doc, span, candidates, claim_starts, gazetteer)
        changes = {}
        if chosen is not None:
            changes.update(place=chosen.name, relation=chosen.relation or "in")
        if actor and not claim.actor:
            changes["actor"] = actor
        results[k] = claim.with_fields(**changes) if changes else claim
        previous = (sent_start, actor or claim.actor)
    return results


def _claim_span(doc, claim: Claim):
    size = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0   # len(doc.text) rebuilds the text
    if claim.start >= size or claim.end <= claim.start:
        return None
    return doc.char_span(claim.start, min(claim.end, size), alignment_mode="expand")


def _refers_back(span) -> bool:
    return any(t.lower_ in ("them", "those", "these", "whom", "which") for t in span)


def _actor(doc, claim: Claim, span, found: list[_Found], gaz: Gazetteer) -> tuple[str | None, list[_Found]]:
    """Return the actor a claim's words name (demonym, "from X", "X's") and the mentions used up as actor."""
    stop = span.end
    head = span.root
    if annotated(doc, "DEP") and head.dep_ == "nummod" and head.head.i >= span.end:
        stop = head.head.i + 1   # "10,000" counting "North Korean troops" written after it
    for start, end, country in _scan(doc, gaz.demonym_surfaces, 4, start=span.start, stop=stop,
                                     firsts=gaz.demonym_firsts):
        if not (end < len(doc) and doc[end].lower_ in gaz.area_nouns):
            return country, []
    for item in found:
        if item.actor and span.start <= item.start < stop and item.place is not None:
            return (gaz.actor(item.place.name) or item.place.name), []
    if claim.subject:
        for word in _subject_runs(claim.subject):
            country = gaz.demonyms.get(_fold(word))
            if country:
                return country, []
    for item in found:
        if item.place is None or item.place.type != "country":
            continue
        # "soldiers from North Korea", "troops of the DPRK": the country the counted people come from.
        gap = item.start - 1
        while gap > span.end and doc[gap].lower_ in gaz.determiners:
            gap -= 1
        if span.end - 1 <= gap < span.end + 3 and doc[gap].lower_ in ("from", "of") and gap >= span.start:
            return item.place.name, [item]
        if gap >= span.end and gap <= span.end + 1 and doc[gap].lower_ in ("from", "of") and _counts_people(span, gaz):
            return item.place.name, [item]
        # "North Korea's troops"
        if item.end < len(doc) and doc[item.end].text in ("'s", "’s") and item.end + 1 == span.start:
            return item.place.name, [item]
        if item.end < len(doc) and doc[item.end].text in ("'s", "’s") and span.start <= item.start < span.end:
            if item.end + 1 < len(doc) and doc[item.end + 1].lower_ not in gaz.area_nouns:
                return item.place.name, [item]
    return None, []


def _counts_people(span, gaz: Gazetteer) -> bool:
    return any(t.lower_ in gaz.actor_nouns for t in span)


def _subject_runs(text: str) -> Iterator[str]:
    words = _WORD.findall(text)
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            yield " ".join(words[i:i + size])


def _by_parse(doc, span, candidates: list[_Found], other_heads: set[int], gaz: Gazetteer) -> _Found | None:
    """Return the mention the parse attaches to the claim's clause by a locating word, nearest in the tree."""
    head = span.root
    verb = _clause_head(head)
    scope = _scope(doc, verb, span, gaz)
    scored = []
    for item in candidates:
        root = doc[item.start:item.end].root
        if root.i not in scope and not (span.start <= item.start < span.end):
            continue
        governor = _locating_governor(doc, root, item, candidates, gaz)
        if governor is None:
            continue
        distance = _tree_distance(head, root, other_heads)
        if distance is None:
            continue
        after = 0 if item.start >= span.start else 1
        scored.append((distance, after, abs(item.start - span.end), item, governor))
    where_item = _relative_where(doc, verb, candidates)
    if where_item is not None:
        scored.append((1, 0, 0, where_item, None))
    if not scored:
        return None
    scored.sort(key=lambda s: s[:3])
    best = scored[0]
    # Prefer the inner of two places given together ("in the Kursk region in western Russia").
    for other in scored[1:]:
        item, governor = other[3], other[4]
        if other[0] > best[0] + 2 or item.place is None or best[3].place is None or governor is None:
            continue
        beside = best[4] is not None and governor.i == best[4].i
        attached = best[3].start <= governor.i < best[3].end
        if (beside or attached) and item.place.name != best[3].place.name \
                and gaz.contains(best[3].place.name, item.place.name):
            best = other
    return best[3]


def _clause_head(token):
    """Return the verb of the clause a token sits in (climbing from a noun to its predicate)."""
    current = token
    steps = 0
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i and steps < 50:
        if current.dep_ in CLAUSE_DEPS:
            break
        current = current.head
        steps += 1
    return current


def _scope(doc, verb, span, gaz: Gazetteer) -> set[int]:
    """Return the token indices of the clause around a claim, without nested clauses and the speaker's part."""
    claim_tokens = set(range(span.start, span.end))
    speech = verb.lemma_.lower() in gaz.speech_verbs
    scope: set[int] = set()
    stack = [verb]
    while stack:
        token = stack.pop()
        scope.add(token.i)
        for child in token.children:
            holds_claim = child.left_edge.i <= span.root.i <= child.right_edge.i
            if not holds_claim:
                if child.dep_ in CLAUSE_DEPS and not (child.dep_ == "relcl" and token.i in claim_tokens):
                    continue
                if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and any(
                        c.dep_.startswith("nsubj") for c in child.children):
                    continue
                if speech and token.i == verb.i and (child.dep_.startswith("nsubj") or child.right_edge.i < span.start):
                    continue
            stack.append(child)
    return scope


def _locating_governor(doc, root, item: _Found, candidates: list[_Found], gaz: Gazetteer):
    """Return the token a place hangs from when a locating word attaches it (None when it is no location)."""
    token = root
    steps = 0
    while token.dep_ in ("conj", "appos", "compound", "amod", "nmod", "npadvmod") and token.head.i != token.i \
            and steps < 6:
        if token.dep_ in ("compound", "amod") and token.head.i in range(item.start, item.end):
            break
        token = token.head
        steps += 1
    if token.dep_ == "pobj":
        prep = token.head
        word = prep.lower_
        if word not in gaz.locating:
            return None
        if word == "of":
            for other in candidates:
                if other is not item and other.place is not None and other.start <= prep.head.i < other.end:
                    return None   # "the Kursk region of Russia": Russia only says where the region is
        return prep.head
    if token.dep_ == "poss":
        head = token.head
        if head.lower_ in gaz.area_nouns:
            return head
        return None
    if token.dep_ in ("advmod",) and item.relation in ("near", "front"):
        return token.head
    return None


def _tree_distance(a, b, blocked: set[int]) -> int | None:
    """Return the number of arcs between two tokens; None when the path runs through another claim's head."""
    path_a = [a] + list(a.ancestors)
    index_a = {t.i: n for n, t in enumerate(path_a)}
    up = 0
    current = b
    seen = []
    while current.i not in index_a:
        seen.append(current.i)
        if current.head.i == current.i:
            return None
        current = current.head
        up += 1
    lca_depth = index_a[current.i]
    path = seen + [t.i for t in path_a[:lca_depth]]
    if any(i in blocked for i in path if i != a.i):
        return None
    return up + lca_depth


def _relative_where(doc, verb, candidates: list[_Found]) -> _Found | None:
    """Return the place a relative "where" clause hangs from ("the Kursk region, where 8,000 ... are")."""
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return None
    for item in candidates:
        if item.start <= verb.head.i < item.end and item.place is not None:
            return item
    return None


def _by_order(doc, span, candidates: list[_Found], starts: list[int], gaz: Gazetteer) -> _Found | None:
    """Return the first place after the claim in its clause with a locating word before it (no parse).

    `starts` are the sorted first tokens of all claims of the doc."""
    _, _, sent_end = _sentence_of(doc, span.start)
    limit = sent_end
    for i in range(span.end, sent_end):
        if doc[i].lower_ in gaz.clause_breaks:
            limit = i
            break
    later = bisect_left(starts, span.end)
    if later < len(starts) and starts[later] < limit:
        limit = starts[later]     # a later claim owns what follows it
    for item in sorted(candidates, key=lambda f: f.start):
        if not (span.start <= item.start < limit):
            continue
        if _cued(doc, item, gaz, floor=span.start, claim_end=span.end):
            return item
    return None


def _cued(doc, item: _Found, gaz: Gazetteer, floor: int, claim_end: int) -> bool:
    """Return True when a locating word stands before a mention (past determiners): "in the", "close to"."""
    if item.place is not None and item.place.type in ("front", "border"):
        return True
    i = item.start
    while i > floor and doc[i - 1].lower_ in gaz.determiners:
        i -= 1
    for size in (3, 2, 1):
        if i - size < floor:
            continue
        words = _span_key(doc, i - size, i).lower()
        if words == "of":
            # "780 square kilometres of X", "the territory of X": of after what the claim counts or a land noun
            return i - 1 <= claim_end or doc[i - 2].lower_ in gaz.area_nouns
        if words in gaz.locating or words in gaz.relation_words:
            return True
    return False


# ---------------------------------------------------------------------------------------------------------------
# Place claims for `extract --kind place`


def place_claims(doc, article: Article, gazetteer: Gazetteer) -> Iterator[Claim]:
    """Yield a claim of kind "place" for every place mention: place is the canonical name, unit the place's type,
    subject the canonical name of the place that contains it."""
    for mention in place_mentions(doc, gazetteer):
        place = mention.place
        yield new_claim(article, doc, mention.start, mention.end, "place", place=mention.name,
                        relation=mention.relation, unit=place.type if place else None,
                        subject=place.parent if place else None)
