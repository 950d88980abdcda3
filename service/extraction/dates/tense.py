"""The tense of the clause a temporal expression sits in, read from the dependency parse.

rules.py needs one fact from the sentence: does it look back ("said Friday"), or
ahead ("will attend Friday's opening ceremony", "expected to take place Feb. 10-20",
"the exercises end Sunday", "postponed until Tuesday")? The cue words are in
resources/en/tense_cues.txt.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Token

from ..runtime.lemmas import lemma
from ..wordlists import entries

# "postponed until Tuesday", "as soon as Tuesday": a deadline or an earliest date ahead.
_FORWARD = re.compile(r"\b(?:until|till|as (?:early|soon) as|effective)\b[^.;,\n]{0,20}$",
                      re.IGNORECASE)
_DIRECT_DEPS = frozenset({"npadvmod", "tmod", "obl", "advmod", "attr", "dobj", "nsubj"})
_END_POINTS = frozenset({"through", "until", "till", "by"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "’s", "’re"})


def clause_tense(doc: Doc, text: str, start: int, end: int) -> str | None:
    """"future", "past", "present" or None for the clause governing ``text[start:end]``;
    "near" for a day named in the possessive whose clause leaves its time open.

    ``text`` is ``doc.text``, passed in because spaCy rebuilds it on every access.
    """
    if _FORWARD.search(text, max(0, start - 40), start):
        return "future"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tense = _governing_tense(span.root)
    if tense != "future" and text.startswith(("'s", "’s"), end) and _reported_event(span.root):
        return "near"  # "invited her to Monday night's debate": the debate's own time is open
    return tense


def _governing_tense(node: Token) -> str | None:
    via = node.head if node.dep_ == "pobj" else None
    direct = node.dep_ in _DIRECT_DEPS or via is not None and via.dep_ == "prep"
    for _ in range(8):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            if direct and _aux_words(node) & _tense_cues()["future_aux_direct"]:
                return "future"
            tense = _verb_tense(node, via)
            # "follows Tuesday's declaration": the present tense is not about Tuesday
            return None if tense == "present" and not direct else tense
    return None


def _reported_event(root: Token) -> bool:
    """ "Monday's debate" whose clause does not tell when the debate is: the event noun
    hangs from an infinitive ("a tweet to invite her to Monday's debate") or follows
    "ahead of" / "in advance of". "Clinton won Monday's debate" tells: it is past."""
    event = root
    while event.dep_ in ("compound", "poss", "nmod", "amod") and event.head.i != event.i:
        event = event.head
    if event.dep_ == "pobj" and event.head.lower_ == "of" \
            and event.head.head.lower_ in ("ahead", "advance"):
        return True
    node = event
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return "to" in _aux_words(node)
    return False


def _verb_tense(verb: Token, via: Token | None = None, depth: int = 0) -> str | None:
    """Tense of ``verb``; ``via`` is the preposition the date hangs from, if any."""
    cues = _tense_cues()
    aux_words = _aux_words(verb)
    if aux_words & cues["future_aux"] or lemma(verb).lower() in cues["future_verb"]:
        return "future"  # "will attend Friday's ceremony", "scheduled a news conference Thursday"
    if aux_words & cues["future_modal"] and "have" not in aux_words:
        return "future"  # "should be completed in October"; not "should have been"
    if "to" in aux_words:
        return _infinitive_tense(verb, via, depth) if depth < 4 else None
    if verb.tag_ == "VB" and verb.dep_ == "ROOT" and not aux_words:
        return "future"  # imperative: "Call me Sunday night"
    present = (verb.tag_ in _PRESENT_TAGS and not aux_words
               or verb.tag_ in ("VBG", "VBN") and aux_words and aux_words <= _PRESENT_AUX)
    if present:
        return None if lemma(verb).lower() in cues["reporting"] else "present"
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    return None


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _infinitive_tense(verb: Token, via: Token | None, depth: int) -> str | None:
    """"expected to take place Feb. 10-20" is ahead; "declined to comment Tuesday" is not.

    After a past governor the infinitive is past too, unless the date is an end point
    ("identified companies for the program to run through June").
    """
    governor = verb.head
    if lemma(governor).lower() in _tense_cues()["future_verb"]:
        return "future"
    if governor.i == verb.i or governor.pos_ not in ("VERB", "AUX"):
        return None
    governing = _verb_tense(governor, None, depth + 1)
    if governing == "past":
        return "future" if via is not None and via.lower_ in _END_POINTS else "past"
    return governing


@functools.cache
def _tense_cues() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for line in entries("tense_cues.txt"):
        category, word = line.split()
        table.setdefault(category, set()).add(word)
    return {category: frozenset(words) for category, words in table.items()}
