"""Find the cue of a quotation (its verb of saying, a colon, "according to", a dash)
and the words naming its speaker, from the dependency parse around the marks."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from .attribution_base import LOOK, SENTENCE_END, Attribution, QuoteLayout
from .cue_words import (
    is_adjacent_reporting,
    is_reporting,
    is_verb,
    puts_it,
    reporting_lemmas,
    speech_nouns,
)
from .quote_marks import MarkedSpan
from .records import TextSpan

# Dependencies climbed from a verb of saying to the clause that has its subject
# ("a statement calling X ..." climbs through the noun to "issued").
_CLIMB = frozenset({"conj", "advcl", "xcomp", "ccomp", "acl", "pcomp", "prep", "pobj", "dobj"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_NAME_LABELS = frozenset({"PERSON", "ORG"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_DASH_AFTER = re.compile(r"[\s\xa0,]*([―—–]|--)[\s\xa0]*")
# How far from its quote an attribution may sit, in tokens.
_AFTER_WINDOW = 14
_ADJACENT = 3
_ANCESTOR_HOPS = 8
_EXITS = 6  # tokens of a quote, at most, whose way up to a governing verb is followed

__all__ = ["Attribution", "Attributor", "is_reporting", "mention_span", "reporting_lemmas"]


class Attributor(QuoteLayout):
    """Per-document helper: finds the attribution of each marked span."""

    def attribute(self, index: int, initial: bool) -> Attribution | None:
        """The attribution of ``spans[index]``; ``initial`` when it opens a sentence."""
        finders: tuple[Callable[[int], Attribution | None], ...]
        if initial:
            finders = (self._after, self._before, self._governor)
        else:
            finders = (self._governor, self._before, self._after_short, self._in_sentence)
        for finder in finders:
            found = finder(index)
            if found is not None:
                return found
        return None

    def previous_sentence(self, index: int) -> Attribution | None:
        """``Makei said the military would leave. "Not a single…"``: the verb of saying
        of the sentence right before a quote that opens its own, in its paragraph."""
        span = self.spans[index]
        start = max(span.line_start, span.open_mark - LOOK)
        tokens = [self.doc[i] for i in self.token_range(start, span.open_mark)
                  if not self.doc[i].is_space]
        if not tokens:
            return self._colon_paragraph(span)
        if tokens[-1].text not in SENTENCE_END:
            return None
        for token in tokens[-1].sent:
            if not self._inside[token.i] and is_reporting(token) and token.dep_ == "ROOT":
                return self._from_verb(token)
        return None

    def colon_attribution(self, colon: int) -> Attribution | None:
        """``He told reporters: We will win.``: a clause that ends in a colon and whose
        verb of saying has a subject introduces an unmarked quote."""
        start = max(0, colon - LOOK)
        tokens = [self.doc[i] for i in self.token_range(start, colon + 1)
                  if not self._inside[i] and not self.doc[i].is_space]
        if not tokens or tokens[-1].text != ":":
            return None
        tokens = [t for t in tokens if self._same_line(t, tokens[-1])]
        cut = max((k for k, t in enumerate(tokens) if t.text in SENTENCE_END), default=-1)
        clause = tokens[cut + 1:-1]
        verbs = [t for t in clause if is_reporting(t) and t.tag_ in _FINITE]
        if not verbs or any(t.text in {",", ";"} for t in clause[clause.index(verbs[-1]):]):
            return None
        found = self._from_verb(verbs[-1])
        return found if found.speaker is not None else None

    def _after(self, index: int, window: int = _AFTER_WINDOW) -> Attribution | None:
        """``"…," Erdogan said`` / ``"…," said Kuleba`` / ``"…" ― Nell Grey``."""
        signed = self._dash(index)
        if signed is not None:
            return signed
        tokens = self._after_tokens(index)[:window]
        if tokens and self._ends_sentence(index) and tokens[0].text[:1].isupper():
            return None  # “… smart.” Trump was defensive …: a new sentence, not its attribution
        for k, token in enumerate(tokens):
            if token.text in SENTENCE_END:
                break
            according = self._according(token)
            if according is not None:
                return according
            if is_reporting(token) or puts_it(token) or \
                    (k < _ADJACENT and is_adjacent_reporting(token)):
                return self._from_verb(token, tokens[:k])
        return None

    def _ends_sentence(self, index: int) -> bool:
        content = self.text[self.spans[index].start:self.spans[index].end].rstrip()
        return content.endswith(".")

    def _after_short(self, index: int) -> Attribution | None:
        span = self.spans[index]
        content = self.text[span.start:span.end].rstrip()
        comma_after = span.close_mark is not None and \
            self.text[span.close_mark + 1:span.close_mark + 2] == ","
        if not content.endswith(",") and not comma_after:
            return None
        return self._after(index, window=6)

    def _dash(self, index: int) -> Attribution | None:
        """``“…” ― Nell Carden Grey``: a name after a dash signs the quote."""
        span = self.spans[index]
        if span.close_mark is None:
            return None
        text = self.text
        line_end = min(span.line_end, span.close_mark + LOOK)
        dash = _DASH_AFTER.match(text, span.close_mark + 1, line_end)
        if dash is None:
            return None
        tokens = [self.doc[i] for i in self.token_range(dash.end(), line_end)]
        names = [t for t in tokens[:4] if t.pos_ == "PROPN" or t.ent_type_ in _NAME_LABELS]
        if not names:
            return None
        mark = dash.group(1)
        return Attribution(mark, TextSpan(mark, dash.start(1), dash.end(1)),
                           mention_span(names[0]))

    def _colon_paragraph(self, span: MarkedSpan) -> Attribution | None:
        """``Sanders made the following comment:`` ending the paragraph before the quote."""
        window = max(0, span.line_start - LOOK)
        colon = window + len(self.text[window:span.line_start].rstrip()) - 1
        if colon < window or self.text[colon] != ":":
            return None
        start = self.text.rfind("\n", max(0, colon - LOOK), colon) + 1
        tokens = [self.doc[i] for i in self.token_range(max(start, colon - LOOK), colon + 1)
                  if not self._inside[i] and not self.doc[i].is_space]
        cut = max((k for k, t in enumerate(tokens) if t.text in SENTENCE_END), default=-1)
        return self._introduced(tokens[cut + 1:])

    def _before(self, index: int) -> Attribution | None:
        """``Zelensky told Ukrainians: "…"`` / ``he said, "…"`` / ``NATO: "…"``."""
        return self._introduced(self._before_tokens(index))

    def _introduced(self, tokens: list[Token]) -> Attribution | None:
        """The attribution that the words right before a quote end with."""
        if not tokens or tokens[-1].text not in {":", ","}:
            return None
        # "she said, referring to the day, "…": the finite verb of saying wins
        for finite in (True, False):
            for k, token in enumerate(reversed(tokens[:-1])):
                according = self._according(token)
                if according is not None:
                    return according
                if finite and token.tag_ not in _FINITE:
                    continue
                if is_reporting(token) or puts_it(token) or \
                        (k < _ADJACENT and is_adjacent_reporting(token)):
                    return self._from_verb(token)
        if tokens[-1].text == ":" and len(tokens) > 1:
            return Attribution("colon", None, self._colon_speaker(tokens[:-1]))
        return None

    def _governor(self, index: int) -> Attribution | None:
        """``accused NATO of failing to "soberly assess"``: a verb of saying governs the
        quote; or a noun of speech does (``Trump's claim that "…"``). Every token of the
        quote whose head lies outside it is a way up (a quote may hold two sentences)."""
        span = self.spans[index]
        tokens = self.token_range(span.start, span.end)
        exits = [self.doc[i] for i in tokens
                 if self.doc[i].head.i not in tokens or self.doc[i].head.i == i]
        for token in exits[:_EXITS]:
            found = self._governor_above(token)
            if found is not None:
                return found
        return None

    def _governor_above(self, start: Token) -> Attribution | None:
        token = start
        noun: Attribution | None = None
        for _ in range(_ANCESTOR_HOPS):
            if token.head is token or not self._same_line(token.head, start):
                break
            token = token.head
            if self._inside[token.i]:
                continue
            if is_reporting(token):
                verb = self._bound_pronoun(self._from_verb(token), token)
                return noun if noun is not None and noun.speaker is not None else verb
            if noun is None and token.pos_ == "NOUN" and \
                    token.lemma_.lower() in speech_nouns():
                noun = self._from_noun(token)
        return noun

    def _bound_pronoun(self, found: Attribution, verb: Token) -> Attribution:
        """``Ban condemned what he called a "breach"`` / ``Lynch said she recalled "…"``:
        a pronoun under an outer verb of saying names that verb's subject, and in a
        free relative (``what they call "…"``) the subject of the clause around it."""
        if found.speaker is None or found.speaker.root.pos_ != "PRON":
            return found
        free = any(c.lower_ == "what" for c in verb.children)
        token = verb
        for _ in range(_ANCESTOR_HOPS):
            if token.head is token or not self._same_line(token.head, verb):
                break
            token = token.head
            if self._inside[token.i] or not is_verb(token):
                continue
            outer = self._own_subject(token)
            if outer is None:
                continue
            if free or (is_reporting(token) and outer.root.pos_ != "PRON"):
                return Attribution(found.cue, found.cue_span, outer)
        return found

    def _in_sentence(self, index: int) -> Attribution | None:
        """``According to X, the move reeks of "fear"`` / ``Mr. Obama said, a majority
        … believe "that …"``: the attribution of the whole sentence holding the quote."""
        span = self.spans[index]
        tokens = self.token_range(span.start, span.end)
        if not len(tokens):
            return None
        sentence = self.doc[tokens[0]].sent
        for token in sentence:
            if self._inside[token.i] or not self._same_line(token, self.doc[tokens[0]]):
                continue
            according = self._according(token)
            if according is not None:
                return according
            if is_reporting(token) and token.dep_ in {"ROOT", "parataxis"} and \
                    any(c.dep_ == "nsubj" for c in token.children):
                return self._from_verb(token)
        return None

    def _according(self, token: Token) -> Attribution | None:
        if token.lower_ != "according" or token.i + 1 >= len(self.doc):
            return None
        to = self.doc[token.i + 1]
        if to.lower_ != "to":
            return None
        objects = [c for c in to.children if c.dep_ == "pobj"]
        speaker = mention_span(objects[0]) if objects else self._next_name(to)
        cue = self.doc[token.i:to.i + 1]
        return Attribution(cue.text, TextSpan(cue.text, cue.start_char, cue.end_char), speaker)

    def _from_verb(self, verb: Token, between: list[Token] | None = None) -> Attribution:
        """The cue ``verb`` and its speaker; ``between``: the words between the quote and
        the verb, where the speaker stands when the parse lost the subject."""
        end = verb.i + 1
        following = self.doc[end] if end < len(self.doc) else None
        if following is not None and (
                (following.dep_ == "prt" and following.head is verb)
                or (verb.lemma_ == "call" and following.lower_ in {"on", "for"})):
            end += 1
        cue = self.doc[verb.i:end]
        return Attribution(cue.text, TextSpan(cue.text, cue.start_char, cue.end_char),
                           self._subject(verb, between or []))

    def _from_noun(self, noun: Token) -> Attribution:
        """``Trump's claim that "…"`` / ``repeated warnings that "…"``: the noun of speech
        (or the verb of saying that modifies it) is the cue; its owner, the speaker."""
        cue_token = next((c for c in noun.children if c.dep_ == "amod" and is_reporting(c)),
                         noun)
        cue = self.doc[cue_token.i:cue_token.i + 1]
        owners = [c for c in noun.children if c.dep_ == "poss"]
        speaker = mention_span(owners[0]) if owners else None
        if speaker is None and noun.dep_ == "dobj":
            speaker = self._own_subject(noun.head)
        if speaker is None and noun.dep_ == "conj" and is_verb(noun.head):
            speaker = self._subject(noun.head, [])
        return Attribution(cue.text, TextSpan(cue.text, cue.start_char, cue.end_char), speaker)

    def _subject(self, verb: Token, between: list[Token]) -> Span | None:
        """The words naming who did the saying: the subject, the agent, or ``said X``."""
        current = verb
        for _ in range(4):
            found = self._own_subject(current)
            if found is not None:
                return found
            if current.dep_ == "acl" and (current.head.pos_ == "PROPN"
                                          or current.head.ent_type_ in _NAME_LABELS):
                return mention_span(current.head)  # footage of Clinton asking, "…"
            if current.dep_ not in _CLIMB or current.head is current:
                break
            current = current.head
        named = [t for t in between if t.pos_ in {"PROPN", "PRON"} or t.ent_type_ in _NAME_LABELS]
        if named:
            return mention_span(named[0])
        return self._next_name(verb) or self._left_name(verb)

    def _own_subject(self, verb: Token) -> Span | None:
        children = [c for c in verb.children
                    if self._same_line(c, verb) and not self._inside[c.i]]
        for child in children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return mention_span(objects[0])
        if any(c.dep_ == "nsubjpass" for c in children):
            return self._agent_in_subtree(verb)
        for child in children:
            if child.dep_ == "nsubj":
                if child.lower_ in _RELATIVE and child.tag_ in {"WP", "WDT"}:
                    head = verb.head
                    return mention_span(head) if head.pos_ in {"NOUN", "PROPN"} else None
                return mention_span(child)
        return None

    def _agent_in_subtree(self, verb: Token) -> Span | None:
        """``was dismissed as "political posturing" by Sen. Menendez``: the "by" phrase."""
        for token in verb.subtree:
            if token.lower_ == "by" and token.i > verb.i and self._same_line(token, verb):
                objects = [c for c in token.children if c.dep_ == "pobj"]
                if objects:
                    return mention_span(objects[0])
        return None

    def _next_name(self, token: Token) -> Span | None:
        """``said White House Press Secretary Jen Psaki``: a name right after the verb."""
        for k in range(token.i + 1, min(token.i + 8, len(self.doc))):
            candidate = self.doc[k]
            if self._inside[k] or candidate.text in SENTENCE_END or candidate.text == "," \
                    or not self._same_line(candidate, token):
                return None
            if candidate.ent_type_ in _NAME_LABELS or candidate.pos_ == "PROPN":
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
                  if not self._inside[t.i] and self._same_line(t, verb)]
        for label in ("PERSON", "ORG"):
            for token in before:
                if token.ent_type_ == label:
                    return mention_span(token)
        return None

    def _colon_speaker(self, tokens: list[Token]) -> Span | None:
        """``Limbaugh went on:`` / ``NATO:``: the subject of the clause before the colon,
        or the name the colon follows."""
        for token in reversed(tokens):
            if is_verb(token):
                subject = self._own_subject(token)
                if subject is not None:
                    return subject
        last = tokens[-1]
        if last.ent_type_ in _NAME_LABELS or last.pos_ == "PROPN":
            return mention_span(last)
        return None


def mention_span(token: Token) -> Span:
    """The words naming the entity headed by ``token``: its name, or its noun phrase
    up to the head (``the NATO chief``), without trailing clauses or appositions."""
    doc = token.doc
    if token.ent_type_ in _ENTITY_LABELS:
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
