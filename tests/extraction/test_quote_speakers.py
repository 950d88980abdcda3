"""Speakers of quotes: labels, descriptions, documents, spokesmen and the dateline agency.

Hand-written sentences; actors are built by hand (see test_quotes._actors) except in
the pipeline tests at the end, which run the whole service.
"""

from __future__ import annotations

import pytest

from tests.extraction.test_quotes import ORG, PERSON, _run

SMITH = ("John Smith", PERSON, ("John Smith", "Smith"))
ROE = ("Jane Roe", PERSON, ("Jane Roe", "Roe"))
ACME = ("Acme Corp.", ORG, ("Acme Corp.", "Acme"))

SPEAKERS = [
    # transcript turns: the capitalised label inside the opening mark names the speaker,
    # and a paragraph continuing the turn keeps it
    ('Partial transcript:\n\n"SMITH: We looked at the “fast track” option. It failed.\n\n'
     '"ROE: Will you try again?\n\n"SMITH: Yes, we will.\n\n"And we will win."',
     [SMITH, ROE],
     [("John Smith", "SMITH"), ("Jane Roe", "ROE"), ("John Smith", "SMITH"),
      ("John Smith", "SMITH")]),
    # a known name resolves to its actor even where the tagger reads it as a common noun
    ('He spoke on Monday. "We stay."\n\nZelenskyy told Ukrainians: "No one can love our '
     'home as we can."', [("Volodymyr Zelenskyy", PERSON, ("Volodymyr Zelenskyy", "Zelenskyy"))],
     [("Volodymyr Zelenskyy", "Zelenskyy")]),
    # a headline's "Name:" label speaks the quote in its line
    ("Smith: City must 'put families first' in budget talks\n\nThe council met on Monday.",
     [SMITH], [("John Smith", "Smith")]),
    # a spokesman's words go to the organization he speaks for ...
    ("Acme Corp. cut 300 jobs on Monday.\n\n“No more cuts are planned,” a spokeswoman for "
     "Acme said.", [ACME], [("Acme Corp.", "a spokeswoman")]),
    ("Acme Corp. cut 300 jobs on Monday.\n\n“No more cuts are planned,” an Acme spokesman "
     "said.", [ACME], [("Acme Corp.", "an Acme spokesman")]),
    ("Acme Corp. cut 300 jobs on Monday.\n\n“No more cuts are planned,” a company "
     "spokesman said.", [ACME], [("Acme Corp.", "a company spokesman")]),
    # ... but a named spokesman is an actor of his own
    ("“No more cuts are planned,” said Jane Roe, a spokeswoman for Acme.", [ROE, ACME],
     [("Jane Roe", "Jane Roe")]),
    # a document speaks for its writer
    ("An email from Acme Corp. to the staff set out the plan: “Sell the old plant first,” "
     "it said.", [ACME], [("Acme Corp.", "it")]),
    ("A memo by John Smith warned the board that “costs are rising fast.”", [SMITH],
     [("John Smith", "A memo")]),
    ("A statement on Acme's website says that staff will be “fully compensated for it.”",
     [ACME], [("Acme Corp.", "A statement")]),
    # "found" reports a document's words when a document is its subject
    ("A report by Acme Corp. found that the dam was “at serious risk of failure.”", [ACME],
     [("Acme Corp.", "A report")]),
    # a name in apposition to the description names the speaker
    ("The council met on Monday. The watchdog group the Center for Fair Budgets has called "
     "the plan “a waste of public money.”",
     [("Center for Fair Budgets", ORG, ("Center for Fair Budgets",)), ACME],
     [("Center for Fair Budgets", "The watchdog group")]),
    # "quoted X as saying": the object speaks
    ("The newspaper quoted John Smith as saying that “the plan is dead.”", [SMITH],
     [("John Smith", "John Smith")]),
    # a description's words that tell no one apart ("former") do not pick the speaker
    ("Ann Park on Monday called on Tom Reed, a former party chairman, to apologize.\n\n"
     "“That was outrageous,” the former campaign strategist said.",
     [("Ann Park", PERSON, ("Ann Park",)), ("Tom Reed", PERSON, ("Tom Reed",))],
     [("Ann Park", "the former campaign strategist")]),
    # a verb of saying whose subject cannot speak gives way to the one above it
    ("Mayor Jane Roe said in a letter that the flyer “wrongly and badly” suggests the city "
     "supports him.", [ROE], [("Jane Roe", "Jane Roe")]),
    ("John Smith said he hopes the rally sends a message that “workers are standing up for "
     "their jobs.”", [SMITH], [("John Smith", "John Smith")]),
    # "as" after a verb and its object: the subject's characterization
    ("Jane Roe has been pounding the mayor as a “reckless spender” for weeks.", [ROE],
     [("Jane Roe", "Jane Roe")]),
    # a name given by a speaker is the speaker's words, capitals or not
    ("Jane Roe called the new tower “Big Ben” at the meeting.", [ROE],
     [("Jane Roe", "Jane Roe")]),
    # a definite description refers back to the one subject earlier in its sentence, even
    # where another actor's titles share its words
    ("Jane Roe, a senator from Ohio, met John Smith.\n\nAsked whether Smith still feels "
     "anger, the Ohio senator acknowledged there is “some bitterness left.”",
     [ROE, SMITH], [("John Smith", "the Ohio senator")]),
    # a description with a gender: the person of that gender
    ("Mr. John Smith met Ms. Anna Lee on Monday.\n\n"
     "“We will keep going,” the 40-year-old mother said.",
     [("Anna Lee", PERSON, ("Anna Lee",)), SMITH], [("Anna Lee", "the 40-year-old mother")]),
    ("Ms. Anna Lee met Mr. John Smith on Monday.\n\n"
     "“We will keep going,” the Ohio businessman said.",
     [("Anna Lee", PERSON, ("Anna Lee",)), SMITH], [("John Smith", "the Ohio businessman")]),
]


