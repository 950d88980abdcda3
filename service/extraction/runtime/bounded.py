"""Annotate a Doc longer than any article in spaCy calls of bounded size.

The request's CPU budget (``service/budget.py``) stops a request when Python runs
again; a C call runs to its end first. The parser's and NER's transition loops are one
C call over their whole batch: over a Doc of 80,000 tokens that is 2.6 and 4 s, so a
request hit by the budget inside one answered up to 2 s after it (bench/pathological.py).

A Doc of more than ``LONG_DOC_TOKENS`` tokens (100,000 characters of the seeds' prose
make 18,952) is annotated here instead, as ``parsing.annotate`` does it but in calls of
at most ``CALL_TOKENS`` tokens:

- a paragraph longer than ``CALL_TOKENS`` is cut into pieces, after a sentence-final
  token or a whitespace token where there is one in the piece's second half;
- consecutive paragraphs and pieces are grouped up to ``CALL_TOKENS`` tokens; tok2vec,
  tagger and parser take one group per batch, and NER one group per call as one Doc
  (with the parser's sentence starts, which bound its entities);
- the tags, arcs and entities are copied back, so tokens and offsets are the input's.

Every shorter Doc, every real article, takes ``parsing.annotate``'s path unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, NORM, SENT_START, TAG
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span

from .paragraphs import cut_paragraphs, paragraph_bounds

LONG_DOC_TOKENS = 20_000
CALL_TOKENS = 4_000
_SENTENCE_ENDS = frozenset(".!?")
_COLUMNS = [TAG, HEAD, DEP]  # heads are relative, so they stay right in the whole Doc

Range = tuple[int, int]


def annotate_bounded(doc: Doc, per_paragraph: tuple[tuple[str, Any], ...],
                     whole: tuple[tuple[str, Callable[[Doc], Doc]], ...], *,
                     limit: int | None = None) -> Doc:
    """``doc`` annotated by ``per_paragraph`` components, then the ``whole`` steps, no
    component called on more than ``limit`` tokens (default ``CALL_TOKENS``)."""
    limit = limit or CALL_TOKENS
    groups = group_ranges(cut_long(doc, paragraph_bounds(doc), limit), limit)
    parts: list[Doc] = []
    for group in groups:
        batch = cut_paragraphs(doc, group)
        for _name, component in per_paragraph:
            batch = list(component.pipe(batch, batch_size=len(batch)))
        parts.extend(batch)
    doc.from_array(_COLUMNS, numpy.concatenate([part.to_array(_COLUMNS) for part in parts]))
    for _name, step in whole:
        if isinstance(step, EntityRecognizer):
            _recognize_in_windows(doc, step, [(g[0][0], g[-1][1]) for g in groups])
        else:
            doc = step(doc)
    return doc


def cut_long(doc: Doc, bounds: list[Range], limit: int) -> list[Range]:
    """``bounds`` with every range longer than ``limit`` tokens cut into pieces of at
    most ``limit``, each after the last sentence end (or else whitespace token) in its
    second half when there is one."""
    cut: list[Range] = []
    for start, end in bounds:
        while end - start > limit:
            stop = _cut_point(doc, start + limit // 2, start + limit)
            cut.append((start, stop))
            start = stop
        cut.append((start, end))
    return cut


def _cut_point(doc: Doc, lowest: int, highest: int) -> int:
    """The token index after the last sentence end in ``doc[lowest:highest]``, else
    after its last whitespace token, else ``highest``."""
    space = None
    for i in range(highest - 1, lowest - 1, -1):
        token = doc[i]
        if token.text in _SENTENCE_ENDS:
            return i + 1
        if space is None and token.is_space:
            space = i + 1
    return space or highest


def group_ranges(bounds: list[Range], limit: int) -> list[list[Range]]:
    """Consecutive ``bounds`` in groups of at most ``limit`` tokens (a longer range alone)."""
    groups: list[list[Range]] = []
    size = limit + 1
    for start, end in bounds:
        if size + end - start > limit:
            groups.append([])
            size = 0
        groups[-1].append((start, end))
        size += end - start
    return groups


def _recognize_in_windows(doc: Doc, ner: EntityRecognizer, windows: list[Range]) -> None:
    """``doc.ents`` from ``ner`` run on each window alone, as its own Doc."""
    ents = []
    parts = cut_paragraphs(doc, windows, attrs=(NORM, SENT_START))
    for (start, _end), part in zip(windows, parts, strict=True):
        ents.extend(Span(doc, start + ent.start, start + ent.end, label=ent.label)
                    for ent in ner(part).ents)
    doc.ents = ents
