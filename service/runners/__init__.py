"""Ways to run ``extractor.extract_articles`` over many articles: in this process, in a
pool of processes, against a running service over HTTP, or on a Dask cluster.

Every runner takes chunks of validated articles and yields, per chunk, the same
dicts ``POST /v1/extract`` would return (or each article's problem object); the
command line (``service.cli``) writes them as JSON Lines as they arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from typing import Any, Protocol

from ..articles import Article


class Runner(Protocol):
    """Extracts chunks of articles; yields each chunk's results as it completes."""

    def map(self, chunks: Iterable[list[Article]]) -> Iterator[list[dict[str, Any]]]: ...

    def close(self) -> None: ...


def in_window(pool: Executor, work: Callable[[list[Article]], list[dict[str, Any]]],
              chunks: Iterable[list[Article]], window: int) -> Iterator[list[dict[str, Any]]]:
    """``work(chunk)`` for every chunk on ``pool``, at most ``window`` in flight (memory
    stays bounded whatever the input's size); each chunk's results as it completes."""
    pending: set[Future] = set()
    for chunk in chunks:
        pending.add(pool.submit(work, chunk))
        if len(pending) >= window:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (future.result() for future in done)
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        yield from (future.result() for future in done)
