"""Quotes, cues and speakers: one small hand-written case per rule and per failure mode.

Actors are built by hand from the names in each case, so these tests do not depend
on the quality of the actors extractor.
"""

from __future__ import annotations

import re

import pytest

from service.extraction.quotes.extract import extract_quotes
from service.extraction.records import Actor, ActorMention

PERSON, ORG = "person", "organization"


def _actors(text: str, table: list[tuple[str, str, tuple[str, ...]]]) -> list[Actor]:
    """Actors from ``(name, kind, surface forms)``; every occurrence of a form is a mention
    (longest forms first, so "Dmytro Kuleba" is not also counted as "Kuleba")."""
    taken: list[tuple[int, int]] = []
    actors = []
    order = sorted(enumerate(table), key=lambda item: -max(len(f) for f in item[1][2]))
    found: dict[int, list[ActorMention]] = {}
    for index, (_, _, forms) in order:
        for form in sorted(forms, key=len, reverse=True):
            for match in re.finditer(rf"\b{re.escape(form)}\b", text):
                span = (match.start(), match.end())
                if any(s < span[1] and span[0] < e for s, e in taken):
                    continue
                taken.append(span)
                found.setdefault(index, []).append(ActorMention(form, *span))
    for index, (name, kind, forms) in enumerate(table):
        mentions = tuple(sorted(found.get(index, []), key=lambda m: m.start_char))
        actors.append(Actor(f"a{index + 1}", name, kind, aliases=forms, mentions=mentions))
    return actors


def _run(nlp, text: str, table) -> list[tuple]:
    doc = nlp(text)  # quotation-mark quotes; test_indirect_quotes.py has reported speech
    quotes = extract_quotes(doc, actors=_actors(text, table), indirect=False)
    for quote in quotes:
        assert text[quote.start_char:quote.end_char] == quote.text
        if quote.cue_span is not None:
            assert text[quote.cue_span.start_char:quote.cue_span.end_char] == quote.cue_span.text
    return [(q.text, q.kind, q.cue, q.speaker.name if q.speaker else None,
             q.speaker.mention.text if q.speaker and q.speaker.mention else None)
            for q in quotes]


ERDOGAN = [("Recep Tayyip Erdogan", PERSON, ("Recep Tayyip Erdogan", "Erdogan"))]
LE_DRIAN = [("Jean-Yves Le Drian", PERSON, ("Jean-Yves Le Drian", "Le Drian"))]
KULEBAS = [("Anastacia Kuleba", PERSON, ("Anastacia Kuleba",)),
           ("Dmytro Kuleba", PERSON, ("Dmytro Kuleba",)),
           ("Kuleba", PERSON, ("Kuleba",))]

