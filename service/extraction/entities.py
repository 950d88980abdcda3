"""Proper-name mentions with one type per name per article, shared by actors and locations."""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc

from .gazetteer import is_place
from .records import NamedMention

_KIND_BY_LABEL = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "location",
    "LOC": "location",
    "FAC": "location",
}


def find_named_mentions(doc: Doc) -> list[NamedMention]:
    """Return every person, organization and place mention, typed once per name.

    The small pipeline labels the same name differently from one sentence to the
    next; the majority label over the article decides for all its mentions.
    """
    ents = [e for e in doc.ents if e.label_ in _KIND_BY_LABEL and e.text.strip()]
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in ents:
        votes[_key(ent.text)][_KIND_BY_LABEL[ent.label_]] += 1
    mentions = [
        NamedMention(
            text=ent.text,
            start_char=ent.start_char,
            end_char=ent.end_char,
            kind=_decide(ent.text, votes[_key(ent.text)]),
            label=ent.label_,
        )
        for ent in ents
    ]
    return sorted(mentions, key=lambda m: (m.start_char, m.end_char))


def _decide(name: str, votes: Counter[str]) -> str:
    """Majority label, except that a name the gazetteer knows as a place is a place."""
    if is_place(name):
        return "location"
    return votes.most_common(1)[0][0]


def _key(name: str) -> str:
    return name.casefold().removeprefix("the ").strip()
