"""LGL (../shared/eval/lgl): toponym spans and their GeoNames resolution, US local news.

Recall is also reported by GeoNames feature class: local papers name streets, parks and
small towns an offline gazetteer of towns >= 1,000 people cannot all hold.
"""

from __future__ import annotations

from pathlib import Path

from bench.evalsets import Extract
from bench.evalsets.toponyms import evaluate_toponyms


def evaluate(path: Path, extract: Extract, *, limit: int | None = None) -> dict[str, float]:
    return evaluate_toponyms(path, extract, limit=limit, by_class=True)
