"""Temporal expressions from DATE entities, resolved against the publication date."""

from __future__ import annotations

import re
from datetime import date, datetime

import dateparser
from spacy.tokens import Doc

from .records import DateMention

_YEAR = re.compile(r"^(?:in )?(\d{4})$")


def extract_dates(doc: Doc, *, published: date | None) -> list[DateMention]:
    """Return every DATE entity with its ISO value, anchored on ``published``."""
    mentions = [_to_record(ent.text, ent.start_char, ent.end_char, published)
                for ent in doc.ents if ent.label_ == "DATE"]
    return sorted(mentions, key=lambda m: (m.start_char, m.end_char))


def _to_record(text: str, start: int, end: int, published: date | None) -> DateMention:
    year = _YEAR.match(text)
    if year:
        return DateMention(text, start, end, year.group(1), "year")
    if published is None:
        return DateMention(text, start, end, None, "other")
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime.combine(published, datetime.min.time()),
            "PREFER_DATES_FROM": "past",
            "REQUIRE_PARTS": [],
        },
    )
    value = parsed.date().isoformat() if parsed else None
    return DateMention(text, start, end, value, "date" if value else "other")
