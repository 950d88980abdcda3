"""Headline lines and editorial brackets: spans that are not names."""

from __future__ import annotations

from service.extraction.entities.headlines import _is_title_line
from service.extraction.pipeline import run


def _names(language, text: str) -> set[str]:
    return {a.name for a in run(language, text).actors}


def test_headline_name_run_into_its_verb_is_not_an_actor(language):
    text = ("Senators Slam Governor Over School Funding Plan\n\n"
            "Governor Maria Lopez defended her budget on Tuesday. Lopez said the plan "
            "would add teachers.")
    names = _names(language, text)
    assert not any("Slam" in name or "Senators" in name for name in names)
    assert "Maria Lopez" in names


def test_headline_name_the_body_repeats_stays(language):
    text = ("Apple Unveils New Laptops For Students\n\n"
            "Apple said on Monday that its new laptops would ship in June.")
    assert "Apple" in _names(language, text)


def test_title_line_shapes():
    assert _is_title_line("Obama Seeks More Refugees As He Marks Holiday.")
    assert not _is_title_line("Governor Maria Lopez defended her budget on Tuesday.")
    assert not _is_title_line("Reporting by Ann Lee; Editing by Tom Ray")
    assert not _is_title_line("Manchester United 3 Arsenal 1")
    assert not _is_title_line("MARKETS FALL AGAIN")


def test_editors_brackets_are_not_a_name(language):
    text = ("“[W]e are reminded of the cost of war,” Senator Ann Walsh said on Monday. "
            "Walsh spoke in Boston.")
    names = _names(language, text)
    assert not any("]" in name or "[" in name for name in names)
    assert "Ann Walsh" in names
