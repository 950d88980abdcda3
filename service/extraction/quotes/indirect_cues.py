"""Reported clauses in the parse: the complement of a verb of saying or of stance, the
"that" clause of a noun of speech, and the clause that "according to X" qualifies.

Only the parse and word lists are read, never a string of a particular text. Each
finder returns the tokens of the content and the cue token; ``indirect``
decides which of them are quotes and who said them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, LOWER
from spacy.tokens import Doc, Token

from ..lexicon.speech import directive_lemmas, stance_lemmas, stance_nouns
from ..runtime.lemmas import lemma
from .cues import is_reporting, is_verb, speech_nouns

# Dependencies that hang a reported clause on its cue.
_CLAUSE_DEPS = ("ccomp", "xcomp", "acl", "parataxis")
# Words that open a clause without belonging to its content.
_OPENERS = frozenset({"that", ",", ":", "—", "–", "-", "--"})
_TRAILING = frozenset({",", ".", ";", ":", "—", "–", "-", "--", "(", "!"})


@dataclass(frozen=True, slots=True)
class Reported:
    """A reported clause: tokens ``[start, end)`` of ``cue``'s content."""

    start: int
    end: int
    cue: Token  # the verb, the noun of speech, or "according"
    how: str  # verb | noun | according | object (a noun phrase: indirect_objects)
    speech: bool  # a verb of saying (else one of stance, which needs a holder)


def reported_clauses(doc: Doc) -> list[Reported]:
    """Every reported clause of ``doc``, in no particular order; they may nest."""
    deps = doc.to_array(DEP)
    wanted = numpy.array([doc.vocab.strings[d] for d in _CLAUSE_DEPS], dtype=numpy.uint64)
    found: list[Reported] = []
    seen: set[tuple[int, str]] = set()
    for i in numpy.flatnonzero(numpy.isin(deps, wanted)).tolist():
        token = doc[i]
        item = _complement(token, seen) if token.dep_ != "parataxis" else _parenthetical(token)
        if item is not None:
            found.append(item)
    according = doc.vocab.strings["according"]
    for i in numpy.flatnonzero(doc.to_array(LOWER) == according).tolist():
        item = _according(doc[i])
        if item is not None:
            found.append(item)
    return found


def _complement(clause: Token, seen: set[tuple[int, str]]) -> Reported | None:
    """``said (that) …`` / ``urged X to …`` / ``the claim that …``: ``clause`` and its
    siblings of the same relation under one cue make one content."""
    head = clause.head
    key = (head.i, clause.dep_)
    if head is clause or key in seen or not _cues(head, clause):
        return None
    seen.add(key)
    siblings = [c for c in head.children if c.dep_ == clause.dep_]
    start = min(c.left_edge.i for c in siblings)
    end = max(c.right_edge.i for c in siblings) + 1
    how = "noun" if head.pos_ == "NOUN" else "verb"
    speech = how == "noun" or is_reporting(head) or lemma(head).lower() in directive_lemmas()
    return trimmed(start, end, head, how, speech)


def _cues(head: Token, clause: Token) -> bool:
    """Whether ``head`` reports ``clause``: a verb of saying or stance over a
    complement, a directive verb over an infinitive, a noun of speech or stance over
    "that" or an infinitive ("his plan to …")."""
    if clause.dep_ == "acl":
        return head.pos_ == "NOUN" and is_content_noun(head) and any(
            (c.dep_ == "mark" and c.lower_ == "that") or (c.dep_ == "aux" and c.lower_ == "to")
            for c in clause.children)
    if not is_verb(head):
        return False
    if clause.dep_ == "xcomp":
        return lemma(head).lower() in directive_lemmas() | stance_lemmas() and \
            any(c.lower_ == "to" for c in clause.children)
    return is_reporting(head) or lemma(head).lower() in stance_lemmas()


def _parenthetical(verb: Token) -> Reported | None:
    """``The troops, Putin said, will stay``: the clause around a verb of saying set in
    it; the longer side of it is the content (a quote is one stretch of text)."""
    if not is_reporting(verb) or not any(c.dep_ in {"nsubj", "nsubjpass"}
                                         for c in verb.children):
        return None
    clause = verb.head
    if clause is verb:
        return None
    return _longer_side(clause, verb, "verb")


def _according(token: Token) -> Reported | None:
    """``According to the report, the economy grew``: the clause the phrase qualifies,
    without the phrase."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    clause = token.head if is_verb(token.head) else token.sent.root
    if clause is token or token.i < clause.left_edge.i or token.i > clause.right_edge.i:
        return None
    return _longer_side(clause, token, "according")


def _longer_side(clause: Token, inner: Token, via: str) -> Reported | None:
    """The longer of the two stretches of ``clause`` around ``inner``'s phrase (the
    parenthetical "he said" or "according to X" sits inside what was reported)."""
    lo, hi = clause.left_edge.i, clause.right_edge.i + 1
    inner_lo, inner_hi = inner.left_edge.i, inner.right_edge.i + 1
    if inner_lo - lo >= hi - inner_hi:
        return trimmed(lo, inner_lo, inner, via, True)
    return trimmed(inner_hi, hi, inner, via, True)


def is_content_noun(token: Token) -> bool:
    """A noun of speech ("claim") or of stance ("conclusion", "plan")."""
    word = lemma(token).lower()
    return word in speech_nouns() or word in stance_nouns()


def trimmed(start: int, end: int, cue: Token, how: str, speech: bool) -> Reported | None:
    """The content without the "that", commas and dashes around it."""
    doc = cue.doc
    while start < end and (doc[start].lower_ in _OPENERS or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _TRAILING or doc[end - 1].is_space):
        end -= 1
    if end <= start:
        return None
    return Reported(start, end, cue, how, speech)
