"""Reported speech whose content is a noun phrase: ``Obama announced new sanctions``,
``the senator cited the report``, ``she called for calm``, ``accused him of lying``.

A verb of saying (``reporting_verbs.txt``, ``topic_verbs.txt``) or of stance
(``stance_verbs.txt``: then only when someone holds it) with no clause of its own
reports its object: the direct object (the passive subject when a "by" phrase names the
agent), or the object of a preposition that names a topic
(``for``, ``about``, ``of``, ``on``, ``against``, ``over``). Verbs whose direct
object is the person accused or blamed report the "of"/"for" phrase instead.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP
from spacy.tokens import Doc, Token

from ..labels import DATE_LABELS
from ..lexicon.speech import stance_lemmas, topic_lemmas
from ..runtime.lemmas import lemma
from .cues import is_reporting, is_verb
from .indirect_cues import Reported, is_content_noun, trimmed

_TOPIC_PREPOSITIONS = frozenset({"for", "about", "of", "on", "against", "over"})
# Verbs whose direct object is the target, and whose "of"/"for" phrase is the content.
_TARGET_FIRST = frozenset({"accuse", "blame", "charge", "criticize", "praise", "attack",
                           "condemn", "slam", "mock"})
_CLAUSES = frozenset({"ccomp", "xcomp"})
# Objects that say nothing by themselves ("cited it", "said so").
_EMPTY = frozenset({"it", "this", "that", "so", "them", "him", "her", "what", "which",
                    "something", "anything", "nothing", "everything"})


def reported_objects(doc: Doc) -> list[Reported]:
    """The noun-phrase contents of ``doc``'s verbs of saying, one per verb."""
    deps = doc.to_array(DEP)
    wanted = numpy.array([doc.vocab.strings[d] for d in ("dobj", "prep", "agent")],
                         dtype=numpy.uint64)
    found, seen = [], set()
    for i in numpy.flatnonzero(numpy.isin(deps, wanted)).tolist():
        verb = doc[i].head
        if verb.pos_ == "NOUN" and doc[i].dep_ == "prep" and verb.i not in seen \
                and is_content_noun(verb):
            seen.add(verb.i)
            item = _topic_of(verb)
            if item is not None:
                found.append(item)
            continue
        if verb.i in seen or not is_verb(verb):
            continue
        word = lemma(verb).lower()
        speech = word in topic_lemmas() or is_reporting(verb)
        if not speech and word not in stance_lemmas():
            continue
        seen.add(verb.i)
        item = _object_of(verb, speech)
        if item is not None:
            found.append(item)
    return found


def _topic_phrases(head: Token) -> list[Token]:
    """The prepositions after ``head`` that open a topic (``about the war``), not a
    time (``on Thursday``)."""
    return [c for c in head.children if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPOSITIONS
            and c.i > head.i and any(g.dep_ in {"pobj", "pcomp"} and
                                     g.ent_type_ not in DATE_LABELS for g in c.children)]


def _topic_of(noun: Token) -> Reported | None:
    """``questions about his health`` / ``support for the deal``: the topic phrase of a
    noun of speech or stance."""
    phrases = _topic_phrases(noun)
    if not phrases:
        return None
    phrase = phrases[0]
    return trimmed(phrase.i + 1, phrase.right_edge.i + 1, noun, "noun", True)


def _object_of(verb: Token, speech: bool) -> Reported | None:
    """The object of ``verb``; a verb of stance (not ``speech``) needs a holder."""
    children = list(verb.children)
    if any(c.dep_ in _CLAUSES for c in children):
        return None  # the clause is the content (indirect_cues)
    objects = [c for c in children if c.dep_ == "dobj"]
    if any(c.dep_ == "agent" for c in children):  # "the plan was endorsed by the mayor"
        objects = [c for c in children if c.dep_ == "nsubjpass"]
    phrases = _topic_phrases(verb)
    if lemma(verb).lower() in _TARGET_FIRST and phrases:
        objects = []
    if objects:
        target = objects[0]
        if target.lower_ in _EMPTY:
            return None
        return trimmed(target.left_edge.i, target.right_edge.i + 1, verb, "object", speech)
    if phrases:
        phrase = phrases[0]
        return trimmed(phrase.i + 1, phrase.right_edge.i + 1, verb, "object", speech)
    return None
