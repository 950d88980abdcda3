"""Quotations: someone's words inside quotation marks, with their cue and speaker."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right

from spacy.tokens import Doc

from ..records import Actor, Quote
from ..runtime.lemmas import lemma
from ..wordlists import entries
from .attribution import Attribution, Attributor, is_reporting
from .continuation import LOOK_BACK, Found, continue_speakers
from .descriptions import can_speak
from .indirect import add_indirect
from .layout import end_of
from .marks import MarkedSpan, find_marked_spans
from .speakers import SpeakerResolver

_OPENS_AFTER = frozenset(".!?:;”\"—–-)")
_VERB_TAGS = frozenset({"VERB", "AUX"})
# An unmarked colon quote runs to its sentence's end, and never further than this.
_LONGEST_UNMARKED = 1500
_COLON = re.compile(r":[ \t]+[A-Z]")
# "Follow Jane Roe on Twitter @janeroe.": a site's boilerplate, in marks or not.
_FOLLOW = re.compile(r"\s*(?:Follow|Like|Subscribe to|Find)\b.{0,80}?\b(?:on|at)[ \t]+"
                     r"(?:Twitter|X|Facebook|Instagram|Threads|TikTok|YouTube|LinkedIn|"
                     r"Bluesky|Mastodon|Telegram)\b")
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Verbs that give a name: what someone called someone else is that person's words.
_NAMING = frozenset({"call", "dub", "nickname", "label", "brand", "term"})


@functools.cache
def _title_words() -> frozenset[str]:
    return frozenset(w.strip() for w in entries("title_words.txt"))


def extract_quotes(doc: Doc, *, actors: list[Actor], indirect: bool = True) -> list[Quote]:
    """Return the quotations in ``doc`` in text order, each with its cue and speaker;
    with ``indirect``, reported speech without marks too (``indirect_quotes``)."""
    text = doc.text  # Doc.text joins every token: read it once
    if not len(doc):
        return []
    spans = find_marked_spans(text)
    attributor = Attributor(doc, text, spans)
    found = _find_quotes(doc, text, spans, attributor)
    continue_speakers(text, found, attributor)
    found = sorted([*found, *_colon_quotes(doc, text, spans, attributor)],
                   key=lambda item: item.span.start)
    if not found and not indirect:
        return []
    resolver = SpeakerResolver(doc, text, actors, is_reporting)
    for item in found:
        _resolve(item, resolver)
    quotes = [_to_record(text, n, item) for n, item in enumerate(found, start=1)]
    return add_indirect(doc, text, spans, quotes, resolver) if indirect else quotes


def _find_quotes(doc: Doc, text: str, spans: list[MarkedSpan],
                 attributor: Attributor) -> list[Found]:
    found = []
    for index, span in enumerate(spans):
        initial = _opens_sentence(text, spans, index)
        kind = "direct" if initial else "partial"
        attribution = attributor.attribute(index, initial)
        if _is_speech(doc, text[span.start:span.end], span, kind, attribution, attributor):
            found.append(Found(index, span, kind, attribution))
    return found


def _colon_quotes(doc: Doc, text: str, spans: list[MarkedSpan],
                  attributor: Attributor) -> list[Found]:
    """Unmarked quotes after a colon: ``Zelensky told Ukrainians: No one can love …``,
    up to the end of the sentence; marked text is never taken twice."""
    found = []
    starts = [s.open_mark for s in spans]
    for match in _COLON.finditer(text):
        colon, start = match.start(), match.end() - 1
        k = bisect_right(starts, colon) - 1
        if k >= 0 and colon < end_of(spans[k]):
            continue
        attribution = attributor.colon_attribution(colon)
        if attribution is None:
            continue
        span = _sentence_after(doc, text, attributor, start)
        if span is not None:
            found.append(Found(-1, span, "direct", attribution))
    return found


def _sentence_after(doc: Doc, text: str, attributor: Attributor,
                    start: int) -> MarkedSpan | None:
    """The unmarked quote starting at ``start``: the rest of its sentence."""
    tokens = attributor.layout.token_range(start, start + 1)
    if not len(tokens):
        return None
    line_start, line_end = attributor.layout.line_bounds(start)
    end = min(doc[tokens[0]].sent.end_char, line_end, start + _LONGEST_UNMARKED)
    content = text[start:end].rstrip()
    if len(content.split()) < 3 or any(c in content for c in "“”\"") \
            or _title_cased(content.split()):
        return None  # too short, holds marks of its own, or a title after a colon
    return MarkedSpan(start, start + len(content), start - 1, None,
                      attributor.layout.line_of(start), line_start, line_end)


def _opens_sentence(text: str, spans: list[MarkedSpan], index: int) -> bool:
    """Whether the quote stands as a sentence of its own (direct) rather than a
    fragment embedded in the reporter's sentence (partial)."""
    span = spans[index]
    before = text[max(span.line_start, span.open_mark - LOOK_BACK):span.open_mark].rstrip()
    if not before or before[-1] in _OPENS_AFTER:
        return True
    if before[-1] != ",":
        return False
    first = next((c for c in text[span.start:span.end] if c.isalpha()), "")
    if first.isupper():
        return True
    previous = spans[index - 1] if index > 0 else None
    # "A," she said, "b ..." -- the second half of a split sentence of speech
    return previous is not None and previous.line == span.line and \
        not any(c in ".!?" for c in text[end_of(previous):span.open_mark])


