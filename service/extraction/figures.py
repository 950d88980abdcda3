"""Numbers from CARDINAL/PERCENT/MONEY/QUANTITY entities, with parsed values."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .records import Figure, Quote

_FIGURE_LABELS = {"CARDINAL": "count", "PERCENT": "percent", "MONEY": "money", "QUANTITY": "other"}
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?")
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "dozen": 12, "hundred": 100, "thousand": 1000}
_SCALE = {"million": 1_000_000, "billion": 1_000_000_000, "thousand": 1000}


def extract_figures(doc: Doc, *, quotes: list[Quote]) -> list[Figure]:
    """Return numeric entities with value, the noun they count, and their quote."""
    figures = []
    for ent in doc.ents:
        if ent.label_ not in _FIGURE_LABELS:
            continue
        quote = next((q.id for q in quotes if q.start_char <= ent.start_char < q.end_char), None)
        figures.append(Figure(ent.text, ent.start_char, ent.end_char, _value(ent.text),
                              _unit(ent), _FIGURE_LABELS[ent.label_], quote=quote))
    return figures


def _value(text: str) -> float | int | None:
    lowered = text.lower()
    match = _NUMBER.search(lowered)
    if match:
        number: float = float(match.group().replace(",", ""))
    else:
        words = [_WORDS[w] for w in re.findall(r"[a-z]+", lowered) if w in _WORDS]
        if not words:
            return None
        number = float(words[0])
    for word, scale in _SCALE.items():
        if word in lowered and (match or number != scale):
            number *= scale
    return int(number) if number.is_integer() else number


def _unit(ent: Span) -> str | None:
    if ent.label_ == "PERCENT":
        return "percent"
    head = ent.root.head
    if head.pos_ == "NOUN" and head.i >= ent.end:
        return head.text
    return None
