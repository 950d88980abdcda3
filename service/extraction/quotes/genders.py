"""The gender of each person, voted from the text, so that "he" and "she" find their person."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from ..lexicon.words import honorific_genders
from ..records import Actor

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class Antecedent:
    """A mention of an actor that a later pronoun or description may point back to."""

    start: int
    actor: Actor
    sentence: int
    role: int  # 2: speaker of a verb of saying, 1: subject, 0: other


def vote_genders(doc: Doc, antecedents: list[Antecedent],
                 sentence_of: Callable[[int], int]) -> dict[str, str]:
    """Gender of each person from the text: "Mr."/"Ms." before a mention, and the
    he/she pronouns that refer back to it (a subject pronoun to the last subject).

    Args:
        doc: the article.
        antecedents: the actors' name mentions, in text order.
        sentence_of: the index of the sentence holding a character offset.

    Returns:
        Actor id -> ``"m"`` or ``"f"``, for the persons whose votes do not tie.
    """
    votes: dict[str, list[int]] = {}
    genders = honorific_genders()
    for antecedent in antecedents:
        token = doc.char_span(antecedent.start, antecedent.start + 1, alignment_mode="expand")
        if token is not None and token.start > 0:
            honorific = genders.get(_undotted(doc[token.start - 1].lower_))
            if honorific:
                _vote(votes, antecedent.actor.id, honorific)
    keys = [a.start for a in antecedents]
    claimed: dict[int, tuple[str, str]] = {}  # sentence -> its subject pronoun's pick
    for i in _gendered_pronouns(doc):
        token = doc[i]
        if token.lower_ in MALE or token.lower_ in FEMALE:
            gender = "m" if token.lower_ in MALE else "f"
            pick = _pronoun_antecedent(token, gender, claimed, antecedents, keys, sentence_of)
            if pick is not None:
                _vote(votes, pick, gender)
    return {a: ("m" if m > f else "f") for a, (m, f) in votes.items() if m != f}


def _undotted(word: str) -> str:
    """"mr." -> "mr": the tokenizer keeps the dot only on abbreviations ("Mr.", "Ms.")."""
    return word[:-1] if word.endswith(".") else word


def _pronoun_antecedent(token: Token, gender: str, claimed: dict[int, tuple[str, str]],
                        antecedents: list[Antecedent], keys: list[int],
                        sentence_of: Callable[[int], int]) -> str | None:
    """The person a he/she most likely refers to, for counting genders only."""
    sentence = sentence_of(token.idx)
    k = bisect_left(keys, token.idx)
    candidates = [a for a in antecedents[max(0, k - 8):k]
                  if a.actor.kind == "person" and sentence - a.sentence <= 1]
    if not candidates:
        return None
    if token.dep_ in SUBJECT_DEPS:
        pick = max(candidates, key=lambda a: (a.role > 0, a.start)).actor.id
        claimed[sentence] = (pick, gender)
        return pick
    other = claimed.get(sentence)
    pool = [a for a in candidates
            if other is None or other[0] != a.actor.id or other[1] == gender]
    return pool[-1].actor.id if pool else None


def _gendered_pronouns(doc: Doc) -> list[int]:
    """Indices of the he/she words, in order, found in the LOWER array: a Python pass
    reading every token's lower_ cost more than the rest of the vote."""
    wanted = numpy.array([doc.vocab.strings[w] for w in MALE | FEMALE], dtype=numpy.uint64)
    return numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), wanted)).tolist()


def _vote(votes: dict[str, list[int]], actor_id: str, gender: str) -> None:
    tally = votes.setdefault(actor_id, [0, 0])
    tally[0 if gender == "m" else 1] += 1
