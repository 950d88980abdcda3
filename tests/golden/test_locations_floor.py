"""Locations on the four seed articles: F1 and country-code accuracy floors against gold."""

from __future__ import annotations

import json

from bench.scoring import Counts
from bench.seeds import score_article
from service.extraction import run
from tests.conftest import SEEDS

# A little under what the pipeline scores (F1 0.980, country codes 73/73, kinds 73/73).
F1_FLOOR = 0.95
COUNTRY_CODE_FLOOR = 0.98
KIND_FLOOR = 0.95


def test_seed_locations_meet_the_floors(language, seed_texts):
    totals = Counts()
    for gold in json.loads((SEEDS / "gold.json").read_text(encoding="utf-8")):
        totals.add(score_article(run(language, seed_texts[gold["file"]]), gold)["locations"])
    assert totals.f1 >= F1_FLOOR, totals
    assert totals.accuracy("country_code") >= COUNTRY_CODE_FLOOR, totals
    assert totals.accuracy("kind") >= KIND_FLOOR, totals