CASES = [
    # speaker named before the verb, after the quote
    ("“Turkey is prepared to help end the crisis,” Erdogan said on Thursday.", ERDOGAN,
     [("Turkey is prepared to help end the crisis,", "direct", "said",
       "Recep Tayyip Erdogan", "Erdogan")]),
    # speaker named after the verb: "said X"
    ("“Ukrainians are united,” said Anastacia Kuleba, who fled Donetsk.",
     KULEBAS[:1], [("Ukrainians are united,", "direct", "said", "Anastacia Kuleba",
                    "Anastacia Kuleba")]),
    # split by the attribution: two quotes, one speaker
    ("Jens Stoltenberg spoke in Brussels. “This may change,” he said, but as of now, "
     "“Russia maintains a massive invasion force.”",
     [("Jens Stoltenberg", PERSON, ("Jens Stoltenberg",))],
     [("This may change,", "direct", "said", "Jens Stoltenberg", "he"),
      ("Russia maintains a massive invasion force.", "direct", "said", "Jens Stoltenberg",
       "he")]),
    # colon-introduced, with a verb of saying before the colon
    ("Zelensky told Ukrainians: “No one can love our home as we can.”",
     [("Volodymyr Zelensky", PERSON, ("Zelensky",))],
     [("No one can love our home as we can.", "direct", "told", "Volodymyr Zelensky",
       "Zelensky")]),
    # colon-introduced, with no verb: the cue is the colon
    ("NATO: “We are ready to defend every ally.”", [("NATO", ORG, ("NATO",))],
     [("We are ready to defend every ally.", "direct", "colon", "NATO", "NATO")]),
    # partial quote after "that", governed by the verb of saying
    ("Stoltenberg warned that “any further aggression would carry a heavy price.”",
     [("Jens Stoltenberg", PERSON, ("Stoltenberg",))],
     [("any further aggression would carry a heavy price.", "partial", "warned",
       "Jens Stoltenberg", "Stoltenberg")]),
    # partial fragment governed by the verb
    ("Peskov accused NATO of failing to “soberly assess the situation.”",
     [("Dmitry Peskov", PERSON, ("Peskov",)), ("NATO", ORG, ("NATO",))],
     [("soberly assess the situation.", "partial", "accused", "Dmitry Peskov", "Peskov")]),
    # "according to X"
    ("“The attack was prepared in advance,” according to Mykhailo Fedorov.",
     [("Mykhailo Fedorov", PERSON, ("Mykhailo Fedorov",))],
     [("The attack was prepared in advance,", "direct", "according to", "Mykhailo Fedorov",
       "Mykhailo Fedorov")]),
    # passive: the agent speaks
    ("The bill was dismissed as “political posturing” by Sen. Robert Menendez.",
     [("Robert Menendez", PERSON, ("Robert Menendez",))],
     [("political posturing", "partial", "dismissed", "Robert Menendez",
       "Robert Menendez")]),
    # a quote inside a quote stays inside it
    ("“It builds on the ‘mother of all sanctions’ we proposed,” Menendez said.",
     [("Robert Menendez", PERSON, ("Menendez",))],
     [("It builds on the ‘mother of all sanctions’ we proposed,", "direct", "said",
       "Robert Menendez", "Menendez")]),
    # a dash signs the quote
    ("“Trump scares me. I am afraid.” ― Krystal Correa",
     [("Krystal Correa", PERSON, ("Krystal Correa",))],
     [("Trump scares me. I am afraid.", "direct", "―", "Krystal Correa", "Krystal Correa")]),
]


@pytest.mark.parametrize(("text", "table", "expected"), CASES)
def test_extract_quotes_finds_cue_and_speaker(nlp, text, table, expected) -> None:
    assert _run(nlp, text, table) == expected


