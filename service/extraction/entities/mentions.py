"""Proper-name mentions with one type per name per article, shared by actors and locations.

The small NER model labels the same name differently from one sentence to the
next (Stoltenberg as ORG, Crimea as ORG, Kyiv as PERSON), misses institutions
("the Kremlin", "Russia's Defense Ministry") and splits names ("Ursula von der" +
"Leyen"). This module runs the steps: ``spans`` cleans the NER spans and
adds rule spans from resources (``tables`` for results tables),
``kinds`` groups the mentions that name one thing (a surname with its full
name) and decides one kind per group from all the evidence: NER votes, titles,
known institutions, the gazetteer and the syntax around each mention;
``propagation`` finds the repeats the NER missed.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..labels import WEAK_LABELS
from ..records import NamedMention
from .kinds import decide_kind, group_names
from .propagation import propagate
from .spans import find_candidates


def find_named_mentions(doc: Doc) -> list[NamedMention]:
    """Return every person, organization and place mention, typed once per name."""
    if not doc.text.strip():
        return []
    candidates = find_candidates(doc)
    mentions: list[NamedMention] = []
    for group in group_names(candidates):
        kind = decide_kind(doc, group)
        if kind is None:
            continue
        mentions.extend(
            NamedMention(c.span.text, c.span.start_char, c.span.end_char, kind, c.label)
            for c in group
            if c.label not in WEAK_LABELS or kind != "location"
        )
    mentions.extend(propagate(doc, mentions))
    return sorted(set(mentions), key=lambda m: (m.start_char, m.end_char))
