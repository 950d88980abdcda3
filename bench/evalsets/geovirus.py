"""GeoVirus (../shared/eval/geovirus): toponym spans and coordinates in Wikinews health news.

The gold has coordinates and Wikipedia pages but no GeoNames ids or country codes, so
matched toponyms are judged by the 161 km accuracy only.
"""

from __future__ import annotations

from pathlib import Path

from bench.evalsets import Extract
from bench.evalsets.toponyms import evaluate_toponyms


def evaluate(path: Path, extract: Extract, *, limit: int | None = None) -> dict[str, float]:
    return evaluate_toponyms(path, extract, limit=limit)