NOT_QUOTES = [
    # scare quotes with no verb of saying near them
    "Kyiv residents gathered in “flash mobs” at 10 a.m. to sing the anthem.",
    "NATO's founding treaty commits to an “Open Door” policy for Europe.",
    # names and titles of works, even under a verb of saying
    "Secretary of State Antony Blinken told ABC's “Good Morning America” on Wednesday.",
    "Zelenskyy sought to project calm, declaring Wednesday a “Day of National Unity.”",
    # unbalanced marks report nothing
    "He said “this never closes and the article goes on.\n\nAnother paragraph follows.",
    # numbers in marks are no one's words
    'The post had id "783493499266084864" in its markup.',
    "",
    "🙂 “” ‘’",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_extract_quotes_skips_names_titles_and_scare_quotes(nlp, text) -> None:
    assert _run(nlp, text, []) == []


RESOLUTION = [
    # a pronoun whose antecedent is two paragraphs back
    ("Jean-Yves Le Drian confirmed that Paris is sending troops to Romania.\n\n"
     "The announcement came a day after a similar move by Washington.\n\n"
     "“This is not a provocation,” he said.", LE_DRIAN,
     [("Jean-Yves Le Drian", "he")]),
    # the pronoun's gender rules out the most recent person
    ("John Brown met Anna Smith on Monday. He praised her work in the city.\n\n"
     "“We agree on everything that matters,” she said.",
     [("John Brown", PERSON, ("John Brown",)), ("Anna Smith", PERSON, ("Anna Smith",))],
     [("Anna Smith", "she")]),
    # a description names the titled actor
    ("NATO Secretary-General Jens Stoltenberg met ministers. Peskov spoke later.\n\n"
     "“We are prepared for the worst,” the NATO chief said.",
     [("Jens Stoltenberg", PERSON, ("Jens Stoltenberg",)), ("NATO", ORG, ("NATO",)),
      ("Dmitry Peskov", PERSON, ("Peskov",))],
     [("Jens Stoltenberg", "the NATO chief")]),
    # a document speaks for the organization that published it
    ("Rochan Consulting reported Wednesday that more trains arrived near the border.\n\n"
     "“There is no indication that troops are being withdrawn,” the report said.",
     [("Rochan Consulting", ORG, ("Rochan Consulting",))],
     [("Rochan Consulting", "the report")]),
    # an organization speaks
    ("“The cyberattacks are continuing,” Ukraine's Defense Ministry said.",
     [("Ukraine's Defense Ministry", ORG, ("Defense Ministry",))],
     [("Ukraine's Defense Ministry", "Defense Ministry")]),
    # two people with one surname each get their own quotes
    ("Anastacia Kuleba, 27, came to Maidan Square on Wednesday.\n\n"
     "“Ukrainians are united,” said Kuleba, who fled Donetsk in 2014.\n\n"
     "Foreign Minister Dmytro Kuleba met journalists in Kyiv on Tuesday.\n\n"
     "“We will believe de-escalation when we see their withdrawal,” Kuleba, the "
     "Ukrainian top diplomat, said.", KULEBAS,
     [("Anastacia Kuleba", "Kuleba"), ("Dmytro Kuleba", "Kuleba")]),
    # an adjacent quote with no attribution continues the speaker of the one before
    ("“The real goal here is de-escalation,” Le Drian said. “How do we achieve it? "
     "By deterring and by talking.”", LE_DRIAN,
     [("Jean-Yves Le Drian", "Le Drian"), ("Jean-Yves Le Drian", "Le Drian")]),
    # a paragraph that is only a quote continues the previous paragraph's speaker
    ("“We will rebuild the city,” Erdogan said.\n\n“It will take years, but we will do it.”",
     ERDOGAN, [("Recep Tayyip Erdogan", "Erdogan"), ("Recep Tayyip Erdogan", "Erdogan")]),
    # a speaker that is no actor keeps the words that name it
    ("“The referendum is unlikely,” a senior Ukrainian official said.", [],
     [("a senior Ukrainian official", "a senior Ukrainian official")]),
    # nobody named: no speaker, never a guess from an unrelated sentence
    ("Erdogan visited Kyiv on Thursday.\n\n“Nothing will ever be the same in this town again.”\n",
     ERDOGAN, [(None, None)]),
]


@pytest.mark.parametrize(("text", "table", "expected"), RESOLUTION)
def test_extract_quotes_resolves_speakers(nlp, text, table, expected) -> None:
    assert [(q[3], q[4]) for q in _run(nlp, text, table)] == expected


def test_extract_quotes_numbers_quotes_in_text_order(nlp) -> None:
    text = "“One thing is clear,” Erdogan said. “Another thing is too,” he added."
    quotes = extract_quotes(nlp(text), actors=_actors(text, ERDOGAN))
    assert [q.id for q in quotes] == ["q1", "q2"]
    assert [q.start_char for q in quotes] == sorted(q.start_char for q in quotes)
    assert [q.cue for q in quotes] == ["said", "added"]


def test_extract_quotes_paragraph_run_on_is_one_quote_per_span(nlp) -> None:
    text = ("“The first part of the speech runs on,” Erdogan said. “And it goes on\n\n"
            "“and ends in the next paragraph.”")
    got = _run(nlp, text, ERDOGAN)
    assert [g[0] for g in got] == ["The first part of the speech runs on,", "And it goes on",
                                   "and ends in the next paragraph."]
    assert {g[3] for g in got} == {"Recep Tayyip Erdogan"}


def test_pipeline_links_pronoun_speakers_to_their_actor(language) -> None:
    from service.extraction import run

    text = ("Turkish President Recep Tayyip Erdogan spoke in Kyiv on Thursday.\n\n"
            "“Turkey is prepared to help end the crisis,” he said.")
    result = run(language, text)
    quote = result.quotes[0]
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == "he"
    actor = next(a for a in result.actors if a.id == quote.speaker.actor)
    assert any(m.text == "he" and m.kind == "title" for m in actor.mentions)


UNMARKED = [
    # a colon after a verb of saying with a subject introduces an unmarked quote
    ("Zelensky told Ukrainians: No one can love our home as we can. Then he left.",
     [("No one can love our home as we can.", "direct", "told", "Zelensky")]),
    # no verb of saying, a lower-case list, or a title after the colon: no quote
    ("Agenda: Talks begin at noon in Paris.", []),
    ("He said two things: first, no.", []),
    ("She wrote a memoir entitled The White House Doctor: My Patients Were Presidents.", []),
]


@pytest.mark.parametrize(("text", "expected"), UNMARKED)
def test_extract_quotes_takes_unmarked_colon_quotes(nlp, text, expected) -> None:
    assert [q[:3] + (q[4],) for q in _run(nlp, text, [])] == expected
