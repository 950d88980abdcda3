"""The dev set's gold (bench/devset/gold.json) is well-formed, and its texts resolve."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from bench.scoring import CONTENT_FIELDS, Counts, macro_f1, speaker_right
from bench.seeds import EVAL_ROOT, gold_articles
from tests.conftest import ROOT

DEVSET = ROOT / "bench" / "devset" / "gold.json"
GOLD = json.loads(DEVSET.read_text(encoding="utf-8"))
ALLOWED_SETS = {"polnear/dev.jsonl", "meantime_en/all.jsonl"}
LOCATION_KINDS = {"country", "city", "region", "water", "landmark", "other"}
FIGURE_KINDS = {"count", "percent", "money", "age", "distance", "duration", "other"}
needs_shared = pytest.mark.skipif(not EVAL_ROOT.is_dir(),
                                  reason="../shared/eval (the team's eval data) is absent")


def _ids(article: dict) -> str:
    return article["id"]


def test_devset_has_twelve_articles_from_the_allowed_dev_sets():
    assert len(GOLD) == 12
    assert len({a["id"] for a in GOLD}) == len({a["source"]["id"] for a in GOLD}) == 12
    sets = [a["source"]["set"] for a in GOLD]
    assert set(sets) <= ALLOWED_SETS
    assert sets.count("polnear/dev.jsonl") == sets.count("meantime_en/all.jsonl") == 6


@pytest.mark.parametrize("article", GOLD, ids=_ids)
def test_devset_article_has_the_seeds_shape(article):
    assert "file" not in article, "texts stay in ../shared: refer to them by source"
    date.fromisoformat(article["published"])
    assert isinstance(article["bylines"], list)
    for field in CONTENT_FIELDS:
        for item in article[field]:
            assert isinstance(item["optional"], bool), (field, item)
    for actor in article["actors"]:
        assert actor["kind"] in {"person", "organization"}, actor
        assert isinstance(actor["aliases"], list) and isinstance(actor["titles"], list)
    for location in article["locations"]:
        assert location["kind"] in LOCATION_KINDS, location
        code = location["country_code"]
        assert code is None or re.fullmatch(r"[A-Z]{2}", code), location
    for figure in article["figures"]:
        assert figure["kind"] in FIGURE_KINDS, figure
        assert figure["value"] is None or isinstance(figure["value"], int | float), figure


@pytest.mark.parametrize("article", GOLD, ids=_ids)
def test_devset_quote_speakers_are_actors_of_the_article(article):
    actors = {actor["name"] for actor in article["actors"]}
    for quote in article["quotes"]:
        assert quote["kind"] in {"direct", "partial", "indirect"}, quote
        assert quote["speaker"] is None or quote["speaker"] in actors, quote


@needs_shared
def test_devset_texts_resolve_and_every_gold_text_occurs_in_its_article():
    resolved = gold_articles(DEVSET)
    assert [a["id"] for a, _, _ in resolved] == [a["id"] for a in GOLD]
    for article, text, published in resolved:
        assert published == date.fromisoformat(article["published"])
        for field in ("dates", "quotes", "figures"):
            for item in article[field]:
                assert item["text"] and item["text"] in text, (article["id"], field, item)


@needs_shared
def test_devset_published_is_the_records_date():
    for article in GOLD:
        file = EVAL_ROOT / article["source"]["set"]
        with file.open(encoding="utf-8") as lines:
            record = next(r for r in map(json.loads, lines) if r["id"] == article["source"]["id"])
        assert article["published"] == record["published"], article["id"]


def test_gold_articles_names_the_missing_eval_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="polnear/dev.jsonl"):
        gold_articles(DEVSET, eval_root=tmp_path)


def test_gold_articles_reads_a_source_record_with_its_published_date(tmp_path):
    (tmp_path / "polnear").mkdir()
    record = {"id": "r1", "text": "Putin spoke on Friday.", "published": "2022-02-04"}
    (tmp_path / "polnear" / "dev.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps([{"id": "d1", "source": {"set": "polnear/dev.jsonl", "id": "r1"},
                                 "published": "2022-02-04"}]), encoding="utf-8")
    [(article, text, published)] = gold_articles(gold, eval_root=tmp_path)
    assert (article["id"], text, published) == ("d1", record["text"], date(2022, 2, 4))


def test_macro_f1_and_speaker_right_summarise_counts():
    totals = {name: Counts(tp=1) for name in CONTENT_FIELDS}
    totals["figures"] = Counts(fn=1)
    totals["quotes"] = Counts(tp=3, fn=1, agree={"speaker": [2, 3]})
    assert macro_f1(totals) == pytest.approx((1 + 1 + 1 + 6 / 7 + 0) / 5)  # quotes: P 1, R 3/4
    assert speaker_right(totals["quotes"]) == (2, 4)
