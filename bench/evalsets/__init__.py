"""One module per public data set under ../shared/eval/<folder>, named after the folder.

Each module exposes::

    def evaluate(path: Path, extract: Extract, *, limit: int | None = None) -> dict[str, float]

``path`` is the data set's folder (or one of its .jsonl files); ``extract(text, published)``
runs the whole pipeline and returns an ``ExtractionResult``; ``limit`` caps the number of
documents (for quick runs). The returned mapping is metric name -> value, in print order;
``bench/quality.py`` prints it as a table.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from service.extraction.records import ExtractionResult

Extract = Callable[[str, date | None], ExtractionResult]
