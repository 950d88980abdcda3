"""Continuation: a quote with no attribution of its own takes an adjacent quote's speaker."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Speaker
from .attribution import Attribution, Attributor
from .layout import end_of
from .marks import MarkedSpan

# Context looked at before a mark, in characters: enough for any attribution, and it
# keeps the work per quote bounded on one-line articles.
LOOK_BACK = 400
# A paragraph ending this many characters after its last quote still "ends with it".
_SHORT_TAIL = 100


@dataclass(slots=True)
class Found:
    """A quote found in the text, before its record is built."""

    index: int  # into the marked spans
    span: MarkedSpan
    kind: str
    attribution: Attribution | None
    speaker: Speaker | None = None
    cue_from: Found | None = None  # the quote whose attribution this one continues


def continue_speakers(text: str, found: list[Found], attributor: Attributor) -> None:
    """A quote with no attribution of its own continues the adjacent quote's speaker:
    the one before it in its paragraph, the one after it, or the last quote of the
    previous paragraph when it opens its own."""
    for k, item in enumerate(found):
        if item.attribution is not None:
            continue
        source = _adjacent(text, found, k)
        if source is not None:
            item.cue_from = source.cue_from or source
            continue
        item.attribution = attributor.previous_sentence(item.index)


def _adjacent(text: str, found: list[Found], k: int) -> Found | None:
    item = found[k]
    previous = found[k - 1] if k > 0 else None
    following = found[k + 1] if k + 1 < len(found) else None
    if previous is not None and previous.span.line == item.span.line and _said(previous):
        return previous
    if following is not None and following.span.line == item.span.line and \
            following.attribution is not None:
        return following
    if previous is not None and _said(previous) and _opens_paragraph(text, item.span) and \
            _next_paragraph(text, previous.span, item.span):
        return previous
    return None


def _said(item: Found) -> bool:
    return item.attribution is not None or item.cue_from is not None


def _opens_paragraph(text: str, span: MarkedSpan) -> bool:
    return not text[max(span.line_start, span.open_mark - LOOK_BACK):span.open_mark].strip() \
        and span.open_mark - span.line_start <= LOOK_BACK


def _next_paragraph(text: str, first: MarkedSpan, second: MarkedSpan) -> bool:
    """Whether ``second``'s paragraph directly follows ``first``'s, and ``first``'s
    paragraph ends with its quote or its attribution (nothing but a short tail)."""
    between = text[end_of(first):second.open_mark]
    lines = [line for line in between.split("\n") if line.strip()]
    tail = lines[0] if lines else ""
    return len(lines) <= 1 and len(tail) <= _SHORT_TAIL and "\n" in between
