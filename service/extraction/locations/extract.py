"""Places of one article, each resolved once against the gazetteer with the article as context."""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from ..lexicon import gazetteer
from ..lexicon.gazetteer import Place
from ..records import Location, NamedMention, TextSpan
from .evidence import is_district, is_not_place, listed_together
from .mentions import PlaceSpan, find_place_spans
from .naming import REGION_SUFFIX, to_location

logger = logging.getLogger(__name__)

# "Donetsk and Luhansk regions", "Luhansk region", "Donetsk, Luhansk and Kherson oblasts"
_REGION_AFTER = re.compile(
    r"(?:\s*(?:,|and|or)\s+[A-Z][\w'’-]+)*\s+(?:regions?|oblasts?|provinces?)\b")
_CITY_BEFORE = re.compile(r"\b(?:city|town|village) of\s+$", re.IGNORECASE)
# Context weights: a place in a country the article names, in a region it names, or the
# region right after a comma ("Arlington, Va.").
_COUNTRY_BOOST = 100.0  # times the country's share of the article's unambiguous places
_REGION_BOOST = 50.0
_PAIR_BOOST = 10_000.0
_SETTLED_CONTEXT = 3  # unambiguous names needed before context can doubt a country
_CONFIDENT_RATIO = 20.0  # a name votes for its place when no other place called so comes close
# A place the name reaches only through one of its alternate names ("Mexico" for Mexico
# City) yields to a place of that very name (the country Mexico).
_ALIAS_ONLY = 0.001
# A town or county within this distance of another place the article names is the likelier
# of its namesakes: local stories name places near each other ("Alexandria" with "Douglas
# County" and "Brandon", all in Minnesota).
_NEAR_KM = 100.0
_NEAR_BOOST = 20.0
_LOCAL_FEATURES = frozenset({"PPL", "PPLC", "ADM2"})
_IN_PLACE = re.compile(r"\s+in\s+(?:the\s+\w+,\s+)?|,\s+")  # "in the capital, Kyiv"


@dataclass(frozen=True, slots=True)
class _Context:
    countries: Counter[str]
    regions: Counter[str]  # (country code, admin1 name) of regions the article names
    pairs: dict[int, Place]  # span start -> the region or country written after its comma
    others: dict[str, tuple[Counter[str], Counter[str]]]  # name -> the context less its votes


def extract_locations(doc: Doc, *, mentions: list[NamedMention],
                      dateline: TextSpan | None = None) -> list[Location]:
    """One Location per place named in ``doc``, ordered by first mention."""
    try:
        spans = find_place_spans(doc, mentions, dateline)
        return _locations(doc.text, spans)
    except Exception:  # a broken field must not break the response
        logger.exception("location extraction failed")
        return []


def _locations(text: str, spans: list[PlaceSpan]) -> list[Location]:
    cues = _cues(text, spans)
    candidates = {s.start_char: _candidates(s, cues[s.start_char]) for s in spans}
    context = _context(text, spans, candidates)
    resolved = {s.start_char: _resolve(s, candidates[s.start_char], context) for s in spans}
    resolved = _settle_nearby(spans, candidates, context, resolved)
    spans, resolved = _supported(text, spans, resolved)
    anchors = {**_anchors(text, spans, resolved), **context.pairs}
    groups: dict[object, list[PlaceSpan]] = {}
    for span in spans:
        place = resolved[span.start_char]
        key = (place.geonames_id or place.name) if place else gazetteer.normalize(span.text)
        groups.setdefault(key, []).append(span)
    return [
        to_location(f"l{n}", group, resolved[group[0].start_char], anchors,
                  cues[group[0].start_char] == "region")
        for n, group in enumerate(sorted(groups.values(), key=lambda g: g[0].start_char), 1)
    ]


def _supported(text: str, spans: list[PlaceSpan], resolved: dict[int, Place | None]
               ) -> tuple[list[PlaceSpan], dict[int, Place | None]]:
    """The spans the article's words let stand as places (evidence.py); a small town's
    name written with "the" stays, unresolved, as a district ("the Old Town")."""
    resolved = {start: None if place and is_district(text, span, place) else place
                for span in spans for start, place in [(span.start_char,
                                                        resolved[span.start_char])]}
    named = {p.country_code for p in resolved.values() if p and p.country_code}
    dropped = {s.start_char for s in spans if is_not_place(
        text, s, resolved[s.start_char],
        named - {getattr(resolved[s.start_char], "country_code", None)},
        _regions(resolved, s.start_char))}
    for a, b in [*zip(spans, spans[1:], strict=False), *zip(spans[1:], spans, strict=False)]:
        if b.start_char in dropped and a.start_char not in dropped and resolved[
                b.start_char] is None and listed_together(text, *sorted((a, b), key=_start)):
            dropped.discard(b.start_char)  # "the villages of Foua and Kfraya"
    return [s for s in spans if s.start_char not in dropped], resolved


