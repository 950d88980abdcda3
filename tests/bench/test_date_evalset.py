"""The TimeML mapping and scoring of the date eval sets, on hand-made items."""

from __future__ import annotations

import pytest

from bench.evalsets.tempeval3_platinum import _score, to_timeml
from service.extraction.records import DateMention


@pytest.mark.parametrize(("mention", "expected"), [
    (DateMention("now", 10, 13, "2013-03-22", "other"), [(10, 13, "PRESENT_REF")]),
    (DateMention("2009-2010", 0, 9, "2009/2010", "range"), [(0, 4, "2009"), (5, 9, "2010")]),
    (DateMention("1957-58", 0, 7, "1957/1958", "range"), [(0, 4, "1957"), (5, 7, "1958")]),
    (DateMention("Feb. 10-20", 0, 10, "2022-02-10/2022-02-20", "range"),
     [(0, 7, "2022-02-10"), (8, 10, "2022-02-20")]),
    (DateMention("the 1990s", 0, 9, "199", "other"), [(0, 9, "199X")]),
    (DateMention("this weekend", 0, 12, "2022-02-19/2022-02-20", "range"),
     [(0, 12, "2022-W07-WE")]),
    (DateMention("Friday", 0, 6, "2013-03-22", "date"), [(0, 6, "2013-03-22")]),
])
def test_to_timeml_maps_our_values(mention, expected):
    assert to_timeml(mention, "2013-03-22") == expected


def test_score_counts_overlap_hits_values_and_strict_extras():
    gold = [{"start": 0, "end": 13, "type": "DATE", "value": "2013-W11"},
            {"start": 20, "end": 26, "type": "DATE", "value": "2013-03-22"},
            {"start": 30, "end": 37, "type": "DURATION", "value": "P1M"}]
    predicted = [(4, 13, "2013-W11"), (20, 26, "2013-03-15"), (30, 37, "2013-03"),
                 (50, 54, "2012")]
    counts = _score(predicted, gold)
    assert counts == {"pred": 4, "gold": 2, "hit": 2, "exact": 1, "value": 1, "neutral": 1}
