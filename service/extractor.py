"""The Python API and the one per-article function behind every way in.

``POST /v1/extract``, the batch and stream endpoints, the command line and the Dask
workers all call ``extract_article`` (or ``extract_articles``, which batches the
spaCy work of short articles and then finishes each article the same way), so a
result is the same JSON everywhere: identical apart from ``meta.elapsed_ms``.

    from service import Extractor

    extractor = Extractor()          # loads the spaCy pipeline once
    result = extractor.extract(text, published="2022-02-03", id="story-7")
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from spacy.language import Language

from schemas import ExtractResponseSchema

from . import __version__
from .articles import (
    PROBLEM_TYPE_BASE,
    Article,
    ArticleProblem,
    failed,
    load_article,
    load_or_problem,
)
from .config import DefaultConfig
from .extraction import (
    annotate_texts,
    build_nlp,
    extract_from_doc,
    model_label,
    run,
    warm_up,
)
from .extraction.preprocess import prepare
from .extraction.records import ExtractionResult

logger = logging.getLogger(__name__)

_RESPONSE_SCHEMA = ExtractResponseSchema()
# Articles handed to spaCy together by ``extract_articles`` (it then caps by tokens).
CHUNK_ARTICLES = 16


def extract_article(nlp: Language, article: Article) -> dict[str, Any]:
    """The body of ``POST /v1/extract`` for ``article``, JSON-ready.

    Raises:
        ExtractionError: the pipeline failed (the view answers a 500 problem).
    """
    started = time.perf_counter()
    result = run(nlp, article.text, published=article.published,
                 indirect_quotes=article.indirect_quotes)
    return _body(article, result, time.perf_counter() - started)


def extract_articles(nlp: Language, items: Iterable[Article | ArticleProblem], *,
                     type_base: str = PROBLEM_TYPE_BASE) -> Iterator[dict[str, Any]]:
    """One result or problem object per item, in order; a failure stays the article's own.

    Short articles' spaCy work is batched (``batching.annotate_many``); each result
    equals ``extract_article``'s for the same article, apart from ``meta.elapsed_ms``,
    which is the article's share (by tokens) of its batch's time plus its own.
    """
    chunk: list[Article | ArticleProblem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= CHUNK_ARTICLES:
            yield from _extract_chunk(nlp, chunk, type_base)
            chunk = []
    if chunk:
        yield from _extract_chunk(nlp, chunk, type_base)


def _extract_chunk(nlp: Language, chunk: list[Article | ArticleProblem],
                   type_base: str) -> list[dict[str, Any]]:
    articles = [item for item in chunk if isinstance(item, Article)]
    try:
        started = time.perf_counter()
        prepared = [prepare(article.text) for article in articles]
        docs = annotate_texts(nlp, [p.masked for p in prepared])
        shared = (time.perf_counter() - started) / max(1, sum(len(d) for d in docs))
    except Exception:  # one bad article must not fail the others: take them one by one
        logger.exception("batched annotation failed; extracting %d articles one by one",
                         len(articles))
        return [extract_item(nlp, item, type_base=type_base) for item in chunk]
    done = iter(zip(articles, prepared, docs, strict=True))
    out = []
    for item in chunk:
        if isinstance(item, ArticleProblem):
            out.append(item.to_dict(type_base))
            continue
        article, prep, doc = next(done)
        try:
            own = time.perf_counter()
            result = extract_from_doc(doc, prep, published=article.published,
                                      model=model_label(nlp),
                                      indirect_quotes=article.indirect_quotes)
            elapsed = shared * len(doc) + time.perf_counter() - own
            out.append(_body(article, result, elapsed))
        except Exception:
            logger.exception("extraction failed on article %r", article.id)
            out.append(failed(id=article.id, line=article.line).to_dict(type_base))
    return out


def extract_item(nlp: Language, item: Article | ArticleProblem, *,
                 type_base: str = PROBLEM_TYPE_BASE) -> dict[str, Any]:
    """``item``'s result, or its problem object: never raises."""
    if isinstance(item, ArticleProblem):
        return item.to_dict(type_base)
    try:
        return extract_article(nlp, item)
    except Exception:
        logger.exception("extraction failed on article %r", item.id)
        return failed(id=item.id, line=item.line).to_dict(type_base)


def _body(article: Article, result: ExtractionResult, seconds: float) -> dict[str, Any]:
    elapsed_ms = round(seconds * 1000, 1)
    logger.debug("extracted %d chars in %.1f ms", len(article.text), elapsed_ms)
    return _RESPONSE_SCHEMA.dump({
        "id": article.id, "date": result.date, "article": result.article,
        "actors": result.actors, "locations": result.locations, "quotes": result.quotes,
        "figures": result.figures,
        "meta": {"version": __version__, "model": result.model, "elapsed_ms": elapsed_ms},
    })


class Extractor:
    """Extraction in-process, without HTTP: the pipeline loads once, in the constructor.

    Args:
        model: an installed spaCy pipeline package (``NEWSX_SPACY_MODEL``).
        matmul: who multiplies the model's matrices (``NEWSX_MATMUL``).
        max_text_chars: the longest text accepted (``NEWSX_MAX_TEXT_CHARS``).
        nlp: an already built pipeline (from ``build_nlp``) to use instead.
    """

    def __init__(self, model: str = DefaultConfig.SPACY_MODEL, *,
                 matmul: str = DefaultConfig.MATMUL,
                 max_text_chars: int = DefaultConfig.MAX_TEXT_CHARS,
                 nlp: Language | None = None) -> None:
        if nlp is None:
            nlp = build_nlp(model, matmul=matmul)
            warm_up(nlp)
        nlp.max_length = max(nlp.max_length, max_text_chars + 1)
        self.nlp = nlp
        self.max_text_chars = max_text_chars

    def extract(self, text: str, published: date | str | None = None, *,
                id: str | None = None, indirect_quotes: bool = True) -> dict[str, Any]:
        """The same dict as ``POST /v1/extract`` returns for this article
        (``indirect_quotes=False``: as with ``"quotes": {"indirect": false}``).

        Raises:
            ArticleProblem: the article is invalid (empty text, bad date, too long);
                its ``to_dict()`` is the problem the API would answer.
        """
        payload: dict[str, Any] = {"text": text, "id": id,
                                   "quotes": {"indirect": indirect_quotes}}
        if published is not None:
            payload["published"] = str(published)
        return extract_article(self.nlp, load_article(payload, max_chars=self.max_text_chars))

    def extract_many(self, articles: Iterable[dict[str, Any] | str]) -> Iterator[dict[str, Any]]:
        """A result or a problem object per article, in order; never raises for one article.

        Args:
            articles: article objects ``{"text", "published"?, "id"?}`` or plain texts.
        """
        items = (self.load(article) for article in articles)
        return extract_articles(self.nlp, items)

    def load(self, article: dict[str, Any] | str, **where: Any) -> Article | ArticleProblem:
        """``article`` validated, or the problem that stands for it."""
        payload = {"text": article} if isinstance(article, str) else article
        return load_or_problem(payload, max_chars=self.max_text_chars, **where)
