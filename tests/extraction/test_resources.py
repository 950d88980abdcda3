"""The data files under resources/en/ and the one reader they share."""

from __future__ import annotations

from importlib.resources import files

import pytest

from service.extraction.lexicon.speech import reporting_lemmas, salience_lemmas
from service.extraction.lexicon.words import (
    byline_particles,
    company_suffixes,
    honorific_genders,
    honorifics,
    name_particles,
    org_suffixes,
)
from service.extraction.wordlists import entries

_DATA = sorted(
    p.name for p in files("service.extraction").joinpath("resources", "en").iterdir()
    if p.name.endswith((".txt", ".tsv"))
)


@pytest.mark.parametrize("name", _DATA)
def test_resources_every_word_list_has_entries_and_no_comment_lines(name):
    found = entries(name)
    assert found, name
    assert not any(e.lstrip().startswith("#") or not e.strip() for e in found)


def test_resources_entries_keep_file_order_and_tabs():
    rows = entries("organizations.tsv")
    assert all("\n" not in row for row in rows)
    assert any("\t" in row for row in rows)
    assert list(rows[:2]) == _lines("organizations.tsv")[:2]


@pytest.mark.parametrize(("words", "marked"), [
    (reporting_lemmas, salience_lemmas),
    (name_particles, byline_particles),
    (honorifics, honorific_genders),
    (org_suffixes, company_suffixes),
])
def test_resources_marked_words_are_read_without_their_mark(words, marked):
    assert marked() and set(marked()) <= words()
    assert not any("\t" in w or " " in w for w in words())


def test_resources_honorific_genders_are_m_or_f():
    assert set(honorific_genders().values()) == {"m", "f"}


def _lines(name):
    text = files("service.extraction").joinpath("resources", "en", name).read_text("utf-8")
    return [line for line in text.split("\n") if line.strip() and not line.startswith("#")]
