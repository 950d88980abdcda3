"""The data files under resources/en/ and the one reader they share."""

from __future__ import annotations

from importlib.resources import files

import pytest

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
    assert rows == entries("organizations.tsv")  # cached, same object each call
