"""Headline lines: the model tags ordinary words in ALL-CAPS headlines and runs a
name into the verb after it in a Title Case one; such spans need the body's support."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span

from ..lexicon.aliases import name_key
from ..lexicon.gazetteer import is_place
from .base import Candidate


def headline_filter(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """In ALL-CAPS headlines the model tags ordinary words ("CALM", "CRISIS"), and in
    Title Case headlines it runs a name into the verb after it ("Obama Seeks").

    A headline span stays only when the body names the same thing ("PUTIN" when the
    article says "Putin"), or it is a known institution or place.
    """
    headlines = HeadlineLines(doc.text)
    title_end = _title_headline_end(doc.text)
    in_body = [not (headlines.contains(c.span) or c.span.end_char <= title_end)
               for c in cands]
    body = {name_key(c.span.text) for c, inside in zip(cands, in_body, strict=True) if inside}
    return [c for c, inside in zip(cands, in_body, strict=True)
            if inside or c.label.startswith("rule:")
            or name_key(c.span.text) in body or is_place(c.span.text)]


class HeadlineLines:
    """Which lines of a text are ALL-CAPS headlines, decided once per text: every
    candidate asks about its line, and rebuilding the line per span was the hot spot."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self._caps = [_is_caps_line(line) for line in text.split("\n")]

    def contains(self, span: Span) -> bool:
        """Whether the span's line is ALL-CAPS: two words or more, six letters or more."""
        text = self._text
        if "\n" in text[span.start_char:span.end_char]:  # the "line" runs over a break
            start = text.rfind("\n", 0, span.start_char) + 1
            end = text.find("\n", span.end_char)
            return _is_caps_line(text[start:end if end >= 0 else len(text)])
        return self._caps[bisect.bisect_right(self._starts, span.start_char) - 1]


def _is_caps_line(line: str) -> bool:
    letters = "".join(filter(str.isalpha, line))
    # letters.isupper() is a fast necessary condition; the exact test follows it.
    return (len(letters) >= 6 and letters.isupper() and all(c.isupper() for c in letters)
            and len(line.split()) >= 2)


def _title_headline_end(text: str) -> int:
    """Where the text's first line ends if that line is a Title Case headline, else -1."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return end if _is_title_line(text[start:end]) else -1


def _is_title_line(line: str) -> bool:
    """A Title Case headline: three words of four letters or more, every such word
    capitalised ("Senator Seeks More Funds For Schools"), no clause breaks or
    digits (a credit line "Reporting by Ann Lee; Editing by Tom Ray" or a results
    table's row is not one)."""
    words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    return (len(words) >= 3 and not any(mark in line for mark in (";", ":", "(", "—"))
            and not any(c.isdigit() for c in line)
            and all(w[0].isupper() for w in words) and not _is_caps_line(line))
