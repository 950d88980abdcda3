"""Places named inside an institution's name: "Texas Department of Transportation",
"Dublin City Council", "University of Missouri", "New York Daily News".

The name is an organization (an actor); the place it is named after is still a place
the article names, the way gazetteers and toponym corpora count it. A place leads the
name when the word after it is one of resources/en/jurisdiction_words.txt, or ends it
after "of" ("Children's Hospital of Manitoba"). Only names the gazetteer knows count.
"""

from __future__ import annotations

import functools
import re

from ..lexicon import gazetteer
from ..lexicon.words import title_words
from ..records import NamedMention
from ..wordlists import word_set

_MAX_PLACE_WORDS = 3
_WORD = re.compile(r"[A-Z][\w.'’&-]*")
_OF_PLACE = re.compile(r"\bof (?:the )?(?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})$")
_MIN_TOWN = 1_000  # a village's name leads few institutions; a person's often does
_MIN_CITY = 100_000
_LOCAL_UNITS = frozenset({"County", "Parish", "Borough", "Township"})


@functools.cache
def _person_heads() -> frozenset[str]:
    """Title words and words of jurisdiction, lower case: "East Bank Mayor", "Dublin City
    Manager"."""
    return title_words() | {w.lower() for w in word_set("jurisdiction_words.txt")}


def embedded_places(text: str, mentions: list[NamedMention]) -> list[tuple[str, int, int]]:
    """The place names inside the article's organization names, with their offsets."""
    found = []
    for mention in mentions:
        if mention.kind == "location":
            continue
        lead = _leading_place(text, mention.start_char, mention.end_char,
                              person=mention.kind == "person")
        if lead is not None:
            found.append(lead)
        if mention.kind != "organization":
            continue
        tail = _OF_PLACE.search(text, mention.start_char, mention.end_char)
        if tail is not None and _major(tail.group("place")):
            found.append((tail.group("place"), tail.start("place"), tail.end("place")))
    return found


def _leading_place(text: str, start: int, end: int, *, person: bool = False
                   ) -> tuple[str, int, int] | None:
    """ "Texas" of "Texas Department of ...", "Gainesville" of "Gainesville's VFW Post": the
    longest known place before a word of jurisdiction; for a person's name with its title
    ("East Bank Mayor Chuck Blair"), before a title word."""
    if text.startswith(("the ", "The "), start):
        start += 4
    words = list(_WORD.finditer(text, start, end))
    possessive = bool(words) and words[0].group().endswith(("'s", "’s"))
    if possessive and not person and _known(words[0].group()[:-2]):
        return words[0].group()[:-2], words[0].start(), words[0].end() - 2
    heads = _person_heads() if person else word_set("jurisdiction_words.txt")
    for n in range(min(_MAX_PLACE_WORDS, len(words) - 1), 0, -1):
        after = words[n].group().rstrip(".")
        after = after.lower() if person else after
        first, last = words[0], words[n - 1]
        contiguous = not text[first.start():last.end()].count("\n")
        local = n > 1 and last.group() in _LOCAL_UNITS  # "Laurel County Fiscal Court"
        if (after in heads or local) and contiguous and _known(
                text[first.start():last.end()], own=n > 1):
            return text[first.start():last.end()], first.start(), last.end()
    return None


def _major(name: str) -> bool:
    """ "University of Missouri", not "Chamber of Commerce" (a town in Texas): after "of",
    a country, a first-level region or a large city, by its own name."""
    places = gazetteer.lookup(name)
    return bool(places) and gazetteer.is_own_name(places[0], name) and (
        places[0].feature in ("PCLI", "ADM1") or places[0].population >= _MIN_CITY)


def _known(name: str, own: bool = False) -> bool:
    """A place the gazetteer knows, of some size; with ``own``, by its own name ("Kansas
    City", not "Dublin City" for Dublin)."""
    places = gazetteer.lookup(name)
    if not places or places[0].kind == "city" and places[0].population < _MIN_TOWN:
        return False
    return not own or gazetteer.is_own_name(places[0], name)
