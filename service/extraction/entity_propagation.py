"""Repeats of a typed name that the NER missed, in the body and in ALL-CAPS headlines."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .aliases import surname
from .entity_spans import HeadlineLines
from .gazetteer import is_place
from .records import NamedMention


def propagate(doc: Doc, mentions: list[NamedMention]) -> list[NamedMention]:
    """Other occurrences of a person's or organization's name that the NER missed."""
    text = doc.text  # Doc.text joins every token: read it once
    covered = [False] * (len(text) + 1)
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
        for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
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
    text = doc.text  # Doc.text joins every token: read it once
    headlines = HeadlineLines(text)
    for form, kind in sorted(forms.items(), key=lambda item: -len(item[0])):
        for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
            span = doc.char_span(match.start(), match.end())
            if span is None or any(covered[match.start():match.end()]) or not headlines.contains(
                    span):
                continue
            for i in range(match.start(), match.end()):
                covered[i] = True
            found.append(NamedMention(span.text, span.start_char, span.end_char, kind,
                                      "propagated"))
    return found