@pytest.mark.parametrize(("text", "table", "expected"), SPEAKERS)
def test_extract_quotes_resolves_labels_descriptions_and_proxies(nlp, text, table,
                                                                 expected) -> None:
    assert [(q[3], q[4]) for q in _run(nlp, text, table)] == expected


NOT_QUOTES = [
    # a site's boilerplate, even in marks
    '"Follow Jane Roe on Twitter @janeroe."',
    # a word in capitals, marked in a headline in capitals
    "ACME: ‘RECORD’ PROFITS IN MARCH",
    # a quoted noun that modifies the next noun names a kind of thing
    'Support sites suggest waiting for the first "patch" release before updating.',
    # "found" with no document as its subject reports nothing
    "Police found the car “badly damaged” near the bridge.",
    # a title after "called" with no one calling
    "He starred in a show called “The Last Word” for years.",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_extract_quotes_skips_boilerplate_shouting_and_quoted_modifiers(nlp, text) -> None:
    assert _run(nlp, text, [ACME]) == []


def test_transcript_label_that_names_no_one_is_not_a_speaker(nlp) -> None:
    text = '"UPDATE: The vote was delayed until Friday, officials said."'
    assert all(q[4] != "UPDATE" for q in _run(nlp, text, []))


def test_pipeline_dateline_agency_is_no_actor_and_no_speaker(language) -> None:
    from service.extraction import run

    text = ('NEW YORK (AP) — The storm was "worse than anyone expected," officials said '
            "on Monday, as Acme Corp. closed its plants.\n\n"
            "“We have never seen anything like it,” said Mayor Jane Roe.\n")
    result = run(language, text)
    assert not any(a.name in {"AP", "Associated Press"} for a in result.actors)
    speakers = {q.speaker.name for q in result.quotes if q.speaker}
    assert "AP" not in speakers and "Jane Roe" in speakers


@pytest.mark.parametrize(("words", "tags", "deps", "heads", "finite"), [
    # "Trump boasted" tagged as a participle, with its subject and no auxiliary
    (["Trump", "boasted", ","], ["NNP", "VBN", ","], ["nsubj", "ROOT", "punct"], [1, 1, 1], True),
    # "footage of Trump saying": a gerund clause with a subject of its own
    (["of", "Trump", "saying"], ["IN", "NNP", "VBG"], ["ROOT", "nsubj", "pobj"], [0, 2, 0], True),
    # "has said": the auxiliary carries the tense; "referring": no subject
    (["he", "has", "said"], ["PRP", "VBZ", "VBN"], ["nsubj", "aux", "ROOT"], [2, 2, 2], False),
    (["referring", "to", "it"], ["VBG", "IN", "PRP"], ["ROOT", "prep", "pobj"], [0, 0, 1], False),
])
def test_finite_reads_participles_with_their_own_subject(words, tags, deps, heads, finite):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from service.extraction.quotes.cues import is_finite

    doc = Doc(Vocab(), words=words, tags=tags, deps=deps, heads=heads)
    verb = next(t for t in doc if t.tag_.startswith("VB") and t.dep_ != "aux")
    assert is_finite(verb) is finite
