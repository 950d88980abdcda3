"""Places, one location per distinct name (not yet geocoded)."""

from __future__ import annotations

from spacy.tokens import Doc

from .records import Location, NamedMention, TextSpan


def extract_locations(doc: Doc, *, mentions: list[NamedMention]) -> list[Location]:
    """Group location mentions by exact name."""
    groups: dict[str, list[NamedMention]] = {}
    for mention in mentions:
        if mention.kind == "location":
            groups.setdefault(mention.text, []).append(mention)
    return [
        Location(
            id=f"l{index}",
            name=name,
            kind="other",
            mentions=tuple(TextSpan(m.text, m.start_char, m.end_char) for m in group),
        )
        for index, (name, group) in enumerate(groups.items(), start=1)
    ]
