"""The words naming who spoke: a cue's subject or agent, "said X", a name nearby, a possessor."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..labels import SPEAKER_LABELS, SPEAKER_NAME_LABELS
from ..records import TextSpan
from ..runtime.lemmas import lemma
from .cues import is_reporting, is_verb
from .layout import SENTENCE_END, Attribution, QuoteLayout

# Dependencies climbed from a verb of saying to the clause that has its subject
# ("a statement calling X ..." climbs through the noun to "issued").
_CLIMB = frozenset({"conj", "advcl", "xcomp", "ccomp", "acl", "pcomp", "prep", "pobj", "dobj"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})


class SpeakerPhrases:
    """Per-document helper: the speaker words of a cue, found in the parse around it."""

    def __init__(self, layout: QuoteLayout) -> None:
        self.layout = layout
        self.doc = layout.doc

    def from_verb(self, verb: Token, between: list[Token] | None = None) -> Attribution:
        """The cue ``verb`` and its speaker; ``between``: the words between the quote and
        the verb, where the speaker stands when the parse lost the subject."""
        end = verb.i + 1
        following = self.doc[end] if end < len(self.doc) else None
        if following is not None and (
                (following.dep_ == "prt" and following.head is verb)
                or (lemma(verb) == "call" and following.lower_ in {"on", "for"})):
            end += 1
        cue = self.doc[verb.i:end]
        return Attribution(cue.text, TextSpan(cue.text, cue.start_char, cue.end_char),
                           self.subject(verb, between or []))

    def from_noun(self, noun: Token) -> Attribution:
        """``Trump's claim that "…"`` / ``repeated warnings that "…"``: the noun of speech
        (or the verb of saying that modifies it) is the cue; its owner, the speaker."""
        cue_token = next((c for c in noun.children if c.dep_ == "amod" and is_reporting(c)),
                         noun)
        cue = self.doc[cue_token.i:cue_token.i + 1]
        owners = [c for c in noun.children if c.dep_ == "poss"]
        speaker = mention_span(owners[0]) if owners else None
        if speaker is None and noun.dep_ == "dobj":
            speaker = self.own_subject(noun.head)
        if speaker is None and noun.dep_ == "conj" and is_verb(noun.head):
            speaker = self.subject(noun.head, [])
        return Attribution(cue.text, TextSpan(cue.text, cue.start_char, cue.end_char), speaker)

    def subject(self, verb: Token, between: list[Token]) -> Span | None:
        """The words naming who did the saying: the subject, the agent, or ``said X``."""
        current = verb
        for _ in range(4):
            found = self.own_subject(current)
            if found is not None:
                return found
            if current.dep_ == "acl" and (current.head.pos_ == "PROPN"
                                          or current.head.ent_type_ in SPEAKER_LABELS):
                return mention_span(current.head)  # footage of Clinton asking, "…"
            quoted = _quoted_as(current)
            if quoted is not None:
                return quoted
            if current.dep_ not in _CLIMB or current.head is current:
                break
            current = current.head
        named = [t for t in between if t.pos_ in {"PROPN", "PRON"} or t.ent_type_ in SPEAKER_LABELS]
        if named:
            return mention_span(named[0])
        return self.next_name(verb) or self._left_name(verb)

    def own_subject(self, verb: Token) -> Span | None:
        """The subject (or passive agent) of ``verb`` itself, on its line, outside quotes."""
        children = [c for c in verb.children
                    if self.layout.same_line(c, verb) and not self.layout.inside[c.i]]
        for child in children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return mention_span(objects[0])
        if any(c.dep_ == "nsubjpass" for c in children):
            return self._agent_in_subtree(verb)
        for child in children:
            if child.dep_ == "nsubj" and any(c.isalnum() for c in child.text):
                if child.lower_ in _RELATIVE and child.tag_ in {"WP", "WDT"}:
                    head = verb.head
                    return mention_span(head) if head.pos_ in {"NOUN", "PROPN"} else None
                return mention_span(child)
        return None

    def _agent_in_subtree(self, verb: Token) -> Span | None:
        """``was dismissed as "political posturing" by Sen. Menendez``: the "by" phrase."""
        for token in verb.subtree:
            if token.lower_ == "by" and token.i > verb.i and self.layout.same_line(token, verb):
                objects = [c for c in token.children if c.dep_ == "pobj"]
                if objects:
                    return mention_span(objects[0])
        return None

    def next_name(self, token: Token) -> Span | None:
        """``said White House Press Secretary Jen Psaki``: a name right after the verb."""
        for k in range(token.i + 1, min(token.i + 8, len(self.doc))):
            candidate = self.doc[k]
            if self.layout.inside[k] or candidate.text in SENTENCE_END or candidate.text == "," \
                    or not self.layout.same_line(candidate, token):
                return None
            if candidate.ent_type_ in SPEAKER_LABELS or candidate.pos_ == "PROPN":
                return mention_span(candidate)
            if candidate.pos_ == "PRON" and candidate.lower_ not in _RELATIVE:
                return mention_span(candidate)
        return None

    def _left_name(self, verb: Token) -> Span | None:
        """``Marc H. Morial, the chief executive of the League, forcefully told``: when
        the parse lost the subject, the first person (else organization) named before
        the verb in its sentence."""
        sentence = verb.sent
        before = [t for t in self.doc[sentence.start:verb.i]
                  if not self.layout.inside[t.i] and self.layout.same_line(t, verb)]
        for label in ("PERSON", "ORG"):
            for token in before:
                if token.ent_type_ == label:
                    return mention_span(token)
        return None

    def colon_speaker(self, tokens: list[Token]) -> Span | None:
        """``Limbaugh went on:`` / ``NATO:``: the subject of the clause before the colon,
        or the name the colon follows."""
        for token in reversed(tokens):
            if is_verb(token):
                subject = self.own_subject(token)
                if subject is not None:
                    return subject
        last = tokens[-1]
        if last.ent_type_ in SPEAKER_LABELS or last.pos_ == "PROPN":
            return mention_span(last)
        return None


def _quoted_as(verb: Token) -> Span | None:
    """``The paper quoted Smith as saying …``: the object of the outer verb speaks."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or not is_verb(verb.head.head):
        return None
    objects = [c for c in verb.head.head.children if c.dep_ == "dobj"]
    return mention_span(objects[0]) if objects else None


def mention_span(token: Token) -> Span:
    """The words naming the entity headed by ``token``: its name, or its noun phrase
    up to the head (``the NATO chief``), without trailing clauses or appositions."""
    doc = token.doc
    if token.ent_type_ in SPEAKER_NAME_LABELS:
        start, end = token.i, token.i + 1
        while doc[start].ent_iob_ == "I" and start > 0:
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return _strip(doc[min(start, _name_start(token)):end])
    if token.pos_ == "PRON":
        return doc[token.i:token.i + 1]
    start = token.left_edge.i
    for k in range(token.i - 1, start - 1, -1):
        if "\n" in doc[k].text or doc[k].is_sent_end:
            start = k + 1  # a heading glued to the sentence is not part of the name
            break
    return _strip(doc[start:token.i + 1])


def _name_start(token: Token) -> int:
    """Leftmost token of a name the tagger cut in two ("Ursula von der" + "Leyen")."""
    start = token.i
    while start > 0:
        previous = token.doc[start - 1]
        if previous.ent_type_ != token.ent_type_ or previous.pos_ != "PROPN" \
                or previous.head.i not in range(start, token.i + 1):
            break
        start -= 1
    return start


def _strip(span: Span) -> Span:
    doc = span.doc
    start, end = span.start, span.end
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return doc[start:end]