def _regions(resolved: dict[int, Place | None], own: int) -> frozenset[str]:
    """First-level regions the article's other places are or lie in."""
    return frozenset(p.name if p.feature == "ADM1" else p.admin1 for start, p in resolved.items()
                     if p is not None and start != own and (p.feature == "ADM1" or p.admin1))


def _start(span: PlaceSpan) -> int:
    return span.start_char


def _anchors(text: str, spans: list[PlaceSpan], resolved: dict[int, Place | None]
             ) -> dict[int, Place]:
    """ "Tahrir Square in Cairo", "Kyiv's Maidan": the place that locates an unresolved one."""
    found = {}
    for left, right in zip(spans, spans[1:], strict=False):
        between = text[left.end_char:right.start_char]
        if resolved[left.start_char] is None and resolved[right.start_char] is not None \
                and _IN_PLACE.fullmatch(between):
            found[left.start_char] = resolved[right.start_char]
        if resolved[right.start_char] is None and resolved[left.start_char] is not None \
                and between in ("'s ", "’s "):
            found[right.start_char] = resolved[left.start_char]
    return found


def _cues(text: str, spans: list[PlaceSpan]) -> dict[int, str | None]:
    """ "region" for "Donetsk region" and "Donetsk and Luhansk regions", "city" for "the
    city of Donetsk"; a later bare "Donetsk" means what the last cued one meant."""
    cues: dict[int, str | None] = {}
    last: dict[str, str] = {}
    for span in spans:
        name = gazetteer.normalize(REGION_SUFFIX.sub("", span.text))
        cue = None
        if REGION_SUFFIX.search(span.text) or _REGION_AFTER.match(text, span.end_char):
            cue = "region"
        elif _CITY_BEFORE.search(text, max(0, span.start_char - 20), span.start_char):
            cue = "city"
        if cue:
            last[name] = cue
        cues[span.start_char] = cue or last.get(name)
    return cues


def _candidates(span: PlaceSpan, cue: str | None) -> list[Place]:
    """The places ``span`` may name, narrowed to regions or cities by its cue."""
    name = REGION_SUFFIX.sub("", span.text)
    places = _unique(gazetteer.lookup(name))
    if cue == "region":
        return [p for p in places if p.feature in ("ADM1", "ADM2", "RGN")] or places
    if cue == "city":
        return [p for p in places if p.kind == "city"] or places
    return places


def _alias_only(place: Place, name: str, places: list[Place]) -> bool:
    """``name`` is only an alternate name of ``place`` while another candidate bears it."""
    return not gazetteer.is_own_name(place, name) and any(
        gazetteer.is_own_name(p, name) for p in places)


def _settle_nearby(spans: list[PlaceSpan], candidates: dict[int, list[Place]],
                   context: _Context, resolved: dict[int, Place | None]) -> dict[int, Place | None]:
    """Resolve each name again, preferring a town or county near the towns and counties
    the article's other names resolved to."""
    anchors = [(_key(s), p) for s in spans for p in [resolved[s.start_char]]
               if p is not None and p.latitude is not None and p.feature in _LOCAL_FEATURES]
    if not anchors:
        return resolved
    settled = dict(resolved)
    for span in spans:
        places = candidates[span.start_char]
        first = resolved[span.start_char]
        if len(places) < 2 or first is None or (
                first.feature == "ADM1" and gazetteer.is_own_name(first, span.text)):
            continue  # "Florida" is the state, whatever town of that name lies near
        if first.kind == "country":
            # a country may yield to a namesake town abroad ("Palestine" next to Anderson
            # County, Texas), never to a place inside it (the city of Hong Kong)
            places = [p for p in places if p is first or p.country_code != first.country_code]
        key = _key(span)
        near = [a for k, a in anchors if k != key]
        boosts = [_NEAR_BOOST if _near(p, near) else 1.0 for p in places]
        if _NEAR_BOOST in boosts:
            settled[span.start_char] = max(
                zip(places, boosts, strict=True),
                key=lambda pair: _score(pair[0], span, context, places) * pair[1])[0]
    return settled


