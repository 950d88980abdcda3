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
from ..records import NamedMention
from ..wordlists import entries

_MAX_PLACE_WORDS = 3
_WORD = re.compile(r"[A-Z][\w.'’&-]*")
_OF_PLACE = re.compile(r"\bof (?:the )?(?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})$")
_MIN_TOWN = 1_000  # a village's name leads few institutions; a person's often does


@functools.cache
def _jurisdiction_words() -> frozenset[str]:
    return frozenset(entries("jurisdiction_words.txt"))


def embedded_places(text: str, mentions: list[NamedMention]) -> list[tuple[str, int, int]]:
    """The place names inside the article's organization names, with their offsets."""
    found = []
    for mention in mentions:
        if mention.kind != "organization":
            continue
        lead = _leading_place(text, mention.start_char, mention.end_char)
        if lead is not None:
            found.append(lead)
        tail = _OF_PLACE.search(text, mention.start_char, mention.end_char)
        if tail is not None and _known(tail.group("place")):
            found.append((tail.group("place"), tail.start("place"), tail.end("place")))
    return found


def _leading_place(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """ "Texas" of "Texas Department of ...": the longest known place before a word of
    jurisdiction."""
    if text.startswith(("the ", "The "), start):
        start += 4
    words = list(_WORD.finditer(text, start, end))
    for n in range(min(_MAX_PLACE_WORDS, len(words) - 1), 0, -1):
        after = words[n].group().rstrip(".")
        first, last = words[0], words[n - 1]
        contiguous = not text[first.start():last.end()].count("\n")
        if after in _jurisdiction_words() and contiguous and _known(
                text[first.start():last.end()], own=n > 1):
            return text[first.start():last.end()], first.start(), last.end()
    return None


def _known(name: str, own: bool = False) -> bool:
    """A place the gazetteer knows, of some size; with ``own``, by its own name ("Kansas
    City", not "Dublin City" for Dublin)."""
    places = gazetteer.lookup(name)
    if not places or places[0].kind == "city" and places[0].population < _MIN_TOWN:
        return False
    return not own or gazetteer.is_own_name(places[0], name)
