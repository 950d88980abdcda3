"""The pipeline frame: entity repair, speaker-mention linking, publication date sources."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from service.extraction.actors import link_speaker_mentions
from service.extraction.pipeline import run, split_entities_at_gaps
from service.extraction.records import Actor, ActorMention, Quote, Speaker, TextSpan


def _doc(language, words, spaces, ents):
    doc = Doc(language.vocab, words=words, spaces=spaces)
    doc.ents = [doc.char_span(s, e, label=label) for s, e, label in ents]
    return doc


def test_pipeline_split_entities_at_gaps_cuts_at_whitespace_tokens(language):
    # "Putin   Putin": the NER ran one PERSON across a masked credit.
    doc = _doc(language, ["Putin", "  ", "Putin"], [True, False, False], [(0, 13, "PERSON")])
    assert [(e.text, e.label_) for e in split_entities_at_gaps(doc).ents] == [
        ("Putin", "PERSON"), ("Putin", "PERSON")]


def test_pipeline_split_entities_keeps_ordinary_names(language):
    doc = _doc(language, ["Vladimir", "Putin", "said"], [True, True, False],
               [(0, 14, "PERSON")])
    assert [e.text for e in split_entities_at_gaps(doc).ents] == ["Vladimir Putin"]


def test_pipeline_link_speaker_mentions_adds_pronouns_once():
    actor = Actor("a1", "Jens Stoltenberg", "person",
                  mentions=(ActorMention("Stoltenberg", 0, 11),))
    pronoun = TextSpan("he", 40, 42)
    quotes = [Quote("q1", "Hi", 20, 22, "direct", "said",
                    speaker=Speaker("a1", "Jens Stoltenberg", pronoun)),
              Quote("q2", "Yes", 30, 33, "direct", "said",
                    speaker=Speaker("a1", "Jens Stoltenberg", TextSpan("Stoltenberg", 0, 11)))]
    [linked] = link_speaker_mentions([actor], quotes)
    assert [(m.text, m.kind) for m in linked.mentions] == [("Stoltenberg", "name"),
                                                            ("he", "title")]
    assert linked.mention_count == 2


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [(" date 2022-02-03 Talks.", None, ("2022-02-03", "header")),
     (" date 2022-02-03 Talks.", date(2023, 1, 2), ("2023-01-02", "request")),
     ("Talks in Kyiv.", None, (None, None)),
     (" date 2022-02-31 Talks.", None, (None, None))],
)
def test_pipeline_publication_date_sources(language, text, published, expected):
    result = run(language, text, published=published)
    assert (result.date.published, result.date.source) == expected
