"""defuse: pathological runs blanked, offsets kept, ordinary text untouched."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extraction.defuse import KEEP, LONG_RUN, SYMBOL_RUN, defuse
from service.extraction.pipeline import run
from service.extraction.preprocess import prepare


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin said: “We will win.”", "Putin said: “We will win.”"),
    ("He said “no.”’)", "He said “no.”’)"),  # 5 symbols: under SYMBOL_RUN
    ('a' + '"' * 20 + 'b', 'a"""' + " " * 14 + '"""b'),
    ("(" + "x" * 70 + ")", "(" + " " * 70 + ")"),
    ('“https://example.org/' + "a" * 60 + '”', "“" + " " * 80 + "”"),
    ("😀" * 12, "😀" * 3 + " " * 6 + "😀" * 3),
])
def test_defuse_blanks_runs(text, expected):
    assert defuse(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab "“”()😀\u0301\n.-'), max_size=400))
def test_defuse_keeps_length_and_every_space_and_kept_character(text):
    defused = defuse(text)
    assert len(defused) == len(text)
    for original, new in zip(text, defused, strict=True):
        assert new == original or new == " "
        if original.isspace():
            assert new == original


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_defuse_leaves_no_run_over_the_limits(text):
    defused = defuse(text)
    assert not any(len(run) > LONG_RUN for run in defused.split())
    symbols = 0
    for char in defused:
        symbols = symbols + 1 if not (char.isalnum() or char == "_" or char.isspace()) else 0
        assert symbols <= max(SYMBOL_RUN, 2 * KEEP)


def test_defuse_changes_no_seed(seed_texts):
    for name, text in seed_texts.items():
        masked = prepare(text).masked
        assert defuse(masked) == masked, name


@pytest.mark.model
@pytest.mark.parametrize("text", [
    '"' * 3_000, "“”" * 1_500, "(" * 3_000, "😀" * 3_000, "a" + "\u0301" * 3_000,
    'Putin said "' + "!" * 2_000 + '" on Monday.',
    '“We will win,” Putin said. ' + "(" * 500 + "\n\n“We will not give up this fight,” Biden said.",
])
def test_run_keeps_offsets_exact_on_pathological_runs(language, text):
    result = run(language, text)
    for quote in result.quotes:
        assert text[quote.start_char:quote.end_char] == quote.text
    for actor in result.actors:
        for mention in actor.mentions:
            assert text[mention.start_char:mention.end_char] == mention.text


@pytest.mark.model
def test_run_still_pairs_quotes_next_to_a_blanked_run(language):
    second = "We will not give up this fight,"
    text = '“We will win,” Putin said. ' + "(" * 500 + f"\n\n“{second}” Biden said."
    assert [q.text for q in run(language, text).quotes] == ["We will win,", second]
