"""Place-name spans of one article: the NER's locations, cleaned, plus the places it missed."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from spacy.attrs import IDX, IS_ALPHA, LENGTH, POS, SENT_START
from spacy.tokens import Doc

from ..lexicon import gazetteer
from ..records import NamedMention, TextSpan
from .embedded import embedded_places
from .generics import generic_names

# "Ukrainian", "Turkish", "Chinese", "Iraqi": adjectives and demonyms are not places.
_DEMONYM = re.compile(r"(?:[aei]n|ese|ish|ic|i|ch|[^s]s)$")
_SPLIT = re.compile(r"\s*(?:,|/|\band\b)\s*|(?<=[a-z])-(?=[A-Z])")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_EDGE_PUNCT = " \t\n.,;:!?\"'“”‘’()[]-–—"
# Single words the gazetteer knows that are too often something else to add on their own.
_MIN_EXTRA_CITY = 100_000
_MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    """A place name in the text; ``label`` says where it came from (NER label or rule)."""

    text: str
    start_char: int
    end_char: int
    label: str

    def span(self) -> TextSpan:
        return TextSpan(self.text, self.start_char, self.end_char)


def find_place_spans(doc: Doc, mentions: list[NamedMention],
                     dateline: TextSpan | None) -> list[PlaceSpan]:
    """Every place-name occurrence, sorted by offset, none overlapping another."""
    text = doc.text
    blocked = _Ranges([(m.start_char, m.end_char) for m in mentions if m.kind != "location"])
    people = _person_words(mentions)
    spans: list[PlaceSpan] = []
    for mention in mentions:
        if mention.kind == "location" and not _name_tail(text, mention, mentions):
            spans += _clean(doc, text, mention.start_char, mention.end_char, mention.label,
                            people)
    if dateline is not None:
        spans += _dateline_spans(text, dateline)
    spans += _missed_names(doc, blocked)
    spans += [PlaceSpan(*found, "GENERIC") for found in generic_names(text)]
    spans += [PlaceSpan(*found, "EMBEDDED") for found in embedded_places(text, mentions)]
    return _without_overlaps(spans, blocked)


def _clean(doc: Doc, text: str, start: int, end: int, label: str,
           people: set[str]) -> list[PlaceSpan]:
    """Trim "the", possessives and punctuation; split "Russia-Ukraine" and "Arlington, Va."."""
    pieces = []
    cursor = start
    for part in [*_SPLIT.split(text[start:end]), ""]:
        offset = text.find(part, cursor, end) if part else -1
        if offset < 0:
            continue
        cursor = offset + len(part)
        pieces.append((offset, cursor))
    if len(pieces) > 1 and not all(_known(text[s:e]) for s, e in pieces):
        pieces = [(start, end)]
    result = []
    for s, e in pieces:
        span = _trim(text, s, e, label)
        if span and _is_place_name(span.text, people) and not _adjective(doc, span):
            result.append(span)
    return result


def _name_tail(text: str, mention: NamedMention, mentions: list[NamedMention]) -> bool:
    """ "Leyen" after "Ursula von der": the end of a person's name the NER cut in two."""
    if gazetteer.lookup(mention.text):
        return False
    return any(m.kind == "person" and 0 <= mention.start_char - m.end_char <= 1
               and not text[m.end_char:mention.start_char].strip() for m in mentions)


def _trim(text: str, start: int, end: int, label: str) -> PlaceSpan | None:
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT and not _keeps_final_dot(text, start, end):
        end -= 1
    chunk = text[start:end]
    possessive = _POSSESSIVE.search(chunk)
    if possessive and len(chunk) > 3:
        end -= len(possessive.group())
    the = _LEADING_THE.match(text[start:end])
    if the and not _name_has_the(text[start:end]):
        start += the.end()
    if end - start < 2:
        return None
    return PlaceSpan(text[start:end], start, end, label)


def _keeps_final_dot(text: str, start: int, end: int) -> bool:
    """ "Va.", "U.S.", "D.C." end in a dot that belongs to the name."""
    return text[end - 1] == "." and (gazetteer.is_abbreviation(text[start:end]) or (
        gazetteer.is_place(text[start:end]) and "." in text[start:end - 1]))


def _name_has_the(name: str) -> bool:
    """ "The Hague", "The Gambia": the article belongs to the name."""
    return any(p.name.casefold().startswith("the ") and p.kind != "country"
               for p in gazetteer.lookup(name)[:1])


def _known(name: str) -> bool:
    return bool(name.strip(_EDGE_PUNCT)) and bool(gazetteer.lookup(name.strip(_EDGE_PUNCT)))


def _is_place_name(name: str, people: set[str]) -> bool:
    """Reject demonyms, lowercase words, and surnames of people named in the article."""
    if not any(c.isupper() for c in name) or not any(c.isalpha() for c in name):
        return False
    return bool(gazetteer.lookup(name)) or name.casefold() not in people


def _adjective(doc: Doc, span: PlaceSpan) -> bool:
    """An unknown one-word name that looks and acts like a demonym ("Ukrainian flag")."""
    if not _DEMONYM.search(span.text.casefold()):
        return False
    places = gazetteer.lookup(span.text)
    if " " in span.text and places:
        return False  # "New Orleans", "Port Said": names of their own
    if places and gazetteer.normalize(places[0].name) == gazetteer.normalize(span.text) and (
            gazetteer.is_place(span.text)):
        return False  # "Oman", "Iran", "Kharkiv": a place's own name
    tokens = doc.char_span(span.start_char, span.end_char, alignment_mode="expand")
    if tokens is None:
        return False
    after = doc[tokens.end] if tokens.end < len(doc) else None
    return tokens[-1].pos_ == "ADJ" or (after is not None and after.pos_ in ("NOUN", "PROPN")) or (
        span.text.casefold().endswith(("ian", "ese", "ish")))


