"""The number parser: digits, separators, spelled numbers, scales, fractions."""

from __future__ import annotations

import pytest

from service.extraction.figures.numerals import is_number_word, parse_digits, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("150,000", 150000),
        ("150000", 150000),
        ("7000", 7000),
        ("4.800", 4.8),
        (".08", 0.08),
        ("-1", -1),
        ("1 234 567", 1234567),
        ("40\u202f000", 40000),
        ("1,674.5 million", 1674500000),
        ("1.5 million", 1500000),
        ("2 million", 2000000),
        ("10k", 10000),
        ("$2bn".lstrip("$"), 2000000000),
        ("10 bln", 10000000000),
        ("two", 2),
        ("sixteen", 16),
        ("twenty-five", 25),
        ("fifty - two", 52),
        ("one hundred and sixty-one", 161),
        ("two thousand and two hundred", 2200),
        ("two hundred and two thousand", 202000),
        ("twenty-one trillion three hundred", 21000000000300),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("3 dozens", 36),
        ("three hundred and two dozens", 324),
        ("a hundred and two", 102),
        ("322 hundred", 32200),
        ("13 lakh", 1300000),
        ("three lakh crore", 3000000000000),
        ("two thirds", 2 / 3),
        ("a half", 0.5),
        ("one and a half", 1.5),
        ("five and a half million", 5500000),
        ("3 million and a half", 3500000),
        ("one hundred and three quarters", 100.75),
        ("half million", 500000),
        ("2 1/2", 2.5),
        ("3/4", 0.75),
        ("½", 0.5),
        ("two hundred point zero three", 200.03),
        ("nine point nought four", 9.04),
        ("minus five point five", -5.5),
        ("negative one", -1),
    ],
)
def test_parse_number_reads_value(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    ["", "troops", "hundreds", "several dozen", "1/0", "one two banana", "3rd", "second"],
)
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


def test_parse_number_keeps_exact_integers_as_int():
    assert isinstance(parse_number("150,000"), int)
    assert isinstance(parse_number("1.5 million"), int)


def test_parse_number_gives_up_beyond_float_range():
    assert parse_number("9" * 400 + ".5") is None


@pytest.mark.parametrize(("token", "ok"), [("150,000", True), ("1/2", True), ("½", True),
                                           ("10k", True), ("2nd", False), ("G7", False)])
def test_parse_digits_reads_single_tokens(token, ok):
    assert (parse_digits(token) is not None) is ok


@pytest.mark.parametrize(("word", "ok"), [("Seven", True), ("million", True), ("dozen", True),
                                          ("second", False), ("several", False)])
def test_is_number_word(word, ok):
    assert is_number_word(word) is ok
