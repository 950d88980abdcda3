"""Run the spaCy pipeline over one article, faster than ``nlp(text)``, same Doc.

Modes (``set_parsing_mode``, once per worker, when ``build_nlp`` loads the model):

- ``full``: ``nlp(text)``, the reference.
- ``whole`` (default): the same components over the whole Doc, except that the
  attribute ruler finds its matches through an index (``ruler_index``) instead of
  its generic Matcher. Identical annotations (tested on the seeds), ~1.15x faster.
- ``paragraphs``: as ``whole``, but tok2vec, tagger and parser run on the
  article's paragraphs piped as one batch. The text is tokenized once before the
  cut and ``Doc.from_docs`` glues the parts back, so tokens and offsets are those
  of the input; NER runs on the whole Doc. The small parser draws arcs across
  blank lines (a headline or a closing quotation mark into the next paragraph)
  and NER respects its sentence starts, so a few arcs, tags and entities differ;
  measured, it is not faster than ``whole`` on this model. Kept to measure.

Parsing only the sentences an extractor needs does not pay either: 97.8% of the
seeds' tokens are in sentences holding an entity, a number or a quotation mark,
and the extractors read tags and arcs around every one of those.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import NORM
from spacy.language import Language
from spacy.pipeline import (
    AttributeRuler,
    DependencyParser,
    Morphologizer,
    SentenceRecognizer,
    Tagger,
    Tok2Vec,
)
from spacy.tokens import Doc

from .ruler_index import build_index

FULL = "full"
WHOLE = "whole"
PARAGRAPHS = "paragraphs"
MODES = (FULL, WHOLE, PARAGRAPHS)
DEFAULT_MODE = WHOLE
# Components that only read their own paragraph's tokens well enough to batch them.
_PER_PARAGRAPH = (Tok2Vec, Tagger, DependencyParser, SentenceRecognizer, Morphologizer)
# Set on the Language object: per request it is one attribute read.
_ATTRIBUTE = "_newsx_annotator"

Step = tuple[str, Callable[[Doc], Doc]]


@dataclass(frozen=True)
class Annotator:
    """How one pipeline is run: components per paragraph, then over the whole Doc."""

    mode: str
    per_paragraph: tuple[tuple[str, Any], ...]  # pipes, run with .pipe()
    whole: tuple[Step, ...]


def set_parsing_mode(nlp: Language, mode: str) -> None:
    """Compile how ``annotate`` runs ``nlp`` (once, when the worker builds it)."""
    if mode not in MODES:
        raise ValueError(f"unknown parsing mode {mode!r}; expected one of {MODES}")
    steps: list[Step] = []
    for name, component in nlp.pipeline:
        if isinstance(component, AttributeRuler):
            component = build_index(component)
        steps.append((name, component))
    split = 0
    if mode == PARAGRAPHS:
        while split < len(steps) and isinstance(nlp.pipeline[split][1], _PER_PARAGRAPH):
            split += 1
    setattr(nlp, _ATTRIBUTE, Annotator(mode, tuple(steps[:split]), tuple(steps[split:])))


def parsing_mode(nlp: Language) -> str:
    annotator = getattr(nlp, _ATTRIBUTE, None)
    return annotator.mode if annotator else FULL


def annotate(nlp: Language, text: str) -> Doc:
    """The annotated Doc for ``text``, with exactly its characters and tokens."""
    annotator: Annotator | None = getattr(nlp, _ATTRIBUTE, None)
    if annotator is None or annotator.mode == FULL:
        return nlp(text)
    doc = nlp.make_doc(text)
    if annotator.per_paragraph:
        doc = _per_paragraph(doc, annotator.per_paragraph)
    for _name, step in annotator.whole:
        doc = step(doc)
    return doc


def _per_paragraph(doc: Doc, components: tuple[tuple[str, Any], ...]) -> Doc:
    bounds = paragraph_bounds(doc)
    parts = _cut(doc, bounds) if len(bounds) > 1 else [doc]
    for _name, component in components:
        # One batch: the tagger and parser read the tok2vec output of their own batch.
        parts = list(component.pipe(parts, batch_size=max(1, len(parts))))
    if len(parts) == 1:
        return parts[0]
    return Doc.from_docs(parts, ensure_whitespace=False)


def _cut(doc: Doc, bounds: list[tuple[int, int]]) -> list[Doc]:
    """One Doc per token range, with the same words, spaces and norms.

    Not ``Span.as_doc``: it copies the whole parent's arrays for every span.
    """
    words = [token.text for token in doc]
    spaces = [bool(token.whitespace_) for token in doc]
    norms = doc.to_array([NORM])  # tokenizer exceptions set token norms ("n't" -> "not")
    parts = []
    for start, end in bounds:
        part = Doc(doc.vocab, words=words[start:end], spaces=spaces[start:end])
        parts.append(part.from_array([NORM], norms[start:end]))
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
