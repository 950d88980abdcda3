"""The offline gazetteer: names, aliases, ranking, and what counts as foremost a place."""

from __future__ import annotations

import pytest

from service.extraction.lexicon import gazetteer


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kiev", ("Kyiv", "city", "UA", 703448)),
        ("Kyiv", ("Kyiv", "city", "UA", 703448)),
        ("U.S.", ("United States", "country", "US", 6252001)),
        ("US", ("United States", "country", "US", 6252001)),
        ("Britain", ("United Kingdom", "country", "GB", 2635167)),
        ("THE HAGUE", ("The Hague", "city", "NL", 2747373)),
        ("the Netherlands", ("The Netherlands", "country", "NL", 2750405)),
        ("Va.", ("Virginia", "region", "US", 6254928)),
        ("Washington", ("Washington", "city", "US", 4140963)),
        ("Donetsk", ("Donetsk", "city", "UA", 709717)),
        ("Texas", ("Texas", "region", "US", 4736286)),
        ("Gaza", ("Gaza Strip", "region", "PS", 281132)),
        ("Malmö", ("Malmö", "city", "SE", 2692969)),
        ("Malmo", ("Malmö", "city", "SE", 2692969)),
        # ISO 3166 names from pycountry, accents folded
        ("Russian Federation", ("Russia", "country", "RU", 2017370)),
        ("Côte d'Ivoire", ("Ivory Coast", "country", "CI", 2287781)),
        # "of the" and "of" name the same place
        ("Democratic Republic of Congo",
         ("Democratic Republic of the Congo", "country", "CD", 203312)),
        # the head of ISO's inverted region names
        ("Dagestan", ("Dagestan, Respublika", "region", "RU", 567293)),
        ("NSW", ("New South Wales", "region", "AU", 2155400)),
    ],
)
def test_lookup_ranks_the_likely_place_first(name, expected):
    place = gazetteer.lookup(name)[0]
    assert (place.name, place.kind, place.country_code, place.geonames_id) == expected


@pytest.mark.parametrize(
    ("name", "kind", "country_code"),
    [
        ("Black Sea", "water", None),
        ("Crimea", "region", "UA"),
        ("Eastern Europe", "region", None),
        ("Maidan Square", "landmark", "UA"),
        ("Maidan", "landmark", "UA"),
        ("Crimean Bridge", "landmark", None),
        ("Donbas", "region", "UA"),
        ("Soviet Union", "country", "SU"),
    ],
)
def test_curated_places_have_kind_and_country(name, kind, country_code):
    place = gazetteer.lookup(name)[0]
    assert (place.kind, place.country_code) == (kind, country_code)
    assert place.latitude is not None and place.longitude is not None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Texas", True),
        ("Kharkiv", True),
        ("Va.", True),
        ("Black Sea", True),
        ("Kiev", True),
        ("Obama", False),  # a town in Japan, but foremost a surname
        ("Castro", False),
        ("German", False),  # a parish of the Isle of Man
        ("Donetsk Oblast", True),
        ("Zorblax", False),
        ("", False),
    ],
)
def test_is_place_is_true_for_names_that_are_foremost_places(name, expected):
    assert gazetteer.is_place(name) is expected


def test_ambiguous_names_keep_every_candidate():
    countries = {p.country_code for p in gazetteer.lookup("Paris")}
    assert {"FR", "US"} <= countries
    assert gazetteer.lookup("Paris")[0].country_code == "FR"


def test_georgia_is_the_country_before_the_state():
    first, second = gazetteer.lookup("Georgia")[:2]
    assert (first.kind, first.country_code) == ("country", "GE")
    assert (second.kind, second.country_code) == ("region", "US")


def test_cities_carry_their_region_and_coordinates():
    arlington = [p for p in gazetteer.lookup("Arlington") if p.admin1 == "Virginia"][0]
    assert arlington.country_code == "US" and arlington.geonames_id == 4744709
    assert arlington.latitude == pytest.approx(38.88, abs=0.05)


def test_countries_have_coordinates():
    for name in ("Russia", "Ukraine", "United States", "France", "China"):
        place = gazetteer.lookup(name)[0]
        assert place.latitude is not None and place.longitude is not None


def test_by_id_finds_a_place():
    assert gazetteer.by_id(6252001).name == "United States"
    assert gazetteer.by_id(1) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("The  Hague", "hague"), ("Kyiv’s", "kyiv's"), ("Zürich", "zurich"), ("USA", "usa"),
     ("Republic of the Congo", "republic of congo"), ("Isle of Man", "isle of man")],
)
def test_normalize_folds_case_accents_spacing_and_the(raw, expected):
    assert gazetteer.normalize(raw) == expected


def test_unknown_names_give_no_place():
    assert gazetteer.lookup("Zorblax") == []
    assert gazetteer.lookup("   ") == []


def test_the_index_is_built_once():
    assert gazetteer._index() is gazetteer._index()


def test_airport_codes_are_not_aliases():
    assert all(p.name != "Albacete" for p in gazetteer.lookup("ABC"))


def test_own_name_is_the_name_or_a_curated_alias_not_an_alternate_name():
    mexico_city = next(p for p in gazetteer.lookup("Mexico") if p.name == "Mexico City")
    assert not gazetteer.is_own_name(mexico_city, "Mexico")
    assert gazetteer.is_own_name(mexico_city, "mexico city")
    assert gazetteer.is_own_name(gazetteer.lookup("Kiev")[0], "Kiev")  # place_aliases.tsv
    assert gazetteer.is_own_name(gazetteer.lookup("Pacific")[0], "Pacific")  # places.tsv
    assert all(gazetteer.is_own_name(p, "St. Petersburg")  # Saint Petersburg, St. Petersburg
               for p in gazetteer.lookup("St. Petersburg")[:2])


def test_distance_between_places():
    paris, london = gazetteer.lookup("Paris")[0], gazetteer.lookup("London")[0]
    assert 330 < gazetteer.distance_km(paris, london) < 350
    assert gazetteer.distance_km(paris, paris) == 0


def test_australia_has_geonames_own_points():
    # from GeoNames' AU dump (npm geonames 0.2.1), not a secondary source's centroid
    assert (gazetteer.by_id(2077456).latitude, gazetteer.by_id(2077456).longitude) == (-25, 135)
    assert gazetteer.by_id(2152274).latitude == -20
