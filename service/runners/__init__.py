"""Ways to run ``extractor.extract_articles`` over many articles: in this process, in a
pool of processes, against a running service over HTTP, or on a Dask cluster.

Every runner takes chunks of validated articles and yields, per chunk, the same
dicts ``POST /v1/extract`` would return (or each article's problem object); the
command line (``service.cli``) writes them as JSON Lines as they arrive.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from ..articles import Article


class Runner(Protocol):
    """Extracts chunks of articles; yields each chunk's results as it completes."""

    def map(self, chunks: Iterable[list[Article]]) -> Iterator[list[dict[str, Any]]]: ...

    def close(self) -> None: ...
