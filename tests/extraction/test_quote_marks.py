"""Pairing quotation marks into spans: one case per rule and per failure mode."""

from __future__ import annotations

import pytest

from service.extraction.quotes.marks import find_marked_spans

CASES = [
    # straight and curly double marks
    ('"Hello there," he said.', ("Hello there,",)),
    ("“Hello there,” he said.", ("Hello there,",)),
    # a split quote is two spans
    ("“A is true,” he said, “and B too.”", ("A is true,", "and B too.")),
    # single marks inside double ones stay inside the outer span
    ("“We built the ‘mother of all sanctions’ together,” he said.",
     ("We built the ‘mother of all sanctions’ together,",)),
    # curly single marks on their own are a quote; apostrophes are not marks
    ("NATO: ‘SIGNIFICANT’ buildup in Ukraine’s north", ("SIGNIFICANT",)),
    ("Ukraine’s army and the Allies’ plans don’t change.", ()),
    # a quote running on into the next paragraph ends at its line's end
    ("“It runs on\n\n“and ends here.”", ("It runs on", "and ends here.")),
    # an unclosed mark with no reopening next paragraph pairs with nothing
    ("He said “this never closes\n\nNext paragraph “is fine” here.", ("is fine",)),
    # a stray opener is dropped when another opener follows: no giant span
    ("a “stray one and then “the real quote” here", ("the real quote",)),
    # a closing glyph at the start of a line opens; an opening glyph after a word closes
    ("”Backwards glyphs are still paired.“ she wrote.", ("Backwards glyphs are still paired.",)),
    # the doubled ASCII marks of wire feeds and corpora; '' opens between a space and a word
    ("`` We will stay , '' he said .", (" We will stay , ",)),
    ("The memo says : ''Sell the stock . '' it said .", ("Sell the stock . ",)),
    ("`` One sentence .\nAnother one . ''\nNext line .", (" One sentence .\nAnother one . ",)),
    # guillemets, both ways round, and the German „…“
    ("«Nous resterons», a-t-il dit.", ("Nous resterons",)),
    ("Er sagte: »Wir bleiben hier.« Dann ging er.", ("Wir bleiben hier.",)),
    ("„Wir schaffen das“, sagte sie.", ("Wir schaffen das",)),
    ("‹Oui›, dit-il.", ("Oui",)),
    # British style: single marks primary, double marks nested inside
    ("‘We said “no” to them,’ he said.", ("We said “no” to them,",)),
    ("‘The Allies’ plans are fine,’ she said.", ("The Allies’ plans are fine,",)),
    ("‘We don’t know,’ said the ’90s star of rock ’n’ roll.", ("We don’t know,",)),
    # straight single marks, but not apostrophes, clitics, decades or elisions
    ("Sanders: Clinton needs to 'get away from all this' with Trump", ("get away from all this",)),
    ("They don't like Boeing 's plan for the '90s, rock 'n' roll and the Clintons' hits.", ()),
    # a single-mark pair that would cut a double-quoted span in two is no pair
    ("The fans' cheers: “We 'love' the club's 'best' team,” said one.",
     ("We 'love' the club's 'best' team,",)),
    ("Say 'hi to “all the team' today,” he said.", ("all the team' today,",)),
    # curly marks nested in a straight-quoted transcript turn that runs on
    ('"PENCE: It is an episode of “Shark Tank.” But this is America.\n\n"WALLACE: Yes."',
     ("PENCE: It is an episode of “Shark Tank.” But this is America.", "WALLACE: Yes.")),
    # empty pairs and lone marks
    ('""', ()),
    ('"', ()),
    ("", ()),
    ("no marks at all 🙂", ()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_marked_spans_pairs_marks(text: str, expected: tuple[str, ...]) -> None:
    spans = find_marked_spans(text)
    assert tuple(text[s.start:s.end] for s in spans) == expected


def test_find_marked_spans_never_crosses_a_line() -> None:
    # (except ``…'', whose marks cannot be mistaken: see CASES)
    text = 'He said "one\nthen two" and "three" later.'
    spans = find_marked_spans(text)
    assert all("\n" not in text[s.start:s.end] for s in spans)


def test_find_marked_spans_bounds_one_line_articles() -> None:
    # One stray straight mark must not shift every later pair in a one-line article.
    text = 'A stray " mark. ' + " ".join(f'She said "quote {i}" today.' for i in range(50))
    contents = [text[s.start:s.end] for s in find_marked_spans(text)]
    assert contents[-1] == "quote 49"
    assert max(len(c) for c in contents) < 40


def test_find_marked_spans_offsets_index_the_text() -> None:
    text = "x\n\n“One,” she said. “Two.”\n"
    for span in find_marked_spans(text):
        assert text[span.open_mark] == "“"
        assert span.close_mark is None or text[span.close_mark] == "”"
        assert span.line_start <= span.open_mark < span.line_end
