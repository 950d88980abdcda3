"""TR-News (../shared/eval/trnews): toponym spans and their GeoNames resolution, global news."""

from __future__ import annotations

from pathlib import Path

from bench.evalsets import Extract
from bench.evalsets.toponyms import evaluate_toponyms


def evaluate(path: Path, extract: Extract, *, limit: int | None = None) -> dict[str, float]:
    return evaluate_toponyms(path, extract, limit=limit)