def _person_words(mentions: list[NamedMention]) -> set[str]:
    """Words of person and organisation names ("Stoltenberg" of "Jens Stoltenberg")."""
    words = set()
    for m in mentions:
        if m.kind != "location":
            words.add(m.text.casefold())
            words.update(w.casefold() for w in m.text.split() if w[:1].isupper())
    return words


def _dateline_spans(text: str, dateline: TextSpan) -> list[PlaceSpan]:
    """ "THE HAGUE, Netherlands" -> "THE HAGUE" and "Netherlands"."""
    spans = []
    cursor = dateline.start_char
    for part in dateline.text.split(","):
        offset = text.find(part, cursor, dateline.end_char)
        cursor = offset + len(part)
        span = _trim(text, offset, cursor, "DATELINE")
        if span and any(c.isalpha() for c in span.text):
            if not _name_has_the(text[offset:cursor].strip()):
                spans.append(span)
            else:
                stripped = text[offset:cursor].strip()
                begin = text.find(stripped, offset)
                spans.append(PlaceSpan(stripped, begin, begin + len(stripped), "DATELINE"))
    return spans


def _missed_names(doc: Doc, blocked: _Ranges) -> list[PlaceSpan]:
    """Capitalised word runs that name a well-known place the NER did not tag."""
    tokens = _TokenTable.of(doc)
    found = []
    i = 0
    while i < len(tokens.starts):
        end = _longest_known(tokens, i)
        if end is None:
            i += 1
            continue
        start_char, end_char = tokens.starts[i], tokens.ends[end - 1]
        if _standalone(tokens, i, end) and not blocked.overlaps(start_char, end_char):
            found.append(PlaceSpan(tokens.text[start_char:end_char], start_char, end_char,
                                   "GAZETTEER"))
        i = end
    return found


@dataclass(frozen=True, slots=True)
class _TokenTable:
    """What the gazetteer scan reads of every token, read once from the Doc's arrays:
    the scan visits each token up to four times, and ``doc[i]`` builds a Token each time."""

    text: str
    starts: list[int]
    ends: list[int]
    capitalised: list[bool]
    sent_start: list[bool]
    adjective: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> _TokenTable:
        text = doc.text
        if not len(doc):
            return cls(text, [], [], [], [], [])
        rows = doc.to_array([IDX, LENGTH, IS_ALPHA, POS, SENT_START]).tolist()
        names = {doc.vocab.strings["PROPN"], doc.vocab.strings["NOUN"]}
        adjective = doc.vocab.strings["ADJ"]
        return cls(
            text,
            starts=[r[0] for r in rows],
            ends=[r[0] + r[1] for r in rows],
            capitalised=[bool(r[2]) and r[3] in names and text[r[0]:r[0] + 1].isupper()
                         for r in rows],
            sent_start=[r[4] == 1 for r in rows],
            adjective=[r[3] == adjective for r in rows],
        )


def _longest_known(tokens: _TokenTable, i: int) -> int | None:
    """The end of the longest run of capitalised words from ``i`` that names a notable place."""
    if not tokens.capitalised[i]:
        return None
    for end in range(min(len(tokens.starts), i + _MAX_WORDS), i, -1):
        if not tokens.capitalised[end - 1] or any(tokens.sent_start[i + 1:end]):
            continue
        name = tokens.text[tokens.starts[i]:tokens.ends[end - 1]]
        places = gazetteer.lookup(name)
        if places and _notable(places[0], name, end - i):
            return end
    return None


def _notable(place: gazetteer.Place, name: str, words: int) -> bool:
    """Places common enough to add without the NER's word: seas, countries, big cities."""
    if place.feature in ("SEA", "RGN", "LMK", "PCLI", "CONT"):
        return True
    if place.feature == "ADM1":
        return gazetteer.normalize(place.name) == gazetteer.normalize(name)
    return words > 1 and place.population >= _MIN_EXTRA_CITY or (
        place.population >= _MIN_EXTRA_CITY * 5)


def _standalone(tokens: _TokenTable, start: int, end: int) -> bool:
    """Not part of a longer proper name ("Paris Hilton", "New York Times") or an adjective."""
    if start > 0 and tokens.capitalised[start - 1] and not tokens.sent_start[start - 1]:
        return False
    if end < len(tokens.starts) and tokens.capitalised[end]:
        return False
    return not tokens.adjective[end - 1]


class _Ranges:
    """Character ranges (the article's other names) that a place span may not overlap.

    Asked once per candidate place; sorted starts and the running furthest end answer
    in a binary search instead of a pass over every name of the article.
    """

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [s for s, _ in ordered]
        self._reach = list(itertools.accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self._starts, end)  # ranges that begin before ``end``
        return before > 0 and self._reach[before - 1] > start


def _overlaps(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in ranges)


def _without_overlaps(spans: list[PlaceSpan], blocked: _Ranges) -> list[PlaceSpan]:
    """Keep the longest of overlapping spans; drop those inside person/organisation names."""
    kept: list[PlaceSpan] = []
    kept_ranges: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (-(s.end_char - s.start_char), s.start_char)):
        if span.label in ("GAZETTEER", "GENERIC") and blocked.overlaps(span.start_char,
                                                                       span.end_char):
            continue
        if not _overlaps(span.start_char, span.end_char, kept_ranges):
            kept.append(span)
            kept_ranges.append((span.start_char, span.end_char))
    return sorted(kept, key=lambda s: s.start_char)
