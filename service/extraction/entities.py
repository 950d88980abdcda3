"""Proper-name mentions with one type per name per article, shared by actors and locations.

The small NER model labels the same name differently from one sentence to the
next (Stoltenberg as ORG, Crimea as ORG, Kyiv as PERSON), misses institutions
("the Kremlin", "Russia's Defense Ministry") and splits names ("Ursula von der" +
"Leyen"). This module cleans the NER spans, adds rule spans from resources,
groups the mentions that name one thing (a surname with its full name) and
decides one kind per group from all the evidence: NER votes, titles, known
institutions, the gazetteer and the syntax around each mention.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .aliases import surname
from .entity_base import WEAK_LABELS
from .entity_kinds import decide_kind, group_names
from .entity_spans import find_candidates, in_headline
from .gazetteer import is_place
from .records import NamedMention


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
    mentions.extend(_propagate(doc, mentions))
    return sorted(set(mentions), key=lambda m: (m.start_char, m.end_char))


# --- propagation ---------------------------------------------------------------------


def _propagate(doc: Doc, mentions: list[NamedMention]) -> list[NamedMention]:
    """Other occurrences of a person's or organization's name that the NER missed."""
    covered = [False] * (len(doc.text) + 1)
    for m in mentions:
        for i in range(m.start_char, m.end_char):
            covered[i] = True
    forms: dict[str, str] = {}
    for m in mentions:
        if m.kind == "person" and len(m.text.split()) > 1:
            forms.setdefault(m.text, "person")
            last = surname(m.text)
            if len(last) >= 3 and last[:1].isupper() and not is_place(last):
                forms.setdefault(last, "person")
        elif m.kind == "organization" and len(m.text) >= 3:
            forms.setdefault(m.text, "organization")
    found = []
    for form, kind in sorted(forms.items(), key=lambda item: -len(item[0])):
        for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", doc.text):
            if any(covered[match.start():match.end()]):
                continue
            span = doc.char_span(match.start(), match.end())
            if span is None or not any(t.pos_ == "PROPN" for t in span):
                continue
            for i in range(match.start(), match.end()):
                covered[i] = True
            found.append(NamedMention(form, match.start(), match.end(), kind, "propagated"))
    return found + _propagate_to_headlines(doc, mentions, covered)


def _propagate_to_headlines(doc: Doc, mentions: list[NamedMention],
                            covered: list[bool]) -> list[NamedMention]:
    """"LEEDS ' BOWYER FINED": body names, upper-cased, in ALL-CAPS headline lines."""
    forms: dict[str, str] = {}
    for m in mentions:
        if m.kind in {"person", "organization"} and len(m.text) >= 3 and not is_place(m.text):
            forms.setdefault(m.text.upper(), m.kind)
            if m.kind == "person" and len(m.text.split()) > 1:
                forms.setdefault(surname(m.text).upper(), m.kind)
    found = []
    for form, kind in sorted(forms.items(), key=lambda item: -len(item[0])):
        for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", doc.text):
            span = doc.char_span(match.start(), match.end())
            if span is None or any(covered[match.start():match.end()]) or not in_headline(
                    doc, span):
                continue
            for i in range(match.start(), match.end()):
                covered[i] = True
            found.append(NamedMention(span.text, span.start_char, span.end_char, kind,
                                      "propagated"))
    return found
