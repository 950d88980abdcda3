"""What a speaker description says about whom it names: its kind, gender, a name in
apposition, a document's writer, and the organization a spokesman speaks for."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..labels import SPEAKER_LABELS
from .nouns import noun_of
from .phrases import mention_span

# Prepositions that introduce a document's writer or a spokesman's principal.
_WRITER_PREPS = frozenset({"from", "by", "of"})
_PRINCIPAL_PREPS = frozenset({"for", "of", "from", "at", "with"})
_PLACE_PREPS = frozenset({"on", "in", "at"})  # "a document on the campaign's website"
_MODIFIERS = frozenset({"compound", "poss", "nmod", "amod"})


def apposed_name(head: Token) -> Span | None:
    """``the activist group the Project on Government Oversight`` / ``the company,
    Acme Corp.,``: a name standing in apposition to the description's head noun."""
    for child in head.children:
        if child.dep_ == "appos" and _is_name(child):
            return mention_span(child)
    doc = head.doc
    k = head.i + 1
    if k < len(doc) and doc[k].lower_ == "the" and doc[k].ent_iob_ != "B":
        k += 1
    if k < len(doc) and doc[k].ent_type_ in SPEAKER_LABELS and doc[k].ent_iob_ == "B":
        name = mention_span(doc[k])
        root = name.root
        if root.head.i in {head.i, head.head.i}:
            return name
    return None


def writer_of(document: Token) -> Span | None:
    """Who wrote ``document``: ``X's letter``, ``an email from X``, ``a memo by X``,
    ``a document on X's website``, ``an Acme report``."""
    for child in document.children:
        if child.dep_ == "poss":
            return mention_span(child)
        if child.dep_ in {"compound", "nmod"} and child.ent_type_ in SPEAKER_LABELS:
            return _modifier_span(child)
    for child in document.children:
        if child.dep_ != "prep":
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if not objects:
            continue
        if child.lower_ in _WRITER_PREPS and (_is_name(objects[0]) or noun_of(objects[0])):
            return mention_span(objects[0])
        if child.lower_ in _PLACE_PREPS:
            owners = [c for c in objects[0].children if c.dep_ == "poss"]
            if owners:
                return mention_span(owners[0])
    return None


def principal_of(proxy: Token) -> Span | None:
    """Whom a spokesman speaks for: ``a spokeswoman for X``, ``X's spokesman``,
    ``an X spokesman``, ``a company spokesman``."""
    for child in proxy.children:
        if child.dep_ == "prep" and child.lower_ in _PRINCIPAL_PREPS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return mention_span(objects[0])
    for child in proxy.children:
        if child.dep_ in _MODIFIERS and child.i < proxy.i and \
                (_is_name(child) or child.pos_ == "NOUN" and noun_of(child) is not None):
            return _modifier_span(child)
    return None


def can_speak(words: Span | None) -> bool:
    """Whether ``words`` can name a speaker: a name, a pronoun, or a speaker noun
    ("the ministry", "the report"); not "the day", "the election", "the ad"."""
    if words is None:
        return False
    root = words.root
    return root.pos_ in {"PROPN", "PRON"} or root.ent_type_ in SPEAKER_LABELS or \
        noun_of(root) is not None


def _modifier_span(token: Token) -> Span:
    """A modifier's own words: "Acme" of "an Acme spokesman", "company" of "a company
    spokesman" (mention_span would run on to the head noun)."""
    if token.ent_type_ in SPEAKER_LABELS:
        return mention_span(token)
    start = min((c.i for c in token.children if c.dep_ in {"compound", "det"}), default=token.i)
    return token.doc[start:token.i + 1]


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in SPEAKER_LABELS
