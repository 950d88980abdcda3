"""The token tests on the words that cue a quote (verbs of saying, nouns of speech)."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.speech import adjacent_lemmas, reporting_lemmas, speech_nouns
from ..runtime.lemmas import lemma
from .nouns import noun_of

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Verbs that report what a document says only when a document is their subject:
# "the report found that …", but not "police found the car".
_FINDINGS = frozenset({"find", "show", "indicate"})


def is_verb(token: Token) -> bool:
    """Whether ``token`` is a verb, by its part of speech or its tag."""
    return token.pos_ == "VERB" or token.tag_.startswith("VB")


def is_finite(verb: Token) -> bool:
    """A finite verb; also a participle with a subject of its own and no auxiliary: the
    tagger's reading of a simple past ("Trump boasted" tagged VBN), or a gerund clause
    ("footage of Trump saying")."""
    if verb.tag_ in _FINITE:
        return True
    children = [c.dep_ for c in verb.children]
    return verb.tag_ in {"VBN", "VBG"} and "nsubj" in children and \
        not any(d in {"aux", "auxpass"} for d in children)


def is_reporting(token: Token) -> bool:
    """Whether ``token`` is a verb of saying ("said", "tweeted", "warns")."""
    lemmas = reporting_lemmas()
    if not is_verb(token):
        return False
    word = lemma(token).lower()
    return word in lemmas or token.lower_ in lemmas or word in _FINDINGS and any(
        c.dep_ == "nsubj" and (noun := noun_of(c)) is not None and noun.kind == "document"
        for c in token.children)


def is_adjacent_reporting(token: Token) -> bool:
    """Whether ``token`` reports speech right next to a quote (", she continued.")."""
    return is_reporting(token) or (is_verb(token) and lemma(token).lower() in adjacent_lemmas())


def puts_it(token: Token) -> bool:
    """``as a Homeland Security memo put it``."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return lemma(token) == "put" and following is not None and following.lower_ == "it"


__all__ = ["is_adjacent_reporting", "is_finite", "is_reporting", "is_verb", "puts_it",
           "reporting_lemmas", "speech_nouns"]
