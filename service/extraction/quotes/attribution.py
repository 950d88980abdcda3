"""Attributor: the patterns that find a quote's cue ("X said", colon, "according to", dash)."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..labels import SPEAKER_LABELS
from ..records import TextSpan
from ..runtime.lemmas import lemma
from .complements import as_complement
from .cues import (
    is_adjacent_reporting,
    is_finite,
    is_reporting,
    is_verb,
    puts_it,
    reporting_lemmas,
    speech_nouns,
)
from .descriptions import can_speak
from .layout import LOOK, SENTENCE_END, Attribution, QuoteLayout, end_of
from .marks import MarkedSpan
from .phrases import SpeakerPhrases, mention_span
from .transcript import line_label, turn_label

_SUBORDINATORS = frozenset({"when", "while", "because", "after", "before", "if", "since",
                            "although", "though", "until", "whereas", "unless"})
_DASH_AFTER = re.compile(r"[\s\xa0,]*([―—–]|--)[\s\xa0]*")
# How far from its quote an attribution may sit, in tokens.
_AFTER_WINDOW = 14
_ADJACENT = 3
_ANCESTOR_HOPS = 8
_NOUN_REACH = 5  # "warnings from the West that": the noun, a short phrase, "that"
_EXITS = 6  # tokens of a quote, at most, whose way up to a governing verb is followed

__all__ = ["Attribution", "Attributor", "is_reporting", "mention_span", "reporting_lemmas"]


class Attributor:
    """Per-document helper: finds the attribution of each marked span."""

    def __init__(self, doc: Doc, text: str, spans: list[MarkedSpan]) -> None:
        self.doc = doc
        self.text = text
        self.spans = spans
        self.layout = QuoteLayout(doc, text, spans)
        self.phrases = SpeakerPhrases(self.layout)

    def attribute(self, index: int, initial: bool) -> Attribution | None:
        """The attribution of ``spans[index]``; ``initial`` when it opens a sentence."""
        turn = turn_label(self.doc, self.text, self.spans[index])
        if turn is not None:
            return turn
        finders: tuple[Callable[[int], Attribution | None], ...]
        if initial:
            finders = (self._after, self._before, self._governor)
        else:
            finders = (self._governor,
                       lambda i: as_complement(self.layout, self.phrases, self.spans[i]),
                       self._before, self._after_short, self._in_sentence,
                       lambda i: line_label(self.doc, self.text, self.spans[i]))
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
        tokens = [self.doc[i] for i in self.layout.token_range(start, span.open_mark)
                  if not self.doc[i].is_space]
        if not tokens:
            return self._colon_paragraph(span)
        if tokens[-1].text not in SENTENCE_END:
            return None
        for token in tokens[-1].sent:
            if not self.layout.inside[token.i] and is_reporting(token) and token.dep_ == "ROOT":
                return self.phrases.from_verb(token)
        return None

    def colon_attribution(self, colon: int) -> Attribution | None:
        """``He told reporters: We will win.``: a clause that ends in a colon and whose
        verb of saying has a subject introduces an unmarked quote."""
        start = max(0, colon - LOOK)
        tokens = [self.doc[i] for i in self.layout.token_range(start, colon + 1)
                  if not self.layout.inside[i] and not self.doc[i].is_space]
        if not tokens or tokens[-1].text != ":":
            return None
        tokens = [t for t in tokens if self.layout.same_line(t, tokens[-1])]
        cut = max((k for k, t in enumerate(tokens) if t.text in SENTENCE_END), default=-1)
        clause = tokens[cut + 1:-1]
        verbs = [t for t in clause if is_reporting(t) and is_finite(t)]
        if not verbs or any(t.text in {",", ";"} for t in clause[clause.index(verbs[-1]):]):
            return None
        found = self.phrases.from_verb(verbs[-1])
        return found if found.speaker is not None else None

    def _after(self, index: int, window: int = _AFTER_WINDOW) -> Attribution | None:
        """``"…," Erdogan said`` / ``"…," said Kuleba`` / ``"…" ― Nell Grey``."""
        signed = self._dash(index)
        if signed is not None:
            return signed
        tokens = self.layout.after_tokens(index)[:window]
        if tokens and self._ends_sentence(index) and tokens[0].text[:1].isupper():
            return None  # “… smart.” Trump was defensive …: a new sentence, not its attribution
        for k, token in enumerate(tokens):
            if token.text in SENTENCE_END or token.lower_ in _SUBORDINATORS:
                break  # "…," when Clinton blasted him: another clause's verb
            according = self.according(token)
            if according is not None:
                return according
            if is_reporting(token) or puts_it(token) or \
                    (k < _ADJACENT and is_adjacent_reporting(token)):
                return self.phrases.from_verb(token, tokens[:k])
        return None

    def _ends_sentence(self, index: int) -> bool:
        content = self.text[self.spans[index].start:self.spans[index].end].rstrip()
        return content.endswith(".")

    def _after_short(self, index: int) -> Attribution | None:
        span = self.spans[index]
        content = self.text[span.start:span.end].rstrip()
        comma_after = span.close_mark is not None and \
            self.text[end_of(span):end_of(span) + 1] == ","
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
        dash = _DASH_AFTER.match(text, end_of(span), line_end)
        if dash is None:
            return None
        tokens = [self.doc[i] for i in self.layout.token_range(dash.end(), line_end)]
        names = [t for t in tokens[:4] if t.pos_ == "PROPN" or t.ent_type_ in SPEAKER_LABELS]
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
        tokens = [self.doc[i] for i in self.layout.token_range(max(start, colon - LOOK), colon + 1)
                  if not self.layout.inside[i] and not self.doc[i].is_space]
        cut = max((k for k, t in enumerate(tokens) if t.text in SENTENCE_END), default=-1)
        return self._introduced(tokens[cut + 1:])

    def _before(self, index: int) -> Attribution | None:
        """``Zelensky told Ukrainians: "…"`` / ``he said, "…"`` / ``NATO: "…"``."""
        return self._introduced(self.layout.before_tokens(index))

    def _introduced(self, tokens: list[Token]) -> Attribution | None:
        """The attribution that the words right before a quote end with."""
        if not tokens or tokens[-1].text not in {":", ","}:
            return None
        # "she said, referring to the day, "…": the finite verb of saying wins
        for finite in (True, False):
            for k, token in enumerate(reversed(tokens[:-1])):
                according = self.according(token)
                if according is not None:
                    return according
                if finite and not is_finite(token):
                    continue
                if is_reporting(token) or puts_it(token) or \
                        (k < _ADJACENT and is_adjacent_reporting(token)):
                    return self.phrases.from_verb(token)
        if tokens[-1].text == ":" and len(tokens) > 1:
            return Attribution("colon", None, self.phrases.colon_speaker(tokens[:-1]))
        return None

    def _governor(self, index: int) -> Attribution | None:
        """``accused NATO of failing to "soberly assess"``: a verb of saying governs the
        quote; or a noun of speech does (``Trump's claim that "…"``). Every token of the
        quote whose head lies outside it is a way up (a quote may hold two sentences)."""
        span = self.spans[index]
        tokens = self.layout.token_range(span.start, span.end)
        exits = [self.doc[i] for i in tokens
                 if self.doc[i].head.i not in tokens or self.doc[i].head.i == i]
        for token in exits[:_EXITS]:
            found = self._governor_above(token)
            if found is not None:
                return found
        return None

    def _governor_above(self, start: Token) -> Attribution | None:
        """The first verb of saying above ``start`` (or a noun of speech below it) whose
        speaker can speak; ``the ad "wrongly" suggests``, inside ``X said that …``, climbs
        on to X; with no better one above, the first found stands."""
        token = start
        noun: Attribution | None = None
        first: Attribution | None = None
        for _ in range(_ANCESTOR_HOPS):
            if token.head is token or not self.layout.same_line(token.head, start):
                break
            child, token = token, token.head
            if self.layout.inside[token.i]:
                continue
            if is_reporting(token):
                if noun is None and child.dep_ == "ccomp":
                    owner = self._noun_before_that(child)
                    noun = self.phrases.from_noun(owner) if owner is not None else None
                verb = self._bound_pronoun(self.phrases.from_verb(token), token)
                found = noun if noun is not None and can_speak(noun.speaker) else verb
                if can_speak(found.speaker):
                    return found
                first = first or (noun if noun is not None and noun.speaker else verb)
                noun = None
            elif noun is None and token.pos_ == "NOUN" and \
                    lemma(token).lower() in speech_nouns():
                noun = self.phrases.from_noun(token)
        return first or noun

    def _noun_before_that(self, clause: Token) -> Token | None:
        """``repeated warnings from the West that "…"``: a "that" clause right after a
        noun of speech is that noun's content, even where the parser hangs it on the
        sentence's verb; the noun is the last one before "that", past a short phrase."""
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"),
                    None)
        if mark is None:
            return None
        for i in range(mark.i - 1, max(mark.i - _NOUN_REACH, 0) - 1, -1):
            token = self.doc[i]
            if token.pos_ == "NOUN":
                return token if lemma(token).lower() in speech_nouns() else None
            if token.pos_ in {"VERB", "AUX"} or token.is_punct or self.layout.inside[i]:
                return None
        return None

    def _bound_pronoun(self, found: Attribution, verb: Token) -> Attribution:
        """``Ban condemned what he called a "breach"`` / ``Lynch said she recalled "…"``:
        a pronoun under an outer verb of saying names that verb's subject, and in a
        free relative (``what they call "…"``) the subject of the clause around it."""
        if found.speaker is None or found.speaker.root.pos_ != "PRON":
            return found
        free = any(c.lower_ == "what" for c in verb.children)
        token = verb
        for _ in range(_ANCESTOR_HOPS):
            if token.head is token or not self.layout.same_line(token.head, verb):
                break
            token = token.head
            if self.layout.inside[token.i] or not is_verb(token):
                continue
            outer = self.phrases.own_subject(token)
            if outer is None:
                continue
            if free or (is_reporting(token) and outer.root.pos_ != "PRON"):
                return Attribution(found.cue, found.cue_span, outer)
        return found

    def _in_sentence(self, index: int) -> Attribution | None:
        """``According to X, the move reeks of "fear"`` / ``Mr. Obama said, a majority
        … believe "that …"``: the attribution of the whole sentence holding the quote."""
        span = self.spans[index]
        tokens = self.layout.token_range(span.start, span.end)
        if not len(tokens):
            return None
        sentence = self.doc[tokens[0]].sent
        for token in sentence:
            if self.layout.inside[token.i] or not self.layout.same_line(token, self.doc[tokens[0]]):
                continue
            according = self.according(token)
            if according is not None:
                return according
            if is_reporting(token) and token.dep_ in {"ROOT", "parataxis"} and \
                    any(c.dep_ == "nsubj" for c in token.children):
                return self.phrases.from_verb(token)
        return None

    def according(self, token: Token) -> Attribution | None:
        """``according to X``: the phrase is the cue, X the speaker."""
        if token.lower_ != "according" or token.i + 1 >= len(self.doc):
            return None
        to = self.doc[token.i + 1]
        if to.lower_ != "to":
            return None
        objects = [c for c in to.children if c.dep_ == "pobj"]
        speaker = mention_span(objects[0]) if objects else self.phrases.next_name(to)
        cue = self.doc[token.i:to.i + 1]
        return Attribution(cue.text, TextSpan(cue.text, cue.start_char, cue.end_char), speaker)
