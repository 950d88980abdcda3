"""What a place is called in the response, and its kind when the gazetteer does not know it."""

from __future__ import annotations

import re
from collections import Counter

from ..lexicon import gazetteer
from ..lexicon.gazetteer import Place
from ..records import Location
from .mentions import PlaceSpan

# "Donetsk region", "Luhansk Oblast": the region, not the city of that name.
REGION_SUFFIX = re.compile(r"\s+(?:region|oblast|province|governorate|prefecture|state)$",
                           re.IGNORECASE)
_KIND_BY_WORD = (
    (re.compile(r"\b(?:Sea|Ocean|River|Lake|Gulf|Bay|Strait|Canal|Channel)\b"), "water"),
    (re.compile(r"\b(?:Square|Bridge|Airport|Street|Avenue|Park|Palace|Stadium|Plant|"
                r"Station|Base|Port|Cathedral|Tower|Hall|Old Town|Old City)\b"), "landmark"),
    (re.compile(r"\b(?:region|Region|Oblast|oblast|Province|County|Valley|Peninsula|"
                r"Island|Islands|Mountains|Desert)\b"), "region"),
)
_KIND_BY_LABEL = {"FAC": "landmark", "LOC": "region"}


def to_location(id_: str, group: list[PlaceSpan], place: Place | None,
                pairs: dict[int, Place], regional: bool = False) -> Location:
    """The record of one place: its name, kind, coordinates and every mention.

    ``pairs`` maps a mention's start to the region or country written after its comma.
    """
    written = [s.text for s in group]
    name = _name(written, place)
    if regional and place is not None and place.kind == "region" and name in written and (
            not REGION_SUFFIX.search(name)) and gazetteer.normalize(name) != gazetteer.normalize(
            place.name):
        name = f"{name} region"  # "Luhansk" in "Donetsk and Luhansk regions"
    aliases = tuple(dict.fromkeys(w for w in written if w != name))
    mentions = tuple(s.span() for s in group)
    if place is None:
        anchor = pairs.get(group[0].start_char)
        return Location(id=id_, name=name, kind=_guess_kind(group), aliases=aliases,
                        country_code=anchor.country_code if anchor else None,
                        mentions=mentions)
    return Location(id=id_, name=name, kind=place.kind, country_code=place.country_code,
                    latitude=place.latitude, longitude=place.longitude,
                    geonames_id=place.geonames_id, aliases=aliases, mentions=mentions)


def _name(written: list[str], place: Place | None) -> str:
    """The gazetteer's name when the text uses it or the place is a country; else as written."""
    if place is not None:
        canonical = place.name
        if place.kind == "country":
            canonical = canonical.removeprefix("The ")
        folded = {gazetteer.normalize(w) for w in written}
        abbreviated = all("." in w or (w.isupper() and len(w) <= 4) for w in written)
        if place.kind in ("country", "water") or abbreviated or (
                gazetteer.normalize(canonical) in folded):
            return canonical
    counts = Counter(w for w in written if not w.isupper() or len(w) <= 4)
    return counts.most_common(1)[0][0] if counts else written[0].title()


def _guess_kind(group: list[PlaceSpan]) -> str:
    for pattern, kind in _KIND_BY_WORD:
        if any(pattern.search(s.text) for s in group):
            return kind
    return _KIND_BY_LABEL.get(group[0].label, "other")
