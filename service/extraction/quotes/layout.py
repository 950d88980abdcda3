"""The Attribution record, and the tokens and lines around a document's marked quotes."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from ..records import TextSpan
from .marks import MarkedSpan

SENTENCE_END = frozenset({".", "!", "?"})
# Characters of context searched on either side of a quote for its attribution.
LOOK = 400


@dataclass(frozen=True, slots=True)
class Attribution:
    """What the text says about who spoke a quote: the cue and the speaker's words."""

    cue: str  # the cue as written ("said", "according to", "―") or "colon"
    cue_span: TextSpan | None
    speaker: Span | None  # the words naming the speaker, as written


class QuoteLayout:
    """Per-document geometry of the marked spans: their tokens, lines and context."""

    def __init__(self, doc: Doc, text: str, spans: list[MarkedSpan]) -> None:
        self.doc = doc
        self.text = text
        self.spans = spans
        self._starts = doc.to_array(IDX).tolist()  # token offsets without a Python pass
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        self.inside = [False] * len(doc)  # per token: within a marked span
        for span in spans:
            for i in self.token_range(span.open_mark, end_of(span)):
                self.inside[i] = True

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that overlap ``[start, end)``."""
        first = max(0, bisect_left(self._starts, start + 1) - 1)
        if first < len(self.doc) and self.doc[first].idx + len(self.doc[first]) <= start:
            first += 1
        last = bisect_left(self._starts, end)
        return range(first, max(first, last))

    def line_of(self, char: int) -> int:
        """Index of the line holding ``char``."""
        return self._line(char)

    def line_bounds(self, char: int) -> tuple[int, int]:
        """Start and end offsets of the line holding ``char``."""
        k = self._line(char)
        start = self._newlines[k - 1] + 1 if k > 0 else 0
        end = self._newlines[k] if k < len(self._newlines) else len(self.text)
        return start, end

    def _line(self, char: int) -> int:
        return bisect_right(self._newlines, char)

    def same_line(self, a: Token, b: Token) -> bool:
        """Whether tokens ``a`` and ``b`` stand on the same line."""
        return self._line(a.idx) == self._line(b.idx)

    def after_tokens(self, index: int) -> list[Token]:
        """The words after ``spans[index]`` on its line, up to the next quote."""
        span = self.spans[index]
        if span.close_mark is None:
            return []
        stop = min(span.line_end, span.close_mark + LOOK)
        if index + 1 < len(self.spans):
            stop = min(stop, self.spans[index + 1].open_mark)
        return [self.doc[i] for i in self.token_range(end_of(span), stop)
                if not self.inside[i] and not self.doc[i].is_space]

    def before_tokens(self, index: int) -> list[Token]:
        """The words of the sentence before ``spans[index]`` on its line, after any quote."""
        span = self.spans[index]
        start = max(span.line_start, span.open_mark - LOOK)
        if index > 0 and self.spans[index - 1].close_mark is not None:
            start = max(start, end_of(self.spans[index - 1]))
        tokens = [self.doc[i] for i in self.token_range(start, span.open_mark)
                  if not self.inside[i] and not self.doc[i].is_space]
        cut = max((k for k, t in enumerate(tokens) if t.text in SENTENCE_END), default=-1)
        return tokens[cut + 1:]


def end_of(span: MarkedSpan) -> int:
    """Where ``span`` ends: after its closing mark, or at its text's end when it has none."""
    return span.end if span.close_mark is None else span.close_mark + span.mark_width
