"""Words that cue a quote (verbs of saying, nouns of speech) and the token tests on them."""

from __future__ import annotations

import functools

from spacy.tokens import Token

from ..runtime.lemmas import lemma
from ..wordlists import entries


def _words(name: str) -> frozenset[str]:
    return frozenset(w.strip() for w in entries(name))


@functools.cache
def reporting_lemmas() -> frozenset[str]:
    """Lemmas of the verbs of saying, from resources/en/reporting_verbs.txt."""
    return _words("reporting_verbs.txt")


@functools.cache
def _adjacent_lemmas() -> frozenset[str]:
    return _words("reporting_verbs_adjacent.txt")


@functools.cache
def speech_nouns() -> frozenset[str]:
    """Lemmas of the nouns of speech ("claim", "warning"), from resources/en/speech_nouns.txt."""
    return _words("speech_nouns.txt")


def is_verb(token: Token) -> bool:
    """Whether ``token`` is a verb, by its part of speech or its tag."""
    return token.pos_ == "VERB" or token.tag_.startswith("VB")


def is_reporting(token: Token) -> bool:
    """Whether ``token`` is a verb of saying ("said", "tweeted", "warns")."""
    lemmas = reporting_lemmas()
    return is_verb(token) and (lemma(token).lower() in lemmas or token.lower_ in lemmas)


def is_adjacent_reporting(token: Token) -> bool:
    """Whether ``token`` reports speech right next to a quote (", she continued.")."""
    return is_reporting(token) or (is_verb(token) and lemma(token).lower() in _adjacent_lemmas())


def puts_it(token: Token) -> bool:
    """``as a Homeland Security memo put it``."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return lemma(token) == "put" and following is not None and following.lower_ == "it"
