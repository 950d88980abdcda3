"""Quotations inside paired quotation marks, with the nearest person as speaker."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .records import Actor, Quote, Speaker, TextSpan

# Pairs never cross a paragraph, so a stray mark cannot swallow the article.
_QUOTED = re.compile(r"“([^“”\n]+)”|\"([^\"\n]+)\"")


def extract_quotes(doc: Doc, *, actors: list[Actor]) -> list[Quote]:
    """Return quoted spans; the speaker is the closest person mentioned in the paragraph."""
    text = doc.text
    quotes = []
    for match in _QUOTED.finditer(text):
        group = 1 if match.group(1) is not None else 2
        start, end = match.start(group), match.end(group)
        speaker = _nearest_person(text, start, end, actors)
        kind = "direct" if len(match.group(group).split()) > 3 else "partial"
        quotes.append(Quote(f"q{len(quotes) + 1}", text[start:end], start, end, kind, None,
                            speaker=speaker))
    return quotes


def _nearest_person(text: str, start: int, end: int, actors: list[Actor]) -> Speaker | None:
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end == -1 else para_end
    best: tuple[int, Actor, TextSpan] | None = None
    for actor in actors:
        if actor.kind != "person":
            continue
        for m in actor.mentions:
            inside = start <= m.start_char < end
            if para_start <= m.start_char < para_end and not inside:
                distance = min(abs(m.start_char - end), abs(start - m.end_char))
                if best is None or distance < best[0]:
                    best = (distance, actor, TextSpan(m.text, m.start_char, m.end_char))
    if best is None:
        return None
    return Speaker(best[1].id, best[1].name, best[2])
