"""bounded: a Doc longer than any article is annotated in bounded calls, offsets exact."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from service.extraction.runtime import bounded, parsing
from tests.invariants import check_invariants

_ATTRS = ["ORTH", "SPACY", "TAG", "HEAD", "DEP", "SENT_START", "ENT_IOB", "ENT_TYPE"]


def _doc(words: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words)


def _covers(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return ranges[0][0] == start and ranges[-1][1] == end and all(
        a[1] == b[0] for a, b in zip(ranges, ranges[1:], strict=False))


def test_cut_long_cuts_after_the_last_sentence_end_in_the_second_half():
    doc = _doc(["a", "."] * 20)  # 40 tokens, a "." every second one
    cut = bounded.cut_long(doc, [(0, 40)], 10)
    assert cut == [(0, 10), (10, 20), (20, 30), (30, 40)]


def test_cut_long_falls_back_to_whitespace_then_to_the_limit():
    doc = _doc(["a"] * 7 + ["\n"] + ["a"] * 20)
    assert bounded.cut_long(doc, [(0, 28)], 10) == [(0, 8), (8, 18), (18, 28)]
    assert bounded.cut_long(doc, [(0, 28)], 6) == [(0, 6), (6, 12), (12, 18), (18, 24),
                                                   (24, 28)]


def test_cut_long_keeps_short_ranges_and_cuts_each_long_one_alone():
    doc = _doc((["word"] * 30 + ["!"]) * 3)
    bounds = [(0, 5), (5, 70), (70, 93)]
    cut = bounded.cut_long(doc, bounds, 31)
    assert cut[0] == (0, 5) and cut[-1] == (70, 93)
    assert _covers(cut, 0, 93) and all(end - start <= 31 for start, end in cut)
    assert (5, 31) in cut  # after the "!" at index 30


def test_group_ranges_fills_groups_up_to_the_limit_in_order():
    bounds = [(0, 3), (3, 7), (7, 8), (8, 20), (20, 22)]
    assert bounded.group_ranges(bounds, 8) == [[(0, 3), (3, 7), (7, 8)], [(8, 20)],
                                               [(20, 22)]]
    assert bounded.group_ranges([], 8) == []


@pytest.mark.model
def test_bounded_with_a_limit_past_the_doc_annotates_exactly_like_annotate(
        language, seed_texts):
    annotator = parsing.annotator_of(language)
    for text in list(seed_texts.values())[:6]:
        expected = parsing.annotate(language, text)
        doc = parsing.known_text(language.make_doc(text), text)
        doc = bounded.annotate_bounded(doc, annotator.per_paragraph, annotator.whole,
                                       limit=10**6)
        assert (doc.to_array(_ATTRS) == expected.to_array(_ATTRS)).all()
        assert [(e.start, e.end, e.label_) for e in doc.ents] == [
            (e.start, e.end, e.label_) for e in expected.ents]


def _long_text(seed_texts: dict[str, str]) -> str:
    """Seeds with their line breaks and, once, without: paragraphs of every length."""
    texts = list(seed_texts.values())[:4]
    return "\n\n".join([*texts[:3], texts[3].replace("\n", " ")])


@pytest.mark.model
def test_bounded_calls_keep_tokens_offsets_and_valid_annotations(language, seed_texts):
    text = _long_text(seed_texts)
    annotator = parsing.annotator_of(language)
    doc = parsing.known_text(language.make_doc(text), text)
    doc = bounded.annotate_bounded(doc, annotator.per_paragraph, annotator.whole, limit=120)
    assert doc.text == text and "".join(t.text_with_ws for t in doc) == text
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in language.make_doc(text)]
    assert doc.has_annotation("TAG") and doc.has_annotation("DEP")
    assert all(t.tag_ for t in doc) and all(t.dep_ for t in doc)
    assert doc.ents and all(text[e.start_char:e.end_char] == e.text for e in doc.ents)
    pieces = bounded.cut_long(doc, parsing.paragraph_bounds(doc), 120)
    starts = {start for start, _ in pieces}
    for sentence in doc.sents:  # the parser's trees never reach across a cut
        assert not any(sentence.start < start < sentence.end for start in starts)
    for ent in doc.ents:  # NER ran on windows of whole sentences
        assert ent.sent.start <= ent.start and ent.end <= ent.sent.end


@pytest.mark.model
def test_annotate_takes_the_bounded_path_only_past_the_long_doc_limit(
        language, seed_texts, monkeypatch):
    text = next(iter(seed_texts.values()))
    calls = []
    real = bounded.annotate_bounded
    monkeypatch.setattr(parsing, "annotate_bounded",
                        lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs))
    monkeypatch.setattr(parsing, "LONG_DOC_TOKENS", len(language.make_doc(text)))
    parsing.annotate(language, text)
    assert calls == []
    parsing.annotate(language, text + " More.")
    assert calls == [1]


@pytest.mark.model
def test_a_long_article_in_bounded_calls_gets_a_valid_response(client, seed_texts,
                                                               monkeypatch):
    text = _long_text(seed_texts)
    monkeypatch.setattr(parsing, "LONG_DOC_TOKENS", 500)
    monkeypatch.setattr(bounded, "CALL_TOKENS", 150)
    response = client.post("/v1/extract", json={"text": text})
    assert response.status_code == 200
    body = response.get_json()
    check_invariants(text, body)
    assert body["actors"] and body["quotes"] and body["locations"]
