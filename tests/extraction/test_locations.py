"""Locations: one entry per place, resolved with the article's context, never adjectives."""

from __future__ import annotations

import pytest

from service.extraction.entities.mentions import find_named_mentions
from service.extraction.locations import mentions as place_mentions
from service.extraction.locations.extract import extract_locations
from service.extraction.records import NamedMention, TextSpan


def _mentions(text: str, names: list[tuple[str, str]]) -> list[NamedMention]:
    """Hand-typed mentions: (surface, kind), every occurrence of the surface."""
    found = []
    for surface, kind in names:
        start = text.find(surface)
        while start >= 0:
            label = {"person": "PERSON", "organization": "ORG"}.get(kind, "GPE")
            found.append(NamedMention(surface, start, start + len(surface), kind, label))
            start = text.find(surface, start + 1)
    return sorted(found, key=lambda m: m.start_char)


def _run(nlp, text, names, dateline=None):
    doc = nlp(text)
    return extract_locations(doc, mentions=_mentions(text, names), dateline=dateline)


def _summary(locations):
    return [(loc.name, loc.kind, loc.country_code, loc.mention_count) for loc in locations]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # aliases: Kiev and Kyiv are one place, under the name the gazetteer uses
        ("Talks in Kiev ended. Kyiv said no.", [("Kiev", "location"), ("Kyiv", "location")],
         [("Kyiv", "city", "UA", 2)]),
        # the country the article names decides: Paris next to France
        ("Paris and France agreed.", [("Paris", "location"), ("France", "location")],
         [("Paris", "city", "FR", 1), ("France", "country", "FR", 1)]),
        # "City, Region" places the city: Paris, Texas
        ("He lives in Paris, Texas, now.", [("Paris", "location"), ("Texas", "location")],
         [("Paris", "city", "US", 1), ("Texas", "region", "US", 1)]),
        ("The base in Arlington, Va., said so.", [("Arlington", "location"), ("Va.", "location")],
         [("Arlington", "city", "US", 1), ("Virginia", "region", "US", 1)]),
        # cities as stand-ins for governments are locations
        ("Washington responded to Moscow.", [("Washington", "location"), ("Moscow", "location")],
         [("Washington", "city", "US", 1), ("Moscow", "city", "RU", 1)]),
        # a leading "the" is not part of the name
        ("Troops left the Netherlands.", [("the Netherlands", "location")],
         [("Netherlands", "country", "NL", 1)]),
        # U.S. and the United States are one country
        ("The U.S. said the United States would act.",
         [("U.S.", "location"), ("the United States", "location")],
         [("United States", "country", "US", 2)]),
        # the city of Donetsk and the Donetsk region are two places
        ("Shelling hit Donetsk and the Donetsk region.",
         [("Donetsk", "location")],
         [("Donetsk", "city", "UA", 1), ("Donetsk region", "region", "UA", 1)]),
        # a place of that very name beats one the name reaches as an alternate name only
        ("Schools in Mexico City closed. Mexico said so.",
         [("Mexico City", "location"), ("Mexico", "location")],
         [("Mexico City", "city", "MX", 1), ("Mexico", "country", "MX", 1)]),
        # a town near the article's other places beats its namesakes (London, Ky., in
        # Laurel County), and a name is no context for itself
        ("A crash in Laurel County, Ky., killed a man of London, police said.",
         [("Laurel County", "location"), ("Ky.", "location"), ("London", "location")],
         [("Laurel County", "region", "US", 1), ("Kentucky", "region", "US", 1),
          ("London", "city", "US", 1)]),
        # a country yields to a namesake town near the article's other places ...
        ("Police in Tyler, Texas, and Dallas held a Palestine man.",
         [("Tyler", "location"), ("Texas", "location"), ("Dallas", "location"),
          ("Palestine", "location")],
         [("Tyler", "city", "US", 1), ("Texas", "region", "US", 1), ("Dallas", "city", "US", 1),
          ("Palestine", "city", "US", 1)]),
        # ... never to a place inside it
        ("Protests in Hong Kong spread to Tsim Sha Tsui.",
         [("Hong Kong", "location"), ("Tsim Sha Tsui", "location")],
         [("Hong Kong", "country", "HK", 1), ("Tsim Sha Tsui", "city", "HK", 1)]),
        # a state called by its own name stays the state, whatever town of that name lies
        # near the article's other places (Florida, N.Y., near Manhattan)
        ("Storms hit Manhattan and then Florida.",
         [("Manhattan", "location"), ("Florida", "location")],
         [("Manhattan", "city", "US", 1), ("Florida", "region", "US", 1)]),
        # ... while London alone stays London, England
        ("A man of London died, police said.", [("London", "location")],
         [("London", "city", "GB", 1)]),
    ],
)
def test_places_are_grouped_and_resolved(nlp, text, names, expected):
    if "Donetsk region" in text:  # the NER would give the longer span
        doc = nlp(text)
        start = text.index("Donetsk region")
        mentions = [NamedMention("Donetsk", text.index("Donetsk"), text.index("Donetsk") + 7,
                                 "location", "GPE"),
                    NamedMention("Donetsk region", start, start + 14, "location", "GPE")]
        locations = extract_locations(doc, mentions=mentions)
    else:
        locations = _run(nlp, text, names)
    assert _summary(locations) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # seas, informal regions and landmarks the NER missed are added
        ("Ships sailed the Black Sea toward Crimea.", [], ["Black Sea", "Crimea"]),
        ("Troops moved into Eastern Europe.", [], ["Eastern Europe"]),
        ("Crowds gathered on Maidan Square.", [], ["Maidan Square"]),
        # ... but never inside a person's or an organisation's name
        ("Paris Hilton met the Washington Post.",
         [("Paris Hilton", "person"), ("Washington Post", "organization")], []),
        # demonyms and adjectives are not places
        ("Ukrainian troops and Russian tanks.", [("Ukrainian", "location")], []),
        # the surname of a person the article names is not a place
        ("Jens Stoltenberg spoke. Stoltenberg said more.",
         [("Jens Stoltenberg", "person"), ("Stoltenberg", "location")], []),
    ],
)
def test_mentions_added_and_rejected(nlp, text, names, expected):
    assert [loc.name for loc in _run(nlp, text, names)] == expected


