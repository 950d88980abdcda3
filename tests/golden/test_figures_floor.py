"""Quality floor for figures on the four seed articles (seeds/gold.json, same scoring as bench)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.seeds import score_gold_file
from service.extraction import run

GOLD = Path(__file__).resolve().parents[2] / "seeds" / "gold.json"


@pytest.mark.model
@pytest.mark.slow
def test_figures_on_seeds_stay_above_the_floor(language):
    counts = score_gold_file(GOLD, lambda text, published: run(language, text, published=published))
    figures = counts["figures"]
    assert figures.f1 >= 0.95
    assert figures.accuracy("value") >= 0.95
    assert figures.accuracy("unit") >= 0.90
    assert figures.accuracy("kind") >= 0.90
    assert figures.accuracy("qualifier") >= 0.90