def _is_speech(doc: Doc, content: str, span: MarkedSpan, kind: str,
               attribution: Attribution | None, attributor: Attributor) -> bool:
    """Words someone said, not a name, a title or a scare quote."""
    words = [w for w in content.replace("—", " ").split() if any(c.isalnum() for c in w)]
    if not any(c.isalpha() for w in words for c in w) or _FOLLOW.match(content):
        return False
    tokens = [doc[i] for i in attributor.layout.token_range(span.start, span.end)]
    if _shouted(content, span, attributor) or \
            kind == "partial" and (_title_cased(words) and not _naming(doc, attribution)
                                   or _premodifier(tokens, words)):
        return False
    if attribution is not None:
        return True
    if kind == "partial" or len(words) < 3:
        return False
    return any(t.pos_ in _VERB_TAGS for t in tokens)


def _naming(doc: Doc, attribution: Attribution | None) -> bool:
    """``Trump called her “Miss Piggy”``: a name given by a speaker is a quote of theirs
    (a show "called" something, with no one calling it, is not)."""
    if attribution is None or attribution.cue_span is None or not can_speak(attribution.speaker):
        return False
    cue = doc.char_span(attribution.cue_span.start_char, attribution.cue_span.end_char,
                        alignment_mode="expand")
    return cue is not None and lemma(cue.root).lower() in _NAMING and \
        any(c.dep_ == "nsubj" for c in cue.root.children)


def _shouted(content: str, span: MarkedSpan, attributor: Attributor) -> bool:
    """``NATO: ‘SIGNIFICANT’ RUSSIAN TROOP BUILDUP``: a word in capitals, marked in a
    headline set in capitals, is emphasis, not a quotation."""
    line = attributor.text[span.line_start:span.line_end]
    return content.isupper() and len(content.split()) <= 2 and line.isupper()


def _premodifier(tokens: list, words: list[str]) -> bool:
    """``the first "point" release``: one or two nouns in marks that modify the noun right
    after the closing mark name a kind of thing; they are no one's words (an adjective,
    ``a "common-sense" approach``, may well be someone's)."""
    inner = [t for t in tokens if not t.is_punct and not t.is_space]
    if not inner or len(words) > 2 or any(t.pos_ not in {"NOUN", "PROPN"} for t in inner):
        return False
    after = inner[-1].doc[inner[-1].i + 1:inner[-1].i + 3]
    noun = next((t for t in after if not t.is_punct), None)
    return noun is not None and noun.pos_ == "NOUN" and noun.lower_ == noun.text and \
        all(t.head.i == noun.i or t.head in inner for t in inner) and \
        any(t.head.i == noun.i and t.dep_ in _MODIFIER_DEPS for t in inner)


def _title_cased(words: list[str]) -> bool:
    """"Good Morning America", "Day of National Unity": every word capitalised."""
    if len(words) > 8 or words[-1][-1] in "!?":
        return False
    if any(w[-1] in ",;" for w in words[:-1]):
        return False
    stripped = [w.strip("\"'“”‘’.,;:!?()[]") for w in words]
    capital = [w for w in stripped if w and w[0].isupper()]
    rest = [w for w in stripped if w and not w[0].isupper()]
    return bool(capital) and all(w.lower() in _title_words() for w in rest)


def _resolve(item: Found, resolver: SpeakerResolver) -> None:
    if item.cue_from is not None:
        item.speaker = item.cue_from.speaker
        return
    attribution = item.attribution
    if attribution is None or attribution.speaker is None:
        return
    item.speaker = resolver.resolve(attribution.speaker)
    if item.speaker.actor is not None and item.speaker.mention is not None:
        actor = next(a for a in resolver.actors if a.id == item.speaker.actor)
        resolver.note(actor, item.speaker.mention)


def _to_record(text: str, number: int, item: Found) -> Quote:
    span = item.span
    attribution = item.cue_from.attribution if item.cue_from else item.attribution
    return Quote(
        id=f"q{number}",
        text=text[span.start:span.end],
        start_char=span.start,
        end_char=span.end,
        kind=item.kind,
        cue=attribution.cue if attribution else None,
        cue_span=attribution.cue_span if attribution else None,
        speaker=item.speaker,
    )
