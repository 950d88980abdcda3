"""Actor quality on the four seeds, scored like bench/quality.py, with floors just under today's."""

from __future__ import annotations

import json

import pytest

from bench.scoring import Counts
from bench.seeds import score_article
from service.extraction import run
from tests.conftest import SEEDS

GOLD = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
ACTOR_F1_FLOOR = 0.95
TITLE_ACCURACY_FLOOR = 0.90
KIND_ACCURACY_FLOOR = 0.95
AFFILIATION_ACCURACY_FLOOR = 0.85


@pytest.fixture(scope="module")
def actor_counts(language, seed_texts) -> Counts:
    counts = Counts()
    for article in GOLD:
        counts.add(score_article(run(language, seed_texts[article["file"]]), article)["actors"])
    return counts


def test_seed_actors_meet_floor(actor_counts):
    assert actor_counts.f1 >= ACTOR_F1_FLOOR, (actor_counts.precision, actor_counts.recall)


@pytest.mark.parametrize(
    ("attribute", "floor"),
    [("title", TITLE_ACCURACY_FLOOR), ("kind", KIND_ACCURACY_FLOOR),
     ("affiliation", AFFILIATION_ACCURACY_FLOOR)],
)
def test_seed_actor_attributes_meet_floor(actor_counts, attribute, floor):
    assert actor_counts.accuracy(attribute) >= floor


def test_seed_bylines_are_never_actors(language, seed_texts):
    for article in GOLD:
        result = run(language, seed_texts[article["file"]])
        names = {n for a in result.actors for n in (a.name, *a.aliases)}
        assert not names & set(article["bylines"]), article["id"]
