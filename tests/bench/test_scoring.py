"""The quality scorer itself, on hand-made cases."""

from __future__ import annotations

import pytest

from bench.scoring import match, norm
from bench.seeds import score_article
from service.extraction.records import (
    Actor,
    ArticleInfo,
    DateInfo,
    DateMention,
    ExtractionResult,
    Figure,
    Quote,
    Speaker,
)

GOLD = {
    "published": "2022-02-03",
    "dateline": None,
    "bylines": [],
    "dates": [{"text": "Thursday", "value": "2022-02-03", "optional": False},
              {"text": "now", "value": "2022-02-03", "optional": True}],
    "actors": [{"name": "Vladimir Putin", "kind": "person", "aliases": ["Putin"],
                "titles": ["President"], "affiliation": "Russia", "optional": False}],
    "locations": [],
    "quotes": [{"text": "We are ready,", "speaker": "Vladimir Putin", "cue": "said",
                "kind": "direct", "optional": False}],
    "figures": [{"text": "100,000", "value": 100000, "unit": "troops", "kind": "count",
                 "qualifier": "estimated", "optional": False}],
}


def _result(*, dates=(), actors=(), quotes=(), figures=()) -> ExtractionResult:
    return ExtractionResult(
        date=DateInfo("2022-02-03", "header", tuple(dates)),
        article=ArticleInfo(None, (), 10),
        actors=tuple(actors), quotes=tuple(quotes), figures=tuple(figures),
    )


PUTIN = Actor("a1", "Vladimir Putin", "person", ("Putin",), ("President",), "Russia")
PERFECT = _result(
    dates=[DateMention("Thursday", 0, 8, "2022-02-03", "date")],
    actors=[PUTIN],
    quotes=[Quote("q1", "We are ready,", 0, 13, "direct", "said",
                  speaker=Speaker("a1", "Vladimir Putin"))],
    figures=[Figure("100,000", 0, 7, 100000, "troops", "count", "estimated")],
)


def test_scoring_perfect_prediction_scores_one():
    scores = score_article(PERFECT, GOLD)
    for field in ("dates", "actors", "quotes", "figures"):
        assert scores[field].f1 == 1.0, field
    assert scores["quotes"].accuracy("speaker") == 1.0
    assert scores["figures"].accuracy("unit") == 1.0
    assert scores["actors"].accuracy("title") == 1.0


def test_scoring_missed_item_lowers_recall():
    scores = score_article(_result(actors=[PUTIN]), GOLD)
    assert scores["dates"].recall == 0.0
    assert scores["dates"].precision == 1.0
    assert scores["actors"].recall == 1.0


def test_scoring_extra_item_lowers_precision():
    extra = Actor("a2", "Joe Biden", "person")
    scores = score_article(_result(actors=[PUTIN, extra]), GOLD)
    assert scores["actors"].precision == 0.5
    assert scores["actors"].recall == 1.0


def test_scoring_optional_items_are_free_either_way():
    with_optional = _result(dates=[DateMention("Thursday", 0, 8, "2022-02-03", "date"),
                                   DateMention("now", 9, 12, "2022-02-03", "other")])
    assert score_article(with_optional, GOLD)["dates"].f1 == 1.0
    assert score_article(PERFECT, GOLD)["dates"].f1 == 1.0


def test_scoring_wrong_speaker_is_counted_on_matched_quotes():
    quote = Quote("q1", "We are ready,", 0, 13, "direct", "said",
                  speaker=Speaker("a2", "Joe Biden"))
    scores = score_article(_result(quotes=[quote]), GOLD)
    assert scores["quotes"].f1 == 1.0
    assert scores["quotes"].accuracy("speaker") == 0.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The Kremlin", "kremlin"), ("Macron’s office", "macron's office"), ("“A,”", "a")],
)
def test_scoring_norm_compares_names_loosely(text, expected):
    assert norm(text) == expected


def test_scoring_match_pairs_each_gold_item_once():
    counts, pairs = match(["a", "a"], [{"v": "a"}], lambda p, g: p == g["v"])
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)
    assert len(pairs) == 1


def test_scoring_repeated_words_pair_by_position():
    # "two" twice: the first optional, the second required; we found only the second.
    gold = {**GOLD, "figures": [
        {"text": "two", "value": 2, "unit": "tracks", "kind": "count", "qualifier": None,
         "optional": True},
        {"text": "two", "value": 2, "unit": "rivals", "kind": "count", "qualifier": None,
         "optional": False}]}
    text = "a two-track plan and two rivals"
    found = _result(figures=[Figure("two", 21, 24, 2, "rivals", "count")])
    scores = score_article(found, gold, text=text)
    assert scores["figures"].f1 == 1.0
    assert scores["figures"].accuracy("unit") == 1.0


def test_scoring_places_a_number_where_it_stands_alone():
    # "800" is first seen inside the model number "A380-800": the gold figure is the later one.
    gold = {**GOLD, "figures": [
        {"text": "800", "value": 800, "unit": "passengers", "kind": "count",
         "qualifier": "up to", "optional": False}]}
    text = "the A380-800 carries up to 800 passengers"
    found = _result(figures=[Figure("800", 9, 12, 800, None, "count"),
                             Figure("800", 27, 30, 800, "passengers", "count", "up to")])
    scores = score_article(found, gold, text=text)
    assert (scores["figures"].tp, scores["figures"].fp) == (1, 1)
    assert scores["figures"].accuracy("unit") == 1.0


def test_scoring_affiliation_accepts_another_name_of_the_same_actor():
    gold = {**GOLD, "actors": [
        {**GOLD["actors"][0], "affiliation": "UAW"},
        {"name": "United Auto Workers", "kind": "organization", "aliases": ["UAW"],
         "titles": [], "affiliation": None, "optional": True}]}
    found = _result(actors=[Actor("a1", "Vladimir Putin", "person", ("Putin",), ("President",),
                                  "United Auto Workers")])
    assert score_article(found, gold)["actors"].accuracy("affiliation") == 1.0
    wrong = _result(actors=[Actor("a1", "Vladimir Putin", "person", (), ("President",), "NATO")])
    assert score_article(wrong, gold)["actors"].accuracy("affiliation") == 0.0
