"""Cut a Doc into token ranges and one small Doc per range, with its words, spaces and norms."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import NORM
from spacy.tokens import Doc


def cut_paragraphs(doc: Doc, bounds: list[tuple[int, int]],
                   attrs: Sequence[int] = (NORM,)) -> list[Doc]:
    """One Doc per token range, with the same words, spaces and ``attrs`` (by default
    the norms: tokenizer exceptions set them, "n't" -> "not").

    Not ``Span.as_doc``: it copies the whole parent's arrays for every span.
    """
    words = [token.text for token in doc]
    spaces = [bool(token.whitespace_) for token in doc]
    columns = list(attrs)
    values = doc.to_array(columns)
    parts = []
    for start, end in bounds:
        part = Doc(doc.vocab, words=words[start:end], spaces=spaces[start:end])
        parts.append(part.from_array(columns, values[start:end]))
    return parts


def paragraph_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges that each end with a whitespace token holding a line break."""
    bounds = []
    start = 0
    for token in doc:
        if token.is_space and "\n" in token.text:
            bounds.append((start, token.i + 1))
            start = token.i + 1
    if start < len(doc):
        bounds.append((start, len(doc)))
    return bounds
