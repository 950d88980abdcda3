"""Speaker labels: a name and a colon heading a transcript turn or a headline.

Interview transcripts put each turn in quotation marks and start it with the
speaker's name in capitals and a colon (``"WALLACE: Let's start …``). The label
names the speaker (its cue is the colon); the quote's text stays as written, label
included. A headline does the same outside the marks: ``Sanders: Clinton needs to
'get away from …'``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .layout import Attribution
from .marks import MarkedSpan

# One to four capitalised words ("PENCE", "SEN. SANDERS", "O'REILLY"), then a colon.
_LABEL = re.compile(r"[ \t]*((?:[A-Z][A-Z.'’-]*[ \t]+){0,3}[A-Z][A-Z'’-]*[A-Z])[ \t]*:[ \t]")
# Capitalised labels that head a paragraph without naming anyone.
_NOT_SPEAKERS = frozenset({"Q", "A", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "UPDATE",
                           "CORRECTION", "BREAKING", "WARNING", "QUESTION", "ANSWER",
                           "CROSSTALK", "LAUGHTER", "APPLAUSE", "END", "VIDEO", "AUDIO",
                           "TRANSCRIPT", "WATCH", "READ MORE", "RELATED", "UNIDENTIFIED",
                           "UNIDENTIFIED MALE", "UNIDENTIFIED FEMALE"})


def turn_label(doc: Doc, text: str, span: MarkedSpan) -> Attribution | None:
    """The attribution of a quote that opens with a speaker label, else None."""
    match = _LABEL.match(text, span.start, span.end)
    if match is None or match.group(1) in _NOT_SPEAKERS:
        return None
    words = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    if words is None or not len(words):
        return None
    return Attribution("colon", None, _trim(words))


# A headline's label: one to three capitalised words, not all capitals (a dateline).
_HEADLINE_LABEL = re.compile(r"[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})[ \t]*:[ \t]")


def line_label(doc: Doc, text: str, span: MarkedSpan) -> Attribution | None:
    """``Sanders: Clinton needs to 'get away …'``: the label heading the quote's line,
    when the quote stands in the first sentence after it."""
    match = _HEADLINE_LABEL.match(text, span.line_start, span.open_mark)
    if match is None or match.group(1).isupper() or \
            any(c in ".!?" for c in text[match.end():span.open_mark]):
        return None
    words = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    if words is None or not len(words) or words[0].pos_ in {"VERB", "AUX", "DET"}:
        return None
    return Attribution("colon", None, words)


def _trim(words: Span) -> Span:
    """The label without a title before the name ("SEN. SANDERS" -> "SANDERS")."""
    names = [t for t in words if not t.text.endswith(".")]
    if not names:
        return words
    return words.doc[names[0].i:words.end]
