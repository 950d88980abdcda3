"""find_named_mentions: one kind per name, rule fixes for the small model's weaknesses."""

from __future__ import annotations

import pytest

from service.extraction.entities.mentions import find_named_mentions
from service.extraction.preprocess import prepare


def _kinds(nlp, text: str) -> dict[str, str]:
    doc = nlp(prepare(text).masked)
    return {m.text: m.kind for m in find_named_mentions(doc)}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # known institutions from resources
        ("The Kremlin denied the report on Tuesday.", "Kremlin", "organization"),
        ("On Tuesday, the State Duma appealed to Putin.", "State Duma", "organization"),
        ("The Duma votes for the recognition of Donetsk.", "Duma", "organization"),
        ("Biden spoke from the White House on Tuesday.", "White House", "organization"),
        # ministries with their owner
        ("Russia's Defense Ministry released a video on Wednesday.",
         "Russia's Defense Ministry", "organization"),
        ("Ukraine's Ministry of Defense said the attacks continued.",
         "Ukraine's Ministry of Defense", "organization"),
        # a titled name is a person, even if the model or gazetteer says otherwise
        ("U.S. Defense Secretary Lloyd Austin met his counterparts.", "Lloyd Austin", "person"),
        ("Anastacia Kuleba, 27, came to the square.", "Anastacia Kuleba", "person"),
        # split particles are joined
        ("European Commission chief Ursula von der Leyen said it was clear.",
         "Ursula von der Leyen", "person"),
        # gazetteer and syntax make places of names the model calls people or groups
        ("Small groups gathered in Kyiv on Wednesday, in Kyiv's main square.", "Kyiv", "location"),
        ("She came to Maidan Square, the location of mass protests in Ukraine's 2014 uprising.",
         "Maidan Square", "location"),
        # "Name ... He said": a person, whatever the model's label
        ("Stoltenberg said NATO was ready. He said the alliance would respond.",
         "Stoltenberg", "person"),
    ],
)
def test_find_named_mentions_decides_kind(nlp, text, name, kind):
    assert _kinds(nlp, text).get(name) == kind


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Ukrainian forces waved flags as Russian troops moved.", "Russian"),
        ("Ukrainians celebrated the day of unity.", "Ukrainians"),
        ("UKRAINIAN DEFENSE MINISTER URGES CALM\n\nThe minister urged calm.", "CALM"),
        ("DIPLOMATIC EFFORTS TO DEFUSE CRISIS\n\nTalks went on.", "CRISIS"),
        ("Press Secretary Jen Psaki spoke on Tuesday.", "Press"),
    ],
)
def test_find_named_mentions_skips_non_names(nlp, text, absent):
    assert absent not in _kinds(nlp, text)


def test_one_kind_for_surname_and_full_name(nlp):
    text = ("NATO Secretary-General Jens Stoltenberg spoke in Brussels. "
            "Stoltenberg told reporters that Stoltenberg's alliance was ready.")
    kinds = _kinds(nlp, text)
    assert kinds["Jens Stoltenberg"] == kinds["Stoltenberg"] == "person"


def test_mentions_keep_exact_offsets(nlp):
    text = " date 2022-02-03 PUTIN HEADING TO BEIJING\n\nPutin met Xi Jinping in Beijing."
    doc = nlp(prepare(text).masked)
    for m in find_named_mentions(doc):
        assert text[m.start_char:m.end_char] == m.text


@pytest.mark.parametrize("text", ["", "   \n\n", "🙂🙂", "\"unbalanced", "1234567890" * 5])
def test_find_named_mentions_survives_odd_input(nlp, text):
    assert isinstance(find_named_mentions(nlp(prepare(text).masked)), list)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # results and standings rows: teams are organizations, countries stay places
        ("Standings:\nLiverpool 16 9 4 3 26 14 31\nAston Villa 17 9 3 5 22 15 30\n",
         "Liverpool", "organization"),
        ("Results:\nJapan 2 Syria 1\n", "Japan", "location"),
        # scorers in brackets are people
        ("Results:\nLeicester 1 ( Marshall 78 ) Blackburn 1 ( Sutton 34 )\n",
         "Marshall", "person"),
        # initials before a surname make a person's name
        ("M. Waugh c Murray b Benjamin 27 , then M. Waugh left .", "M. Waugh", "person"),
        # ", who": a person
        ("Abdel-Rahman , who had said on Thursday he did not want the job , left .",
         "Abdel-Rahman", "person"),
        # a name with its country in brackets is a person (results lists)
        ("Women's downhill:\n5. Petra Behle ( Germany ) 24:15.4\n", "Petra Behle", "person"),
    ],
)
def test_find_named_mentions_reads_tables_and_name_shapes(nlp, text, name, kind):
    assert _kinds(nlp, text).get(name) == kind


def test_headline_names_found_from_the_body(nlp):
    text = "SOCCER - LEEDS ' BOWYER FINED FOR PART IN BRAWL .\nLee Bowyer was fined on Friday ."
    doc = nlp(prepare(text).masked)
    found = {(m.text, m.kind) for m in find_named_mentions(doc)}
    assert ("BOWYER", "person") in found


@pytest.mark.parametrize(
    ("text", "name", "not_kind"),
    [
        ("Trading closed at 1600 UTC on Friday , Reuters said .", "UTC", "organization"),
        ("Date line\nMarch 01 , 2008\nBoeing lost the contract .", "March", "organization"),
    ],
)
def test_find_named_mentions_does_not_misread(nlp, text, name, not_kind):
    assert _kinds(nlp, text).get(name) != not_kind


def test_individual_results_are_not_team_rows(nlp):
    text = "Results:\n210 Brett Liddle 75 65 70\n211 Hugh Baiocchi 73 67 71\n"
    doc = nlp(prepare(text).masked)
    assert all(m.label != "rule:team" for m in find_named_mentions(doc))
