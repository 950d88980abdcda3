"""Annotate several short articles as one spaCy batch; each Doc as ``parsing.annotate`` makes it.

``parsing.annotate`` already pipes one article's paragraphs through tok2vec, tagger
and parser as one batch. Short articles have few paragraphs, so their batches are
small; here the paragraphs of several articles go through those components together,
and NER takes the whole Docs as one batch. Measured on this machine (CPU time,
annotation only, 6 rounds): 250-word articles 28.4 -> 35.0 articles/s in groups of
8 (1.23x); the 1,176-word seeds got slower in groups of 8 (7.3 -> 6.9) and 32 (6.3),
so a group is capped by tokens (``GROUP_TOKENS``) and a long article is annotated on
its own, by ``parsing.annotate`` itself. ``bench/batch.py`` times the end-to-end gain.

It reads the compiled ``Annotator`` (``parsing.annotator_of``) and runs its steps
itself; ``pipeline.annotate_texts`` is the entry point.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.attrs import DEP, HEAD, TAG
from spacy.language import Language
from spacy.tokens import Doc

from . import parsing
from .lemmas import attach_lemmatizer

# Tokens of one group: about eight 250-word articles, and never two seed-length ones.
GROUP_TOKENS = 2_500
_COLUMNS = [TAG, HEAD, DEP]  # heads are relative, so they stay right in the whole Doc


def annotate_many(nlp: Language, texts: Sequence[str], *,
                  group_tokens: int = GROUP_TOKENS) -> list[Doc]:
    """``[parsing.annotate(nlp, t) for t in texts]``, short texts batched together.

    Args:
        nlp: a pipeline from ``build_nlp``.
        texts: the masked texts (``prepare(text).masked``).
        group_tokens: most tokens annotated in one batch.

    Returns:
        One annotated Doc per text, in order.
    """
    annotator = parsing.annotator_of(nlp)
    if annotator is None or annotator.mode != parsing.PARAGRAPHS or len(texts) < 2:
        return [parsing.annotate(nlp, text) for text in texts]
    docs: list[Doc | None] = [None] * len(texts)
    group: list[tuple[int, Doc]] = []
    size = 0
    for i, text in enumerate(texts):
        doc = parsing.known_text(nlp.make_doc(text), text)
        if len(doc) >= group_tokens:  # long: alone, exactly as a single request
            docs[i] = parsing.annotate(nlp, text)
            continue
        if size + len(doc) > group_tokens:
            _annotate_group(group, annotator, docs)
            group, size = [], 0
        group.append((i, doc))
        size += len(doc)
    _annotate_group(group, annotator, docs)
    return [doc for doc in docs if doc is not None]


def _annotate_group(group: list[tuple[int, Doc]], annotator: parsing.Annotator,
                    docs: list[Doc | None]) -> None:
    """Annotate ``group``'s Docs in place; put each at its index in ``docs``."""
    if not group:
        return
    if len(group) == 1:
        index, doc = group[0]
        docs[index] = _finish([_parse_paragraphs([doc], annotator)[0]], annotator)[0]
        return
    parsed = _parse_paragraphs([doc for _, doc in group], annotator)
    for (index, _), doc in zip(group, _finish(parsed, annotator), strict=True):
        docs[index] = doc


def _parse_paragraphs(group: list[Doc], annotator: parsing.Annotator) -> list[Doc]:
    """Tok2vec, tagger and parser over every paragraph of ``group`` as one batch."""
    parts: list[Doc] = []
    counts = []
    for doc in group:
        bounds = parsing.paragraph_bounds(doc) or [(0, 0)]
        pieces = parsing.cut_paragraphs(doc, bounds) if len(bounds) > 1 else [doc]
        parts.extend(pieces)
        counts.append(len(pieces))
    for _name, component in annotator.per_paragraph:
        parts = list(component.pipe(parts, batch_size=len(parts)))
    start = 0
    for doc, count in zip(group, counts, strict=True):
        pieces = parts[start:start + count]
        start += count
        if count > 1 or pieces[0] is not doc:
            doc.from_array(_COLUMNS, numpy.concatenate([p.to_array(_COLUMNS) for p in pieces]))
    return group


def _finish(docs: list[Doc], annotator: parsing.Annotator) -> list[Doc]:
    """The whole-Doc components (attribute ruler, NER), batched where they can be."""
    for _name, step in annotator.whole:
        pipe = getattr(step, "pipe", None)
        docs = list(pipe(docs, batch_size=len(docs))) if pipe else [step(d) for d in docs]
    if annotator.lemmatizer is not None:
        for doc in docs:
            attach_lemmatizer(doc, annotator.lemmatizer)
    return docs