def test_unresolved_place_is_kept_without_coordinates(nlp):
    [location] = _run(nlp, "Fighting near Zorblax continued.", [("Zorblax", "location")])
    assert (location.name, location.kind, location.latitude, location.geonames_id) == (
        "Zorblax", "other", None, None)
    assert location.mentions == (TextSpan("Zorblax", 14, 21),)


def test_dateline_place_is_a_location(nlp):
    text = "THE HAGUE, Netherlands (AP) — Talks began."
    dateline = TextSpan("THE HAGUE, Netherlands", 0, 22)
    locations = _run(nlp, text, [], dateline=dateline)
    assert _summary(locations) == [("The Hague", "city", "NL", 1),
                                   ("Netherlands", "country", "NL", 1)]
    assert locations[0].mentions[0].text == "THE HAGUE"


def test_resolved_place_carries_coordinates_and_geonames_id(nlp):
    [location] = _run(nlp, "Talks in Kyiv.", [("Kyiv", "location")])
    assert location.geonames_id == 703448
    assert location.latitude == pytest.approx(50.45, abs=0.01)
    assert location.longitude == pytest.approx(30.52, abs=0.01)


def test_georgia_follows_the_article(nlp):
    us = _run(nlp, "Atlanta is the capital of Georgia.", [("Atlanta", "location"),
                                                           ("Georgia", "location")])
    caucasus = _run(nlp, "Tbilisi is the capital of Georgia.", [("Tbilisi", "location"),
                                                                 ("Georgia", "location")])
    assert us[1].country_code == "US" and us[1].kind == "region"
    assert caucasus[1].country_code == "GE" and caucasus[1].kind == "country"


def test_offsets_slice_the_text_and_ids_follow_first_mention(nlp):
    text = "From Berlin to Paris, then Berlin again via Rome."
    locations = _run(nlp, text, [("Berlin", "location"), ("Paris", "location"),
                                 ("Rome", "location")])
    assert [loc.id for loc in locations] == ["l1", "l2", "l3"]
    assert [loc.name for loc in locations] == ["Berlin", "Paris", "Rome"]
    for location in locations:
        for mention in location.mentions:
            assert text[mention.start_char:mention.end_char] == mention.text


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "🙂🙂", "the the the", "1234567890" * 5])
def test_odd_input_gives_a_list(nlp, text):
    doc = nlp(text)
    assert isinstance(extract_locations(doc, mentions=find_named_mentions(doc)), list)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a following "regions" makes both names regions; a later bare name follows it
        ("Fighting in the Donetsk and Luhansk regions. Luhansk is quiet.",
         [("Donetsk region", "region", 1), ("Luhansk region", "region", 2)]),
        # "the city of" makes it the city
        ("He fled the city of Donetsk.", [("Donetsk", "city", 1)]),
    ],
)
def test_region_and_city_cues(nlp, text, expected):
    names = [("Donetsk", "location"), ("Luhansk", "location")]
    locations = _run(nlp, text, names)
    assert [(loc.name, loc.kind, loc.mention_count) for loc in locations] == expected


def test_end_of_a_cut_person_name_is_not_a_place(nlp):
    text = "Ursula von der Leyen spoke."
    mentions = [NamedMention("Ursula von der", 0, 14, "person", "PERSON"),
                NamedMention("Leyen", 15, 20, "location", "GPE")]
    assert extract_locations(nlp(text), mentions=mentions) == []


