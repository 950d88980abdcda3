"""Words of speech: verbs of saying, of stance and of directing, and nouns of speech,
read once from resources/en/."""

from __future__ import annotations

import functools

from ..wordlists import entries


def _marked(name: str) -> dict[str, str]:
    """First column -> second column ("" when there is none) of a word list."""
    table = {}
    for line in entries(name):
        word, _, mark = line.partition("\t")
        table[word.strip()] = mark.strip()
    return table


@functools.cache
def reporting_lemmas() -> frozenset[str]:
    """Lemmas of the verbs of saying, from resources/en/reporting_verbs.txt."""
    return frozenset(_marked("reporting_verbs.txt"))


@functools.cache
def salience_lemmas() -> frozenset[str]:
    """The plain verbs of saying ("say", "tell") marked ``salience`` in reporting_verbs.txt."""
    return frozenset(w for w, mark in _marked("reporting_verbs.txt").items() if mark == "salience")


@functools.cache
def adjacent_lemmas() -> frozenset[str]:
    """Verbs that report speech only right next to a quote (", she continued.")."""
    return frozenset(_marked("reporting_verbs_adjacent.txt"))


@functools.cache
def speech_nouns() -> frozenset[str]:
    """Lemmas of the nouns of speech ("claim", "warning"), from resources/en/speech_nouns.txt."""
    return frozenset(_marked("speech_nouns.txt"))


@functools.cache
def stance_lemmas() -> frozenset[str]:
    """Lemmas of the verbs of stance ("believe", "show"), from stance_verbs.txt."""
    return frozenset(_marked("stance_verbs.txt"))


@functools.cache
def directive_lemmas() -> frozenset[str]:
    """Lemmas of the verbs of saying that take an infinitive ("urge X to"), from
    directive_verbs.txt."""
    return frozenset(_marked("directive_verbs.txt"))


@functools.cache
def topic_lemmas() -> frozenset[str]:
    """Lemmas of the verbs of saying that report a noun-phrase object ("announce",
    "call for"), from topic_verbs.txt."""
    return frozenset(_marked("topic_verbs.txt"))


@functools.cache
def stance_nouns() -> frozenset[str]:
    """Lemmas of the nouns of stance, plan or judgement ("conclusion", "plan",
    "criticism"), from stance_nouns.txt."""
    return frozenset(_marked("stance_nouns.txt"))
