"""Issue 14: the article's own evidence types a name, and names lose what is not theirs."""

from __future__ import annotations

import pytest

from service.extraction.entities.mentions import find_named_mentions
from service.extraction.pipeline import run
from service.extraction.preprocess import prepare


def _kinds(nlp, text: str) -> dict[str, str]:
    doc = nlp(prepare(text).masked)
    return {m.text: m.kind for m in find_named_mentions(doc)}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a tie between the model's PERSON and a place cue ("from") goes to the person
        ("He took the pass from Rick Halloway and scored.", "Rick Halloway", "person"),
        # an ampersand or an organization suffix makes an organization
        ("A note from Tom Baxter & Sons came on Monday.", "Tom Baxter & Sons", "organization"),
        ("A letter from Hanley & Partners reached the board.", "Hanley & Partners",
         "organization"),
        # the suffix the model cut off a newspaper's name is given back
        ("Readers of the Fresno Gazette wrote in.", "Fresno Gazette", "organization"),
    ],
)
def test_named_mentions_take_the_kind_the_text_gives(nlp, text, name, kind):
    assert _kinds(nlp, text).get(name) == kind


@pytest.mark.parametrize(
    ("text", "name", "not_name"),
    [
        # an article before a name is not part of it
        ("Voters wanted a Bob Dole or a Jack Kemp, not a showman.", "Bob Dole", "a Bob Dole"),
        ("Voters wanted a Bob Dole or a Jack Kemp, not a showman.", "Jack Kemp", "a Jack Kemp"),
        # nor is a nationality
        ("Coach Ray Lund praised Montenegrin Dejan Petrovic for his late goal.",
         "Dejan Petrovic", "Montenegrin Dejan Petrovic"),
    ],
)
def test_named_mentions_leave_articles_and_nationalities_out(nlp, text, name, not_name):
    kinds = _kinds(nlp, text)
    assert kinds.get(name) == "person"
    assert not_name not in kinds


def _actors(language, text: str) -> dict[str, tuple[str, ...]]:
    return {a.name: a.aliases for a in run(language, text).actors}


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        # a first name alone is the one full name of the article that opens with it
        ("Chris Rendell hosted the debate. Chris asked the senator about taxes, and the "
         "senator laughed.", "Chris Rendell", "Chris"),
        ("Hillary Clinton and Bill Clinton arrived. Hillary waved.", "Hillary Clinton",
         "Hillary"),
        # a company's name without the words that say it is a company
        ("Ford Motor Company cut prices on Monday. Ford said sales fell.",
         "Ford Motor Company", "Ford"),
        ("NBC News reported the cut first; NBC said more would come.", "NBC News", "NBC"),
    ],
)
def test_actors_join_first_names_and_company_short_forms(language, text, name, alias):
    actors = _actors(language, text)
    assert alias in actors[name]
    assert alias not in actors


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        # a first name two full names open stays apart; so do a father and his son
        ("Steve Jobs met Steve Ballmer. Steve laughed.", {"Steve Jobs", "Steve Ballmer"}),
        ("Donald Trump Jr. spoke before Donald Trump did.", {"Donald Trump Jr.", "Donald Trump"}),
    ],
)
def test_actors_keep_ambiguous_first_names_apart(language, text, apart):
    actors = _actors(language, text)
    assert apart <= set(actors)
    assert not any(name in aliases for name in apart for aliases in actors.values())
