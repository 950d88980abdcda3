"""How central an actor is to the article: first position, frequency and speaking."""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon.speech import salience_lemmas
from ..records import NamedMention
from ..runtime.lemmas import lemma
from .base import Entity, mention_span


def salience_of(doc: Doc, entity: Entity, entities: list[Entity]) -> float:
    """First position, frequency and speaking, each in [0, 1]."""
    length = max(_text_length(doc), 1)
    most = max(len(e.mentions) for e in entities)
    first = min(m.start_char for m in entity.mentions) / length
    frequency = len(entity.mentions) / most
    speaks = any(_is_speaker(doc, m) for m in entity.mentions)
    return round(0.45 * frequency + 0.35 * (1 - first) + 0.2 * speaks, 3)


def _text_length(doc: Doc) -> int:
    """len(doc.text) without building the string: Doc.text joins every token on each read."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def _is_speaker(doc: Doc, m: NamedMention) -> bool:
    span = mention_span(doc, m)
    if span is None:
        return False
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and lemma(root.head) in salience_lemmas()
