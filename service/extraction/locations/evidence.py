"""Whether the article's own words make a found name a place (SPEC.md, locations).

The NER and the gazetteer propose names; some of them are no place here: a currency
("US $ 129"), a title in quotation marks ("Darwin"), an event ("Paris Air Show"), a
compass word with no region of its own in the story ("the West", "the North"), a name
neither the gazetteer knows nor the text places ("Halliburton said"). A name the
gazetteer only knows as a small town, written with "the" ("the Old Town"), is a district
or landmark of the story, not that town.
"""

from __future__ import annotations

import re

from ..lexicon.gazetteer import Place
from ..wordlists import word_set
from .mentions import PlaceSpan

_CURRENCY_AFTER = re.compile(r"\s?\$")
_QUOTES_OPEN = "\"“‘'"
_QUOTES_CLOSE = "\"”’'"
# "in Kyiv", "near the town of", "Sandy, Utah": words before or after a name that place it.
_BEFORE = re.compile(r"(?:\b(?:in|near|at|from|into|outside|across|around|toward|towards|"
                     r"throughout|inside|via|(?:back|trip|way|moved?|travel\w*|went|go|flew|"
                     r"fled|drove|returned|headed|came|sent) to)\s+(?:the\s+)?(?:\w+\s+)?"
                     r"|\b(?:city|town|towns|village|villages|district|province|county|region|"
                     r"state|capital|suburb|port) of\s+)$", re.IGNORECASE)
_LIST_LINK = re.compile(r"\s*(?:,|and|or|, and|, or)\s*")  # "Foua and Kfraya"
# A generic word of place in the name itself: "Maidan Square", "Darby Street", "Route 1".
_LANDMARK_WORDS = re.compile(
    r"\b(?:Square|Plaza|Bridge|Peninsula|Old Town|Old City|Islands?|Sea|Ocean|Gulf|Bay|"
    r"Strait|River|Creek|Lake|Mountains?|Valley|Park|Palace|Cathedral|Airport|Center|Centre|"
    r"Stadium|Street|St|Avenue|Ave|Road|Rd|Drive|Boulevard|Blvd|Lane|Highway|Hwy|Route|"
    r"Interstate|Parkway|Township|Twp|County|Parish|Borough|District|Province|Region|Earth|"
    r"Hospital|Base|Station|Hall|Tower|Port|Harbou?r|Canal|Dam)\b")
# "ST. PAUL --", "BEIRUT:": a name in capitals opening a paragraph is a dateline.
_DATELINE_AFTER = re.compile(r"(?:,[^\n]{0,20})?\s*(?:--|—|―|–|:)")
_SMALL_PLACE = 5_000  # a one-word town this small needs words that place it, or its region
_SMALL_TOWN = 20_000  # "the Old Town": below this, a town's name with "the" is a district


def is_not_place(text: str, span: PlaceSpan, place: Place | None,
                 named_countries: set[str], named_regions: frozenset[str] = frozenset()) -> bool:
    """True when the words around ``span`` say it names no place.

    ``named_countries`` are the country codes of the article's other resolved places,
    ``named_regions`` the first-level regions they name or lie in.
    """
    if _CURRENCY_AFTER.match(text, span.end_char) and len(span.text) <= 4:
        return True  # "US $ 129", "HK$ 10"
    if _quoted(text, span) or _event(text, span):
        return True
    if span.label == "DATELINE":
        return False
    if span.text.casefold().removeprefix("the ") in word_set("direction_words.txt"):
        return place is None or place.country_code not in named_countries
    if place is None:
        return not (_LANDMARK_WORDS.search(span.text) or _placed_by_words(text, span))
    if place.kind == "city" and place.population < _SMALL_PLACE and " " not in span.text \
            and (place.admin1 is None or place.admin1 not in named_regions):
        return not _placed_by_words(text, span)  # "Commerce", "Justice", "Cisco said"
    return False


def listed_together(text: str, left: PlaceSpan, right: PlaceSpan) -> bool:
    """ "Foua and Kfraya", "Aleppo, Idlib": two names in one list."""
    return bool(_LIST_LINK.fullmatch(text, left.end_char, right.start_char))


def is_district(text: str, span: PlaceSpan, place: Place | None) -> bool:
    """ "through the Old Town": a small town's name after "the" is a part of the city."""
    return (place is not None and place.kind == "city" and place.population < _SMALL_TOWN
            and not place.name.casefold().startswith("the ")
            and text[max(0, span.start_char - 4):span.start_char].casefold() == "the ")


def _quoted(text: str, span: PlaceSpan) -> bool:
    """ '" Darwin "', '“Tiger”': a name alone inside quotation marks is a title."""
    before = text[max(0, span.start_char - 2):span.start_char].rstrip()
    after = text[span.end_char:span.end_char + 3].lstrip(" .,;:!?")
    return bool(before) and before[-1] in _QUOTES_OPEN and bool(after) and (
        after[0] in _QUOTES_CLOSE)


def _event(text: str, span: PlaceSpan) -> bool:
    """ "Paris Air Show", "the Farnborough Air Show": the name of an event."""
    events = word_set("event_nouns.txt")
    words = span.text.split()
    if len(words) > 1 and (words[-1] in events or " ".join(words[-2:]) in events):
        return True
    after = re.match(r"(?:\s+[A-Z][\w'-]*){1,3}", text[span.end_char:span.end_char + 40])
    if after is None:
        return False
    following = after.group().split()
    return any(w in events or f"{a} {w}" in events
               for a, w in zip(["", *following], following, strict=False))


def _placed_by_words(text: str, span: PlaceSpan) -> bool:
    """A preposition of place before the name, a comma and a capitalised name after, or
    a dateline's capitals."""
    if _BEFORE.search(text, max(0, span.start_char - 30), span.start_char):
        return True
    line_start = text.rfind("\n", 0, span.start_char) + 1
    if span.text.isupper() and not text[line_start:span.start_char].strip() \
            and _DATELINE_AFTER.match(text, span.end_char):
        return True
    return bool(re.match(r",\s+[A-Z]", text[span.end_char:span.end_char + 3]))
