"""Offline place lookup over a compact GeoNames table, loaded once per worker.

The table (``resources/en/gazetteer.tsv.gz``, built by ``scripts/build_gazetteer.py``)
holds countries, continents, admin-1 regions, US counties and cities (>= 1,000 people
in the US, Canada, Britain, Ireland, Australia and New Zealand, >= 5,000 elsewhere).
``places.tsv`` adds seas, historical and informal regions and landmarks;
``place_aliases.tsv`` adds the names news writers use (U.S., Britain, Va.).

Memory: rows stay as their raw tab-separated lines and the index maps a folded name
to row numbers; a row becomes a :class:`Place` only when it is looked up.
"""

from __future__ import annotations

import functools
import gzip
import math
import re
import unicodedata
from dataclasses import dataclass

from ..wordlists import entries, resource_dir


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str  # country | city | region | water | landmark | other
    country_code: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    population: int = 0
    feature: str = ""  # GeoNames-style code: PCLI, ADM1, ADM2, PPLC, PPL, CONT, SEA, RGN, LMK
    admin1: str | None = None  # name of the first-level region a city or county lies in


def lookup(name: str) -> list[Place]:
    """Return the places called ``name``, the most likely first (countries, then population)."""
    rows = _index()[1].get(normalize(name), ())
    return [_place(row) for row in (rows if isinstance(rows, tuple) else (rows,))]


def is_place(name: str) -> bool:
    """True when ``name`` is foremost a place: a country, a region called by its own name,
    a sea, landmark or informal region, a capital or a city of >= 100,000 people.

    Small towns named like people ("Obama", "Castro") and regions known by an alias only
    do not count: the caller uses this to overrule person and organisation evidence.
    """
    key = normalize(name)
    return any(_notable(p, key) for p in lookup(name))


def _notable(place: Place, key: str) -> bool:
    if place.feature in ("PCLI", "CONT", "PPLC") or place.feature in _CURATED:
        return True
    if place.feature in ("ADM1", "ADM2"):  # not the parishes of a microstate ("German")
        big = _country_population().get(place.country_code or "", 0) >= 1_000_000
        return big and (normalize(place.name) == key or key in _alias_keys() or " " in key)
    return place.population >= 100_000


def is_abbreviation(name: str) -> bool:
    """ "Va.", "U.S.", "Kan.": a short form place_aliases.tsv lists, dot included."""
    return normalize(name) in _alias_keys() and name.endswith(".")


def by_id(geonames_id: int) -> Place | None:
    """The place with this GeoNames id, if the gazetteer has it."""
    row = _by_id().get(geonames_id)
    return None if row is None else _place(row)


def is_own_name(place: Place, name: str) -> bool:
    """``name`` is the place's own name (accents, case and "St."/"Saint" aside), what
    place_aliases.tsv says it means ("U.S.", "Kiev") or a name places.tsv gives it
    ("Pacific"), not merely one of its alternate names."""
    key = normalize(name)
    return (_spelled_out(normalize(place.name)) == _spelled_out(key)
            or (key, place.geonames_id) in _index()[2] or place.feature in _CURATED)


_SHORT_WORDS = re.compile(r"\b(st|ste|mt|ft)\b\.?")
_SPELLED = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


@functools.lru_cache(maxsize=1 << 14)
def _spelled_out(key: str) -> str:
    """ "st. petersburg" and "saint petersburg" alike."""
    return _SHORT_WORDS.sub(lambda m: _SPELLED[m.group(1)], key).replace("-", " ")


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places with coordinates."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lat2 - lat1, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


@functools.lru_cache(maxsize=1 << 16)  # the same names come back in every article
def normalize(name: str) -> str:
    """Fold case, accents, curly apostrophes, spacing, a leading "the" and the "the" of
    "of the" ("Democratic Republic of Congo" is "... of the Congo")."""
    folded = unicodedata.normalize("NFKD", name.replace("’", "'").replace("‘", "'"))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return " ".join(folded.split()).removeprefix("the ").replace(" of the ", " of ")


@functools.lru_cache(maxsize=4096)
def _place(row: int) -> Place:
    fields = _index()[0][row].split("\t")
    gid, name, kind, feature, cc, admin1, lat, lon, pop = fields[:9]
    return Place(
        name=name, kind=kind, country_code=cc or None,
        latitude=float(lat) if lat else None, longitude=float(lon) if lon else None,
        geonames_id=int(gid) if gid else None, population=int(pop or 0),
        feature=feature, admin1=admin1 or None,
    )


@functools.cache
def _by_id() -> dict[int, int]:
    rows = _index()[0]
    return {int(line.split("\t", 1)[0]): i for i, line in enumerate(rows)
            if line[:1].isdigit()}


