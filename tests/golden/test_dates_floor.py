"""Date quality on the four seeds, scored like bench/quality.py, with floors just under today's."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bench.scoring import Counts
from bench.seeds import score_article
from service.extraction import run
from tests.conftest import SEEDS

GOLD = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
MENTION_F1_FLOOR = 0.95
VALUE_ACCURACY_FLOOR = 0.95


@pytest.fixture(scope="module")
def date_counts(language, seed_texts) -> tuple[Counts, Counts]:
    dates, published = Counts(), Counts()
    for article in GOLD:
        scores = score_article(run(language, seed_texts[article["file"]]), article)
        dates.add(scores["dates"])
        published.add(scores["published"])
    return dates, published


def test_seed_publication_dates_are_exact(date_counts):
    assert date_counts[1].accuracy("exact") == 1.0


def test_seed_date_mentions_meet_floor(date_counts):
    dates = date_counts[0]
    assert dates.f1 >= MENTION_F1_FLOOR, (dates.precision, dates.recall)


def test_seed_date_values_meet_floor(date_counts):
    assert date_counts[0].accuracy("value") >= VALUE_ACCURACY_FLOOR


def test_request_date_overrides_header_and_anchors_mentions(language, seed_texts):
    article = GOLD[0]
    result = run(language, seed_texts[article["file"]], published=date(2022, 2, 10))
    assert (result.date.published, result.date.source) == ("2022-02-10", "request")
    values = {m.text: m.value for m in result.date.mentions}
    assert values["Wednesday night"] == "2022-02-09"


def test_no_publication_date_leaves_relative_mentions_unvalued(language, seed_texts):
    article = next(a for a in GOLD if a["published"] is None)
    result = run(language, seed_texts[article["file"]])
    assert (result.date.published, result.date.source) == (None, None)
    values = {m.text: m.value for m in result.date.mentions}
    assert values["Wednesday"] is None and values["2014"] == "2014"
