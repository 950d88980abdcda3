"""The extractors, declared: which response field each fills and what it reads first.

``extract_from_doc`` walks the table in order over one annotated article. Every
extractor reads the ``Article`` (the Doc, what preprocessing found, the names the
entity step typed) and the fields it ``requires``, which come earlier in the table.
An extractor may also ``revise`` an earlier field from its own result: quotes add
the pronouns and descriptions they resolved to the actors' mentions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from spacy.attrs import IS_ALPHA, LIKE_NUM
from spacy.tokens import Doc

from .actors import extract_actors, link_speaker_mentions
from .dates import extract_dates
from .entities import find_named_mentions
from .figures import extract_figures
from .locations import extract_locations
from .preprocess import Prepared
from .quotes import extract_quotes
from .records import (
    ArticleInfo,
    DateInfo,
    Dateline,
    ExtractionResult,
    Location,
    NamedMention,
    Quote,
)
from .stages import stage


@dataclass(frozen=True, slots=True)
class Article:
    """One annotated article: what every extractor may read."""

    doc: Doc  # annotated from ``prepared.masked``
    prepared: Prepared
    requested: date | None  # the publication date the request gave, if any
    mentions: list[NamedMention]  # proper names, each typed once (entities/)
    indirect_quotes: bool = True  # reported speech without quotation marks wanted

    @property
    def published(self) -> date | None:
        """The anchor of relative dates: the request's date, else the text's header."""
        return self.requested or self.prepared.published


@dataclass(frozen=True, slots=True)
class Extractor:
    """How one response field is filled.

    ``fill(article, found)`` returns the field's value; ``found`` holds the fields
    filled before it, among them every one named in ``requires``. ``revise``, if
    any, is ``(field, function)``: ``function(found[field], value)`` replaces that
    earlier field once this one is filled.
    """

    fill: Callable[[Article, Mapping[str, Any]], Any]
    requires: tuple[str, ...] = ()
    revise: tuple[str, Callable[[Any, Any], Any]] | None = None


def _date(article: Article, found: Mapping[str, Any]) -> DateInfo:
    anchor = article.published
    source = "request" if article.requested else (
        "header" if article.prepared.published else None)
    return DateInfo(published=anchor.isoformat() if anchor else None, source=source,
                    mentions=tuple(extract_dates(article.doc, published=anchor)))


def _actors(article: Article, found: Mapping[str, Any]) -> list:
    return extract_actors(article.doc, mentions=article.mentions)


def _locations(article: Article, found: Mapping[str, Any]) -> list:
    return extract_locations(article.doc, mentions=article.mentions,
                             dateline=article.prepared.dateline)


def _quotes(article: Article, found: Mapping[str, Any]) -> list[Quote]:
    text = article.prepared.text
    quotes = extract_quotes(article.doc, actors=found["actors"],
                            indirect=article.indirect_quotes)
    kept = [q for q in quotes if is_content(text, q)]
    ids = {q.id for q in kept}  # an indirect quote ``contains`` kept quotes only
    return [q if all(i in ids for i in q.contains)
            else replace(q, contains=tuple(i for i in q.contains if i in ids)) for q in kept]


def _figures(article: Article, found: Mapping[str, Any]) -> list:
    return extract_figures(article.doc, quotes=found["quotes"])


def _article(article: Article, found: Mapping[str, Any]) -> ArticleInfo:
    prepared, dateline = article.prepared, None
    if prepared.dateline:
        span = prepared.dateline
        dateline = Dateline(span.text, span.start_char, span.end_char,
                            _location_at(found["locations"], span.start_char, span.end_char))
    return ArticleInfo(dateline=dateline, bylines=prepared.bylines,
                       words=word_count(article.doc))


# The response fields the extractors fill, in response order (schemas.EXTRACTOR_NAMES).
EXTRACTORS: dict[str, Extractor] = {
    "date": Extractor(_date),
    "actors": Extractor(_actors),
    "locations": Extractor(_locations),
    "quotes": Extractor(_quotes, requires=("actors",),
                        revise=("actors", link_speaker_mentions)),
    "figures": Extractor(_figures, requires=("quotes",)),
}
# The response's description of the text itself: dateline, bylines, word count.
ARTICLE = "article"
FIELDS: dict[str, Extractor] = {
    **EXTRACTORS, ARTICLE: Extractor(_article, requires=("locations",)),
}
# Each stage reports its time when a caller records (stages.py): the service's metrics.
_FIND_MENTIONS = stage("mentions")(find_named_mentions)
_TIMED_FILLS = {field: stage(field)(extractor.fill) for field, extractor in FIELDS.items()}


def extract_from_doc(doc: Doc, prepared: Prepared, *, published: date | None = None,
                     model: str = "", indirect_quotes: bool = True) -> ExtractionResult:
    """Fill every response field from ``doc``, annotated from ``prepared.masked``.

    Args:
        doc: the annotated article (``pipeline.annotate_text``).
        prepared: what ``preprocess.prepare`` found in the text.
        published: the request's publication date; it overrides the text's own.
        model: the pipeline's identity, reported in the result.
        indirect_quotes: whether quotes of kind ``indirect`` (reported speech
            without quotation marks) are extracted.

    Returns:
        The result, one attribute per response field.
    """
    article = Article(doc, prepared, published, _FIND_MENTIONS(doc),
                      indirect_quotes)
    found: dict[str, Any] = {}
    for field, extractor in FIELDS.items():
        found[field] = _TIMED_FILLS[field](article, found)
        if extractor.revise is not None:
            earlier, revise = extractor.revise
            found[earlier] = revise(found[earlier], found[field])
    lists = {k: tuple(v) for k, v in found.items() if isinstance(v, list)}
    return ExtractionResult(**{**found, **lists}, model=model)


def word_count(doc: Doc) -> int:
    """Tokens that are words or numbers (read as arrays: no Token object per token)."""
    if not len(doc):
        return 0
    return int(doc.to_array([IS_ALPHA, LIKE_NUM]).any(axis=1).sum())


def is_content(text: str, quote: Quote) -> bool:
    """Quote marks are paired on the masked text; a pair enclosing only a masked credit
    or boilerplate is not a quotation of anyone."""
    return bool(quote.text.strip()) and text[quote.start_char:quote.end_char] == quote.text


def _location_at(locations: list[Location], start: int, end: int) -> str | None:
    for location in locations:
        if any(start <= m.start_char < end for m in location.mentions):
            return location.id
    return None