def test_canadian_abbreviation_places_the_town(nlp):
    text = "She was born in London, Ont., in 1990."
    [london, ontario] = _run(nlp, text, [("London", "location"), ("Ont.", "location")])
    assert (london.country_code, ontario.name) == ("CA", "Ontario")


@pytest.mark.parametrize(
    ("ranges", "span", "expected"),
    [([], (0, 5), False),
     ([(10, 20)], (0, 10), False),  # touching is not overlapping
     ([(10, 20)], (19, 25), True),
     ([(0, 100), (30, 35)], (50, 60), True),  # inside a long earlier range
     ([(30, 35), (0, 5)], (10, 20), False),
     ([(5, 5)], (0, 10), True)],
)
def test_blocked_ranges_overlap_like_a_linear_check(ranges, span, expected):
    assert place_mentions._Ranges(ranges).overlaps(*span) is expected
    assert place_mentions._overlaps(*span, ranges) is expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a compass word is a bloc or part of the story's country, not Cameroon's West region
        ("NATO and the West warned Moscow.", [("West", "location"), ("Moscow", "location")],
         [("Moscow", "city", "RU")]),
        ("Farmers of the North voted no.", [("North", "location")], []),
        # "<generic> of <Name>" is one place, not a Somali region and an unknown word
        ("The ship sank in the Gulf of Biscayne.",
         [("Gulf", "location"), ("Biscayne", "location")], [("Gulf of Biscayne", "water", None)]),
        # an event named after a place is no place
        ("Airlines flocked to the Lisbon Air Show.", [("Lisbon Air Show", "location")], []),
        ("Deals were signed at the Lisbon Air Show.", [("Lisbon", "location")], []),
        # a currency written with a country's initials is no place
        ("It sells for US $ 99 in Canada.", [("US", "location"), ("Canada", "location")],
         [("Canada", "country", "CA")]),
        # a name alone in quotation marks is a title
        ('The band played "Lisbon" in Oslo.', [("Lisbon", "location"), ("Oslo", "location")],
         [("Oslo", "city", "NO")]),
        # a name neither the gazetteer nor the words place is no place; one they place stays
        ("The contract was awarded to Quorbix, and Quorbix said so.", [("Quorbix", "location")],
         []),
        ("Shells fell on the villages of Zarbat and Quolm near Homs.",
         [("Zarbat", "location"), ("Quolm", "location"), ("Homs", "location")],
         [("Zarbat", "other", None), ("Quolm", "other", None), ("Homs", "city", "SY")]),
        # squares, streets and a city's old town: landmarks, placed by the city they are in
        ("Crowds filled Liberty Square in Tbilisi and the Old Town.",
         [("Liberty Square", "location"), ("Tbilisi", "location"), ("Old Town", "location")],
         [("Liberty Square", "landmark", "GE"), ("Tbilisi", "city", "GE"),
          ("Old Town", "landmark", None)]),
        # countries that no longer exist carry their ISO 3166-3 codes
        ("He left Yugoslavia for Czechoslovakia, then the Soviet Union.",
         [("Yugoslavia", "location"), ("Czechoslovakia", "location"),
          ("the Soviet Union", "location")],
         [("Yugoslavia", "country", "YU"), ("Czechoslovakia", "country", "CS"),
          ("Soviet Union", "country", "SU")]),
        # the place an institution is named after is a place of the article
        ("The Ohio Department of Health and the Toledo City Council met.",
         [("Ohio Department of Health", "organization"),
          ("Toledo City Council", "organization")],
         [("Ohio", "region", "US"), ("Toledo", "city", "US")]),
        ("She studied at the University of Manitoba.",
         [("University of Manitoba", "organization")], [("Manitoba", "region", "CA")]),
        ("He wrote for the Denver Post at Harvard University.",
         [("Denver Post", "organization"), ("Harvard University", "organization")], []),
        ("The Chamber of Commerce and the Pulaski County Fiscal Court met.",
         [("Chamber of Commerce", "organization"),
          ("Pulaski County Fiscal Court", "organization")],
         [("Pulaski County", "region", "US")]),
        ("Tulsa Mayor Ann Reed spoke.", [("Tulsa Mayor Ann Reed", "person")],
         [("Tulsa", "city", "US")]),
        # a one-word village the words do not place is no place ("Cisco said")
        ("Zapata Holdings said Bartlesville wanted more. Cisco said no.",
         [("Cisco", "location"), ("Bartlesville", "location")], [("Bartlesville", "city", "US")]),
    ],
)
def test_places_need_the_article_to_make_them_places(nlp, text, names, expected):
    assert [(loc.name, loc.kind, loc.country_code) for loc in _run(nlp, text, names)] == expected
