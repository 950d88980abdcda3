"""Reported speech without quotation marks, one construction per test, on the
production path (``run``: the paragraph parser, lemmas on demand)."""

from __future__ import annotations

import pytest

from service.extraction import run
from service.extraction.quotes.indirect import KIND


def _indirect(language, text: str) -> list[tuple]:
    result = run(language, text)
    for quote in result.quotes:
        assert text[quote.start_char:quote.end_char] == quote.text
    return [(q.text, q.cue, q.speaker.name if q.speaker else None,
             q.speaker.mention.text if q.speaker and q.speaker.mention else None)
            for q in result.quotes if q.kind == KIND]


CONSTRUCTIONS = [
    # said (that) ...
    ("Russian President Vladimir Putin said on Tuesday that the troops would stay in Belarus.",
     ("the troops would stay in Belarus", "said", "Vladimir Putin", "Vladimir Putin")),
    # told X (that) ...
    ("Foreign Minister Dmytro Kuleba told reporters that Ukraine would not give up any territory.",
     ("Ukraine would not give up any territory", "told", "Dmytro Kuleba", "Dmytro Kuleba")),
    # warned that ..., an organization as speaker
    ("The United Nations warned that the fighting could displace millions of people.",
     ("the fighting could displace millions of people", "warned", "United Nations",
      "The United Nations")),
    # according to X, ...
    ("According to the Pentagon, about 100,000 troops are massed near the border.",
     ("about 100,000 troops are massed near the border", "According to", "Pentagon",
      "Pentagon")),
    # X's office said ...
    ("Zelensky's office said the talks had ended without an agreement.",
     ("the talks had ended without an agreement", "said", "Zelensky's office",
      "Zelensky's office")),
    # the clause first, the attribution after it
    ("The troops will stay in the region until March, Putin said.",
     ("The troops will stay in the region until March", "said", "Putin", "Putin")),
    # a verb of saying over an infinitive
    ("Obama urged Congress to pass the climate bill before the recess.",
     ("to pass the climate bill before the recess", "urged", "Obama", "Obama")),
    # a verb of saying over a noun phrase
    ("The White House announced new sanctions against Russian banks on Friday.",
     ("new sanctions against Russian banks", "announced", "White House", "The White House")),
    # a pronoun resolved to the actor it names
    ("Turkish President Recep Tayyip Erdogan met the delegation in Ankara. He said the talks "
     "would continue next week.",
     ("the talks would continue next week", "said", "Recep Tayyip Erdogan", "He")),
    # a description resolved to the organization it names
    ("The Defense Ministry in Moscow said 10,000 soldiers had returned to their bases.",
     ("10,000 soldiers had returned to their bases", "said", "Defense Ministry",
      "The Defense Ministry")),
    # a verb of judging over a noun phrase
    ("Senator Mary Smith backed the new trade deal.",
     ("the new trade deal", "backed", "Mary Smith", "Mary Smith")),
    # a verb of saying in the passive, its agent the speaker
    ("The new budget was endorsed by Governor Jane Miller on Monday.",
     ("The new budget", "endorsed", "Jane Miller", "Jane Miller")),
    # a noun of stance over a "that" clause, its owner the holder
    ("Smith's conclusion that the deal was flawed was widely shared.",
     ("the deal was flawed", "conclusion", "Smith", "Smith")),
    # a noun of stance over a topic phrase
    ("Mayor Tom Reed's criticism of the budget angered the council.",
     ("the budget", "criticism", "Tom Reed", "Tom Reed")),
    # a relative pronoun subject is the mention; its antecedent names the speaker
    ("The vote was delayed by Mayor Tom Reed, who said the council needed more time.",
     ("the council needed more time", "said", "Tom Reed", "who")),
]


@pytest.mark.parametrize(("text", "expected"), CONSTRUCTIONS)
def test_indirect_quote_has_content_cue_and_speaker(language, text, expected) -> None:
    assert _indirect(language, text) == [expected]


def test_hedged_rumour_has_no_speaker(language) -> None:
    text = "It is said that the general fled the country in a private jet."
    assert _indirect(language, text) == [
        ("the general fled the country in a private jet", "said", None, None)]


@pytest.mark.parametrize("text", [
    "The said company paid its taxes on time last year.",  # "said" as an adjective
    "It is believed that the convoy left the city at night.",  # a belief nobody holds
    "Putin Says Troops Will Stay In Belarus\n\nThe border was quiet on Monday.",  # headline
    "Mayor Tom Reed spoke on Thursday.",  # a time, not a topic
    "Here is what to know Monday about the storm that hit the coast.",  # a date holds no view
])
def test_not_reported_speech(language, text) -> None:
    assert _indirect(language, text) == []


def test_partial_quote_inside_the_clause_is_listed(language) -> None:
    text = ("President Joe Biden said the sanctions were \"the strongest ever imposed\" "
            "on Moscow.")
    quotes = run(language, text).quotes
    assert [(q.id, q.kind) for q in quotes] == [("q1", "indirect"), ("q2", "partial")]
    assert quotes[0].contains == ("q2",)
    assert quotes[1].text == "the strongest ever imposed"
    assert quotes[1].contains == ()


def test_direct_quote_is_not_claimed_again(language) -> None:
    text = "“We will not give up a single village,” Zelensky said on Monday."
    assert [q.kind for q in run(language, text).quotes] == ["direct"]


def test_nested_report_is_claimed_once_by_the_outer_clause(language) -> None:
    text = "Officials said the minister believes the war will end soon."
    assert _indirect(language, text) == [
        ("the minister believes the war will end soon", "said", "Officials", "Officials")]


def test_indirect_quotes_can_be_left_out(language) -> None:
    text = "Putin said the troops would stay. “We will win,” he added."
    assert [q.kind for q in run(language, text).quotes] == ["indirect", "direct"]
    assert [q.kind for q in run(language, text, indirect_quotes=False).quotes] == ["direct"]


def test_figure_points_at_the_innermost_quote(language) -> None:
    text = "The ministry said the strikes had \"killed 40 fighters\" in the east."
    result = run(language, text)
    partial = next(q for q in result.quotes if q.kind == "partial")
    assert [f.quote for f in result.figures if f.text == "40"] == [partial.id]
