"""The gazetteer built from rules/places.yaml: a builder per section (import, places, region abbreviations,
geonames, name patterns, word lists); RulesError names the file and line of anything wrong."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from troopclaims import rules as rules_module
from troopclaims.errors import RulesError
from troopclaims.extractors.places.gazetteer import (
    Gazetteer, Place, WORD, demonym_plurals, first_words, fold_key, name_key, spelling_variants,
)
from troopclaims.rules import LineDict, check_keys, location, word_list

RELATIONS = ("in", "near", "border", "front")
LIST_SECTIONS = ("locating", "determiners", "clause_breaks", "fronts", "front_alone", "borders", "directions",
                 "actor_nouns", "area_nouns", "speech_verbs", "not_places", "measured_from")
SECTIONS = ("types", "import", "countries", "places", "anaphora", "relations", "name_suffixes", "name_prefixes",
            "geonames", "region_abbreviations", *LIST_SECTIONS)


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
        taken = {fold_key(a) for e in entries.values() for a in (e.name, *e.aliases)}
        for sub in sorted(pycountry.subdivisions.get(country_code=code), key=lambda s: s.code):
            if not sub.parent_code:
                written[name_key(sub.name)] = written[sub.code.split("-", 1)[1]] = sub.code   # "Texas", "TX"
            if sub.parent_code or "," in sub.name or fold_key(sub.name) in taken:
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
        code = written.get(name_key(str(name)))
        if code is None:
            raise RulesError(f"{location(node, short, where)}: {name!r} is no first-level region of the countries "
                             f"under import.subdivisions")
        written[name_key(str(short))] = code


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
            _claim_name(names, fold_key(alias), entry.name, entry, "alias")
        for demonym in dict.fromkeys(entry.demonyms):
            for form in demonym_plurals(demonym):
                _claim_name(demonyms, fold_key(form), entry.name, entry, "demonym")
    gaz.names = {key: value for key, (value, _) in names.items()}
    gaz.demonyms = {key: value for key, (value, _) in demonyms.items()}
    longest = 1
    for entry in entries.values():
        for alias in dict.fromkeys([entry.name, *entry.aliases]):
            if gaz.names.get(fold_key(alias)) != entry.name:
                continue
            for form in spelling_variants(alias):
                gaz.surfaces.setdefault(form, entry.name)
            longest = max(longest, len(WORD.findall(alias)) + alias.count("-") * 2 + alias.count(".") + 1)
        for demonym in entry.demonyms:
            for form in demonym_plurals(demonym):
                if gaz.demonyms.get(fold_key(form)) == entry.name:
                    for variant in spelling_variants(form):
                        gaz.demonym_surfaces.setdefault(variant, entry.name)
    gaz.max_tokens = min(longest + 1, 14)
    gaz.surface_firsts = first_words(gaz.surfaces, lower=False)
    # A dateline's "DUNMERE" is the Dunmere of the text: names of four letters or more also in capitals, unless the
    # capitals are a name of their own ("US").
    gaz.capitals = {form.upper(): name for form, name in gaz.surfaces.items()
                    if sum(c.isalpha() for c in form) >= 4 and form.upper() not in gaz.surfaces}
    gaz.capital_firsts = first_words(gaz.capitals, lower=False)
    gaz.demonym_firsts = first_words(gaz.demonym_surfaces, lower=False)


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
                target[fold_key(word) if fold else name_key(word)] = kind


def _word_lists(section: LineDict, where: str, types: list[str], gaz: Gazetteer) -> None:
    for name in LIST_SECTIONS:
        words = word_list(section.get(name), location(section, name, where), name)
        # Clause breaks are compared as written: a dash that ends a clause is no hyphen.
        setattr(gaz, name, frozenset(w.lower() if name == "clause_breaks" else fold_key(w) for w in words))
    relations = section.get("relations") or LineDict()
    spot = location(section, "relations", where)
    check_keys(relations, spot, RELATIONS)
    for relation, words in relations.items():
        for word in word_list(words, location(relations, relation, spot), f"relations.{relation}"):
            gaz.relation_words[fold_key(word)] = relation
    anaphora = section.get("anaphora") or LineDict()
    spot = location(section, "anaphora", where)
    check_keys(anaphora, spot, ("reach", "phrases", "not_before"))
    gaz.not_before = frozenset(fold_key(w) for w in word_list(anaphora.get("not_before"),
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
        gaz.anaphora[fold_key(str(phrase))] = tuple(allowed)
