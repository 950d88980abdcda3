"""extract_actors: one actor per entity, with aliases, titles, affiliation and salience."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.extraction import build_nlp  # noqa: F401  (fixture builds it)
from service.extraction.pipeline import run

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _actors(language, text: str):
    return run(language, text).actors


def _by_name(actors):
    return {a.name: a for a in actors}


@pytest.mark.parametrize(
    ("text", "name", "title", "affiliation"),
    [
        ("Turkish President Recep Tayyip Erdogan offered to mediate.",
         "Recep Tayyip Erdogan", "President", "Turkey"),
        ("Kremlin spokesman Dmitry Peskov faulted NATO.", "Dmitry Peskov", "spokesman", "Kremlin"),
        ("NATO Secretary-General Jens Stoltenberg voiced concerns.",
         "Jens Stoltenberg", "Secretary-General", "NATO"),
        ("Canadian Defense Minister Anita Anand said aid would come.",
         "Anita Anand", "Defense Minister", "Canada"),
        ("Romania's Foreign Minister Bogdan Aurescu said the approach works.",
         "Bogdan Aurescu", "Foreign Minister", "Romania"),
        ("U.S. President Joe Biden spoke on Wednesday.", "Joe Biden", "President",
         "United States"),
        ("Dmytro Kuleba, the Ukrainian top diplomat, said Tuesday it was clear.",
         "Dmytro Kuleba", "top diplomat", "Ukraine"),
        ("The bill was dismissed by Sen. Robert Menendez (D-N.J.), chair of the Senate "
         "Foreign Relations Committee, on Tuesday.", "Robert Menendez", "chair",
         "Senate Foreign Relations Committee"),
    ],
)
def test_extract_actors_reads_titles(language, text, name, title, affiliation):
    actor = _by_name(_actors(language, text))[name]
    assert title in actor.titles
    assert actor.affiliation == affiliation
    assert actor.kind == "person"


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("Russian President Vladimir Putin spoke. Later Putin left.", "Vladimir Putin", "Putin"),
        ("President Volodymyr Zelenskyy spoke. Zelensky said the day was calm.",
         "Volodymyr Zelenskyy", "Zelensky"),
        ("The European Union called for steps. The EU said more.", "European Union", "EU"),
        ("He works at the Security Service of Ukraine, or SBU, in Kyiv.",
         "Security Service of Ukraine", "SBU"),
        ("On Tuesday, the State Duma appealed to Putin. The Duma votes later.", "State Duma",
         "Duma"),
    ],
)
def test_extract_actors_merges_variants(language, text, name, alias):
    actors = _by_name(_actors(language, text))
    assert alias in actors[name].aliases
    assert alias not in actors


def test_two_people_with_one_surname_stay_apart(language):
    text = (
        "Anastacia Kuleba, 27, came to the square. \"We are united,\" said Kuleba, who fled "
        "Donetsk.\n\nForeign Minister Dmytro Kuleba told journalists in Kyiv that talks "
        "would go on. \"No one else should decide,\" Kuleba, the Ukrainian top diplomat, said."
    )
    actors = _by_name(_actors(language, text))
    resident, minister = actors["Anastacia Kuleba"], actors["Dmytro Kuleba"]
    assert resident.mention_count == 2 and minister.mention_count == 2
    assert resident.titles == ()
    assert "Foreign Minister" in minister.titles


@pytest.mark.parametrize(
    ("text", "not_actor"),
    [
        ("Moscow announced a withdrawal on Wednesday.", "Moscow"),
        ("Russia has moved troops to Belarus.", "Russia"),
        ("Russian officials deny the report. Many analysts disagree.", "Russian"),
        ("Western officials said nothing.", "Western"),
    ],
)
def test_places_demonyms_and_groups_are_not_actors(language, text, not_actor):
    names = {n for a in _actors(language, text) for n in (a.name, *a.aliases)}
    assert not_actor not in names


def test_bylines_and_credits_are_never_actors(language):
    text = ("Putin met Xi.\n\n— By Suzan Fraser in Ankara, Turkey.\n\n"
            "Tanks roll. (AP/Vadim Ghirda)\n")
    names = {a.name for a in _actors(language, text)}
    assert not names & {"Suzan Fraser", "Vadim Ghirda"}


def test_actors_sorted_by_salience_with_sequential_ids(language):
    actors = _actors(language, (SEEDS / "002_1e3144c01c9fb4da.txt").read_text(encoding="utf-8"))
    assert [a.id for a in actors] == [f"a{i}" for i in range(1, len(actors) + 1)]
    saliences = [a.salience for a in actors]
    assert saliences == sorted(saliences, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in saliences)


def test_seed_variants_merge(language):
    actors = _by_name(_actors(language, (SEEDS / "000_08824b2ea6d5378f.txt").read_text("utf-8")))
    assert "Putin" in actors["Vladimir Putin"].aliases
    assert "Zelenskyy" in actors["Volodymyr Zelenskyy"].aliases
    assert actors["Kremlin"].kind == "organization"
    assert "Alliance" in actors["NATO"].aliases


def test_mentions_have_exact_offsets(language):
    text = (SEEDS / "001_20e7757c82bed1be.txt").read_text(encoding="utf-8")
    for actor in _actors(language, text):
        for m in actor.mentions:
            assert text[m.start_char:m.end_char] == m.text


@pytest.mark.parametrize("text", ["", "\n\n\n", "🙂 Putin 🙂", "“unbalanced quote Biden"])
def test_extract_actors_survives_odd_input(language, text):
    assert isinstance(_actors(language, text), tuple)