@functools.cache
def _rows() -> tuple[str, ...]:
    """Every place as its raw tab-separated line: the GeoNames table, then places.tsv."""
    resources = resource_dir()
    with gzip.open(str(resources.joinpath("gazetteer.tsv.gz")), "rt", encoding="utf-8") as f:
        rows = [line.rstrip("\n") for line in f if not line.startswith("#")]
    rows += _curated_rows(entries("places.tsv"))
    return tuple(rows)


@functools.cache
def _index() -> tuple[tuple[str, ...], dict[str, int | tuple[int, ...]],
                      frozenset[tuple[str, int | None]]]:
    """Rows (raw lines), the name index (most likely place first for each name) and the
    (alias, GeoNames id) pairs of place_aliases.tsv."""
    rows = _rows()
    keyed: dict[str, list[int]] = {}
    for i, line in enumerate(rows):
        fields = line.split("\t")
        for name in {fields[1], *filter(None, fields[9].split("|"))}:
            key = normalize(name)
            if len(key) < 3:  # "d", "of": abbreviations come from place_aliases.tsv only
                continue
            bucket = keyed.setdefault(key, [])
            if i not in bucket:
                bucket.append(i)
    aliases = _add_aliases(keyed, rows, entries("place_aliases.tsv"))
    index = {key: ids[0] if len(ids) == 1 else tuple(sorted(
                 ids, key=lambda i: -_prior(_fields(rows[i]), key, (key, i) in aliases)))
             for key, ids in keyed.items()}
    targets = frozenset((key, _fields(rows[i]).geonames_id) for key, i in aliases)
    return rows, index, targets


_CURATED = frozenset({"SEA", "RGN", "LMK", "PCLH"})


def prior(place: Place, name: str) -> float:
    """How likely ``place`` is meant by ``name`` before any context, as a pseudo-population.

    Countries first, then what place_aliases.tsv says a name means ("Gaza": the Gaza
    Strip) and the curated seas/regions/landmarks, then continents; a region called by
    its own name ("Texas") outranks all but the largest cities, a region called by an
    alias ("Donetsk" for Donetsk Oblast) yields to the city; capitals count five times.
    """
    key = normalize(name)
    return _prior(place, key, (key, place.geonames_id) in _index()[2])


def _prior(place: Place, key: str, aliased: bool) -> float:
    if place.feature == "PCLI":
        return 1e9
    if aliased or place.feature in _CURATED:
        return 5e8
    if place.feature == "CONT":
        return 1e8
    if place.feature == "ADM1":  # of two regions called alike, the larger country's first
        weight = _country_population().get(place.country_code or "", 0) / 1e3
        return (2e6 if normalize(place.name) == key else 2e4) + weight
    if place.feature == "ADM2":
        return 5e4
    return place.population * (5 if place.feature == "PPLC" else 1) + 1


@functools.cache
def _country_population() -> dict[str, int]:
    return {p.country_code: p.population for row in _rows() if "\tPCLI\t" in row
            for p in [_fields(row)] if p.country_code}


def _fields(line: str) -> Place:
    gid, name, kind, feature, cc, admin1, _lat, _lon, pop = line.split("\t")[:9]
    return Place(name, kind, cc or None, None, None, int(gid) if gid else None,
                 int(pop or 0), feature, admin1 or None)


def _curated_rows(lines: tuple[str, ...]) -> list[str]:
    """places.tsv: name, kind, feature, country, lat, lon, geonames id, aliases (|)."""
    rows = []
    for line in lines:
        name, kind, feature, cc, lat, lon, gid, aliases = (line.split("\t") + [""] * 8)[:8]
        rows.append("\t".join([gid, name, kind, feature, cc, "", lat, lon, "0", aliases]))
    return rows


def _add_aliases(keyed: dict[str, list[int]], rows: tuple[str, ...],
                 lines: tuple[str, ...]) -> set[tuple[str, int]]:
    """place_aliases.tsv: alias, then the name, country and feature of the place it names."""
    added = set()
    for line in lines:
        alias, name, cc, feature = (line.split("\t") + [""] * 4)[:4]
        for i in keyed.get(normalize(name), []):
            fields = rows[i].split("\t", 5)
            if fields[4] == cc and (not feature or fields[3] == feature):
                bucket = keyed.setdefault(normalize(alias), [])
                if i not in bucket:
                    bucket.append(i)
                added.add((normalize(alias), i))
                break
    return added


@functools.cache
def _alias_keys() -> frozenset[str]:
    return frozenset(key for key, _ in _index()[2])

