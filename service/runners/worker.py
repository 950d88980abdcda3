"""What runs where the articles are extracted: one ``Extractor`` per process, loaded once."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from .. import malloc_tuning
from ..articles import Article
from ..config import DefaultConfig


@dataclass(frozen=True)
class Settings:
    """How each worker builds its pipeline (hashable: the per-process cache's key)."""

    model: str = DefaultConfig.SPACY_MODEL
    matmul: str = DefaultConfig.MATMUL
    max_text_chars: int = DefaultConfig.MAX_TEXT_CHARS


@functools.cache
def extractor_for(settings: Settings):
    """This process's ``Extractor`` for ``settings``: built on first use, then reused."""
    from ..extractor import Extractor  # spaCy loads in the worker, not in the parent

    return Extractor(settings.model, matmul=settings.matmul,
                     max_text_chars=settings.max_text_chars)


def warm(settings: Settings) -> None:
    """Make this process an extraction worker (a process pool's initializer, a Dask
    worker plugin, the command line's own process): glibc malloc tuned as in the
    gunicorn workers (``service.malloc_tuning``), then the pipeline loaded. Dask runs
    tasks in a pool thread, whose arena this limit can come too late for: a
    ``LocalCluster``'s workers get ``MALLOC_ARENA_MAX`` at start (``cluster.WORKER_CONFIG``)."""
    malloc_tuning.tune_for_extraction()
    extractor_for(settings)


def extract_chunk(articles: list[Article], settings: Settings) -> list[dict[str, Any]]:
    """Results (or problems) of ``articles``, in order: the task every runner sends."""
    from ..extractor import extract_articles

    return list(extract_articles(extractor_for(settings).nlp, articles))