def _near(place: Place, anchors: list[Place]) -> bool:
    if place.feature not in _LOCAL_FEATURES or place.latitude is None:
        return False
    return any(gazetteer.distance_km(place, a) <= _NEAR_KM for a in anchors
               if a.geonames_id != place.geonames_id  # a degree of latitude is 111 km
               and abs(a.latitude - place.latitude) * 111.0 <= _NEAR_KM)


def _unique(places: list[Place]) -> list[Place]:
    seen: set[int] = set()
    result = []
    for place in places:
        if place.geonames_id is None or place.geonames_id not in seen:
            result.append(place)
            if place.geonames_id is not None:
                seen.add(place.geonames_id)
    return result


def _context(text: str, spans: list[PlaceSpan], candidates: dict[int, list[Place]]) -> _Context:
    """Countries and regions the article names, and the "City, Region" pairs it writes.

    Only names that are unambiguous vote ("Minnesota", "Fargo", "France"), so that a
    local story's towns and state pull its other small-town names home. A name never
    counts as context for itself: "London" alone does not make a story British.
    """
    votes: dict[str, tuple[Counter[str], Counter[str]]] = {}
    for span in spans:
        place = _confident(span.text, candidates[span.start_char])
        if place is None or not place.country_code:
            continue
        countries, regions = votes.setdefault(_key(span), (Counter(), Counter()))
        weight = 3 if span.label == "DATELINE" else 1
        countries[place.country_code] += weight
        if place.feature in ("ADM1", "RGN"):
            regions[f"{place.country_code}:{place.name}"] += weight
        elif place.admin1 and place.kind == "city":
            regions[f"{place.country_code}:{place.admin1}"] += weight
    countries = sum((c for c, _ in votes.values()), Counter())
    regions = sum((r for _, r in votes.values()), Counter())
    others = {key: (countries - own[0], regions - own[1]) for key, own in votes.items()}
    first = {start: places[0] for start, places in candidates.items() if places}
    return _Context(countries, regions, _pairs(text, spans, first), others)


def _key(span: PlaceSpan) -> str:
    return gazetteer.normalize(REGION_SUFFIX.sub("", span.text))


def _confident(name: str, places: list[Place]) -> Place | None:
    if not places:
        return None
    if len(places) == 1:
        return places[0]
    top, second = (gazetteer.prior(p, name) for p in places[:2])
    if places[1].feature == "ADM1" and gazetteer.normalize(places[1].name) == (
            gazetteer.normalize(name)):
        return None  # Georgia the country or the state: the article must tell
    return places[0] if top >= _CONFIDENT_RATIO * second else None


def _pairs(text: str, spans: list[PlaceSpan], first: dict[int, Place]) -> dict[int, Place]:
    """ "Arlington, Va.", "Paris, France": the second name places the first."""
    pairs = {}
    for left, right in zip(spans, spans[1:], strict=False):
        place = first.get(right.start_char)
        comma = text[left.end_char:right.start_char].strip() == ","
        if place and comma and place.feature in ("ADM1", "PCLI", "ADM2"):
            pairs[left.start_char] = place
    return pairs


def _resolve(span: PlaceSpan, places: list[Place], context: _Context) -> Place | None:
    if not places:
        return None
    return max(places, key=lambda p: _score(p, span, context, places))


def _score(place: Place, span: PlaceSpan, context: _Context, places: list[Place]) -> float:
    name = REGION_SUFFIX.sub("", span.text)
    score = gazetteer.prior(place, name)
    if _alias_only(place, name, places):
        score *= _ALIAS_ONLY
    anchor = context.pairs.get(span.start_char)
    if anchor is not None and _inside(place, anchor):
        score *= _PAIR_BOOST
    countries, regions = context.others.get(_key(span), (context.countries, context.regions))
    total = countries.total()
    share = countries[place.country_code] / total if total else 0.0
    if place.kind == "country":
        if total >= _SETTLED_CONTEXT:  # a country no other name of the article points to
            score *= 0.1 + share
    elif not _country_namesake(place, places):
        score *= 1 + _COUNTRY_BOOST * share
    region = place.name if place.feature in ("ADM1", "RGN") else place.admin1
    if region and f"{place.country_code}:{region}" in regions:
        score *= _REGION_BOOST
    return score


def _country_namesake(place: Place, places: list[Place]) -> bool:
    """The city of Hong Kong or Singapore: the article's leaning to its country is the
    country's, not the city's."""
    return any(p.kind == "country" and p.country_code == place.country_code for p in places)


def _inside(place: Place, anchor: Place) -> bool:
    if anchor.feature == "PCLI":
        return place.country_code == anchor.country_code
    return place.country_code == anchor.country_code and place.admin1 == anchor.name
