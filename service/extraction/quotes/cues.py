"""The token tests on the words that cue a quote (verbs of saying, nouns of speech)."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.speech import adjacent_lemmas, reporting_lemmas, speech_nouns
from ..runtime.lemmas import lemma


def is_verb(token: Token) -> bool:
    """Whether ``token`` is a verb, by its part of speech or its tag."""
    return token.pos_ == "VERB" or token.tag_.startswith("VB")


def is_reporting(token: Token) -> bool:
    """Whether ``token`` is a verb of saying ("said", "tweeted", "warns")."""
    lemmas = reporting_lemmas()
    return is_verb(token) and (lemma(token).lower() in lemmas or token.lower_ in lemmas)


def is_adjacent_reporting(token: Token) -> bool:
    """Whether ``token`` reports speech right next to a quote (", she continued.")."""
    return is_reporting(token) or (is_verb(token) and lemma(token).lower() in adjacent_lemmas())


def puts_it(token: Token) -> bool:
    """``as a Homeland Security memo put it``."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return lemma(token) == "put" and following is not None and following.lower_ == "it"


__all__ = ["is_adjacent_reporting", "is_reporting", "is_verb", "puts_it", "reporting_lemmas",
           "speech_nouns"]
