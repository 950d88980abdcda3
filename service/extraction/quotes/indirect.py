"""Reported speech without quotation marks: ``Putin said the troops would stay``.

A reported clause (``indirect_cues``) or noun phrase (``indirect_objects``) becomes a
quote of kind ``indirect`` whose content is the clause, with the cue and the speaker
found and resolved by the same machinery as the quotation-mark quotes
(``attribution``, ``phrases``, ``speakers``). The quotation-mark quotes keep their
words: a partial quote inside the clause is listed in ``contains``, a clause that is
all inside marks is no indirect quote, and no two indirect quotes claim the same
words (the outer clause wins).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..labels import NUMERIC_LABELS
from ..records import Quote, TextSpan
from .attribution import Attributor
from .indirect_cues import Reported, reported_clauses
from .indirect_objects import reported_objects
from .layout import Attribution
from .marks import MarkedSpan
from .speakers import SpeakerResolver

KIND = "indirect"
# Words of its own, outside marks, that a reported clause (a noun phrase) needs.
_FEWEST_WORDS = 2
_FEWEST_OBJECT_WORDS = 1
# A line this long or longer is a paragraph, never a headline.
_HEADLINE_WORDS = 25
_SENTENCE_CLOSE = tuple(".!?\"”’)")
_RELATIVES = frozenset({"who", "which", "that"})


class _Finder:
    """The speaker phrases of ``Attributor``, asked for a reported clause's cue."""

    def __init__(self, doc: Doc, text: str, spans: list[MarkedSpan]) -> None:
        self.attributor = Attributor(doc, text, spans)
        self.layout = self.attributor.layout

    def attribution(self, item: Reported, bounds: tuple[int, int]) -> Attribution | None:
        """The cue and speaker words of ``item``; words inside its own content never
        name its speaker (``it is said that he left``: not "he")."""
        if item.how == "according":
            found = self.attributor.according(item.cue)
        elif item.how == "noun":
            found = self.attributor.phrases.from_noun(item.cue)
        else:
            found = self.attributor.phrases.from_verb(item.cue)
        if found is None or found.speaker is None:
            return found
        if bounds[0] < found.speaker.end_char and found.speaker.start_char < bounds[1] \
                or _only_numbers(found.speaker):
            return Attribution(found.cue, found.cue_span, None)
        return found

    def inside_marks(self, i: int) -> bool:
        """Whether token ``i`` stands within quotation marks."""
        return self.layout.inside[i]


def add_indirect(doc: Doc, text: str, spans: list[MarkedSpan], quotes: list[Quote],
                 resolver: SpeakerResolver) -> list[Quote]:
    """``quotes`` (the quotation-mark ones) and the indirect quotes of ``doc``, in text
    order, numbered anew; an indirect quote lists the ids of the quotes inside it."""
    finder = _Finder(doc, text, spans)
    taken: list[tuple[int, int]] = []
    indirect: list[Quote] = []
    candidates = [c for c in [*reported_clauses(doc), *reported_objects(doc)]
                  if _eligible(finder, text, c)]
    candidates.sort(key=lambda c: (doc[c.start].idx - doc[c.end - 1].idx, doc[c.start].idx))
    for item in candidates:
        bounds = _content_bounds(doc, text, item, quotes)
        if bounds is None or any(s < bounds[1] and bounds[0] < e for s, e in taken):
            continue
        attribution = finder.attribution(item, bounds)
        if attribution is None or (not item.speech and attribution.speaker is None):
            continue  # a belief nobody holds in the text is no report
        taken.append(bounds)
        indirect.append(_record(text, bounds, attribution, resolver,
                                _relative_subject(item.cue, attribution)))
    return _numbered(quotes, indirect)


def _only_numbers(words: Span) -> bool:
    """A date, time or amount is no one ("… to know Thursday about …")."""
    return all(t.ent_type_ in NUMERIC_LABELS or t.is_punct for t in words)


