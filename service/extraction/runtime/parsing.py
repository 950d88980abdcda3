"""Run the spaCy pipeline over one article, faster than ``nlp(text)``, same Doc.

Modes (``set_parsing_mode``, once per worker, when ``build_nlp`` loads the model):

- ``full``: ``nlp(text)``, the reference.
- ``whole``: the same components over the whole Doc, except that the
  attribute ruler finds its matches through an index (``ruler_index``) instead of
  its generic Matcher, and the Doc returns its input string as ``doc.text``
  instead of re-joining its tokens on every read. The lemmatizer does not run:
  the few lemmas the extractors read are made on demand (``lemmas.lemma``), with
  the same values. Otherwise identical annotations (tested on the seeds).
- ``paragraphs`` (default): as ``whole``, but tok2vec, tagger and parser run on the
  article's paragraphs piped as one batch. The text is tokenized once before the
  cut and the parts' tags and arcs are copied back, so tokens and offsets are those
  of the input; NER runs on the whole Doc. The parser's transition loop then
  advances every paragraph's state in one matrix product per step instead of one
  product per token: tok2vec and parser take about a quarter less time, the whole
  run about a tenth less (``bench/speed.py`` times both modes). The parser no longer
  draws arcs across blank lines (a headline or a closing quotation mark into the
  next paragraph), so some arcs differ from ``whole``: the seeds' gold items score
  exactly as with ``full`` (tested); the README gives the public sets' scores.
  A Doc longer than any article (``bounded.LONG_DOC_TOKENS``) is annotated the same
  way in spaCy calls of bounded size (``bounded``), NER too, so that the request's CPU
  budget never waits long for one C call to return.

Parsing only the sentences an extractor needs does not pay either: 97.8% of the
seeds' tokens are in sentences holding an entity, a number or a quotation mark,
and the extractors read tags and arcs around every one of those. Which library
multiplies the model's matrices is chosen apart (``matmul``).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, NORM, TAG
from spacy.language import Language
from spacy.pipeline import (
    AttributeRuler,
    DependencyParser,
    Lemmatizer,
    Morphologizer,
    SentenceRecognizer,
    Tagger,
    Tok2Vec,
)
from spacy.tokens import Doc

from .bounded import LONG_DOC_TOKENS, annotate_bounded
from .lemmas import attach_lemmatizer
from .paragraphs import cut_paragraphs, paragraph_bounds
from .ruler_index import build_index

FULL = "full"
WHOLE = "whole"
PARAGRAPHS = "paragraphs"
MODES = (FULL, WHOLE, PARAGRAPHS)
DEFAULT_MODE = PARAGRAPHS
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
    lemmatizer: Lemmatizer | None = None  # skipped: ``lemmas.lemma`` asks it per token


def set_parsing_mode(nlp: Language, mode: str) -> None:
    """Compile how ``annotate`` runs ``nlp`` (once, when the worker builds it)."""
    if mode not in MODES:
        raise ValueError(f"unknown parsing mode {mode!r}; expected one of {MODES}")
    steps: list[Step] = []
    lemmatizer = None
    for name, component in nlp.pipeline:
        if isinstance(component, Lemmatizer) and lemmatizer is None:
            lemmatizer = component
            continue
        if isinstance(component, AttributeRuler):
            component = build_index(component)
        steps.append((name, component))
    split = 0
    if mode == PARAGRAPHS:
        while split < len(steps) and isinstance(steps[split][1], _PER_PARAGRAPH):
            split += 1
    setattr(nlp, _ATTRIBUTE,
            Annotator(mode, tuple(steps[:split]), tuple(steps[split:]), lemmatizer))


def annotator_of(nlp: Language) -> Annotator | None:
    """How ``annotate`` runs ``nlp`` (set by ``set_parsing_mode``), or None for plain calls."""
    return getattr(nlp, _ATTRIBUTE, None)


def components_run(nlp: Language) -> list[str]:
    """The pipeline components ``annotate`` runs over every token, in order."""
    annotator: Annotator | None = getattr(nlp, _ATTRIBUTE, None)
    if annotator is None or annotator.mode == FULL:
        return list(nlp.pipe_names)
    return [name for name, _ in (*annotator.per_paragraph, *annotator.whole)]


def annotate(nlp: Language, text: str) -> Doc:
    """The annotated Doc for ``text``, with exactly its characters and tokens."""
    annotator: Annotator | None = getattr(nlp, _ATTRIBUTE, None)
    if annotator is None or annotator.mode == FULL:
        return nlp(text)
    doc = known_text(nlp.make_doc(text), text)
    if annotator.per_paragraph and len(doc) > LONG_DOC_TOKENS:  # no article is this long
        doc = annotate_bounded(doc, annotator.per_paragraph, annotator.whole)
    else:
        if annotator.per_paragraph:
            _per_paragraph(doc, annotator.per_paragraph)
        for _name, step in annotator.whole:
            doc = step(doc)
    if annotator.lemmatizer is not None:
        attach_lemmatizer(doc, annotator.lemmatizer)
    return doc


class _KnownTextDoc(Doc):
    """A Doc that returns the string it was made from instead of re-joining its tokens.

    spaCy's ``Doc.text`` joins every token again on each access, and extractors read
    it per entity or per number: on a 50,000-character article that was two thirds of
    our time. Tokenization is lossless, so the input is exactly what it would return.
    """

    @property
    def text(self) -> str:
        return self._newsx_text

    @property
    def text_with_ws(self) -> str:
        return self._newsx_text


def known_text(doc: Doc, text: str) -> Doc:
    """``doc``'s tokens (words, spaces, tokenizer norms) in a ``_KnownTextDoc``."""
    known = _KnownTextDoc(doc.vocab, words=[t.text for t in doc],
                          spaces=[bool(t.whitespace_) for t in doc])
    if len(doc):
        known.from_array([NORM], doc.to_array([NORM]))  # tokenizer exceptions set norms
    known._newsx_text = text
    return known


def _per_paragraph(doc: Doc, components: tuple[tuple[str, Any], ...]) -> None:
    """Run ``components`` on the paragraphs as one batch; copy tags and arcs back."""
    bounds = paragraph_bounds(doc)
    if len(bounds) < 2:
        for _name, component in components:
            doc = component(doc)
        return
    parts = cut_paragraphs(doc, bounds)
    for _name, component in components:
        # One batch: the tagger and parser read the tok2vec output of their own batch.
        parts = list(component.pipe(parts, batch_size=len(parts)))
    columns = [TAG, HEAD, DEP]  # heads are relative, so they stay right in the whole
    doc.from_array(columns, numpy.concatenate([part.to_array(columns) for part in parts]))
