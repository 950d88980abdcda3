"""``pounding Trump as a "con artist"`` / ``rated the claim as "entirely true"``: a quote that
completes "as" after a verb and its object is the characterization of the verb's subject."""

from __future__ import annotations

from spacy.tokens import Token

from ..records import TextSpan
from .cues import is_verb
from .descriptions import can_speak
from .layout import Attribution, QuoteLayout
from .marks import MarkedSpan
from .phrases import SpeakerPhrases


def as_complement(layout: QuoteLayout, phrases: SpeakerPhrases,
                  span: MarkedSpan) -> Attribution | None:
    """The attribution of a quote that is the "as" complement of a verb with an object
    and a subject that can speak; None otherwise."""
    tokens = layout.token_range(span.start, span.end)
    for i in tokens:
        token = layout.doc[i]
        if token.head.i in tokens or token.head is token:
            continue
        verb = _verb_of_as(token.head)
        if verb is None:
            return None
        speaker = phrases.own_subject(verb)
        if not can_speak(speaker):
            return None
        return Attribution(verb.text, TextSpan(verb.text, verb.idx, verb.idx + len(verb)),
                           speaker)
    return None


def _verb_of_as(word: Token) -> Token | None:
    """The verb that "as" attaches to, when the verb has an object before it."""
    if word.lower_ != "as" or word.dep_ != "prep" or not is_verb(word.head):
        return None
    verb = word.head
    has_object = any(c.dep_ == "dobj" and c.i < word.i for c in verb.children)
    return verb if has_object else None