def _eligible(finder: _Finder, text: str, item: Reported) -> bool:
    """A cue outside quotation marks and outside a headline."""
    if finder.inside_marks(item.cue.i):
        return False
    start, end = finder.layout.line_bounds(item.cue.idx)
    line = text[start:end].strip()
    return line.endswith(_SENTENCE_CLOSE) or len(line.split()) >= _HEADLINE_WORDS


def _content_bounds(doc: Doc, text: str, item: Reported,
                    quotes: list[Quote]) -> tuple[int, int] | None:
    """The clause's characters, cut short of a quotation-mark quote that runs across
    its edge; None when it says too little outside marks."""
    start, end = doc[item.start].idx, doc[item.end - 1].idx + len(doc[item.end - 1])
    for quote in quotes:
        q_start, q_end = _with_marks(text, quote)
        if q_start <= start and end <= q_end:
            return None
        if q_start < start < q_end:
            start = q_end
        if q_start < end < q_end:
            end = q_start
    if end <= start:
        return None
    inside = [q for q in quotes if start <= q.start_char and q.end_char <= end]
    outside = text[start:end]
    for quote in sorted(inside, key=lambda q: -q.start_char):
        outside = outside[:quote.start_char - start] + " " + outside[quote.end_char - start:]
    words = [w for w in outside.split() if any(c.isalnum() for c in w)]
    if len(words) < (_FEWEST_OBJECT_WORDS if item.how == "object" else _FEWEST_WORDS):
        return None
    stripped = text[start:end].rstrip(" ,;:—–-")
    return start, start + len(stripped)


def _with_marks(text: str, quote: Quote) -> tuple[int, int]:
    """A quote's offsets with its quotation marks, when it has them."""
    start, end = quote.start_char, quote.end_char
    if start > 0 and text[start - 1] in "\"“„‘'«":
        start -= 1
    if end < len(text) and text[end] in "\"”’'»":
        end += 1
    return start, end


def _relative_subject(cue: Token, attribution: Attribution) -> Token | None:
    """``the senator, who said …``: the relative pronoun that is the cue's subject,
    when the speaker words found are its antecedent."""
    speaker = attribution.speaker
    if speaker is None or speaker.root.i != cue.head.i:
        return None
    return next((c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}
                 and c.tag_ in {"WP", "WDT"} and c.lower_ in _RELATIVES), None)


def _record(text: str, bounds: tuple[int, int], attribution: Attribution,
            resolver: SpeakerResolver, relative: Token | None) -> Quote:
    """The quote; its speaker is resolved from the speaker words, and a relative
    pronoun subject, like a personal one, is the mention that names it."""
    speaker = None
    if attribution.speaker is not None:
        speaker = resolver.resolve(attribution.speaker)
        if speaker.actor is not None and speaker.mention is not None:
            actor = next(a for a in resolver.actors if a.id == speaker.actor)
            resolver.note(actor, speaker.mention)
        if relative is not None:
            speaker = replace(speaker, mention=TextSpan(
                relative.text, relative.idx, relative.idx + len(relative)))
    start, end = bounds
    return Quote(id="", text=text[start:end], start_char=start, end_char=end, kind=KIND,
                 cue=attribution.cue, cue_span=attribution.cue_span, speaker=speaker)


def _numbered(quotes: list[Quote], indirect: list[Quote]) -> list[Quote]:
    """All quotes in text order with ids q1, q2, …; ``contains`` names the quotes
    inside each indirect one by their new ids."""
    ordered = sorted([*quotes, *indirect], key=lambda q: (q.start_char, -q.end_char))
    ids = {id(q): f"q{n}" for n, q in enumerate(ordered, start=1)}
    result = []
    for quote in ordered:
        inner: tuple[str, ...] = ()
        if quote.kind == KIND:
            inner = tuple(ids[id(q)] for q in quotes
                          if quote.start_char <= q.start_char and q.end_char <= quote.end_char)
        result.append(replace(quote, id=ids[id(quote)], contains=inner))
    return result

