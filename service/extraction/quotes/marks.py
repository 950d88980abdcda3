"""Pair quotation marks into quoted spans, one line (paragraph) at a time.

Mark styles: straight ``"`` and curly ``“ ”`` (``„…“`` too), guillemets ``«…»`` (and the
reversed ``»…«``), the doubled ASCII marks ``` ``…'' ``` of wire feeds and corpora, and
single marks ``‘…’``, ``‹…›``, ``‚…‘`` and straight ``'…'`` (see ``singles.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .singles import single_roles

# A quote never crosses a line, so one stray mark cannot swallow the article;
# a quote running on into the next paragraph ends at its own line's end.
# The doubled ASCII marks are the exception: corpora that use them break lines
# at every sentence, and a ``…'' quote of several sentences spans several lines.
_DOUBLE_OPEN = "“„"
_DOUBLE_CLOSE = "”"
_STRAIGHT = '"'
_OPENERS_BEFORE = " \t([{—–-/"
_DOUBLE_MARK = re.compile("[“„”\"«»]")
_LATEX_MARK = re.compile("``|''")
_LATEX_LINES = 12  # lines a ``…'' quote may span


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """The content between an opening mark and its closing mark (or its line end)."""

    start: int  # first character of the content
    end: int  # one past the last character of the content
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the quote runs on
    line: int  # index of the line (paragraph) where it opens
    line_start: int  # offset of that line's first character
    line_end: int  # offset of the end of the line where it closes
    mark_width: int = 1  # characters of each mark (2 for ``…'')


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Return every paired quotation in ``text``, outermost only, in text order.

    Marks of another style inside a quote (single marks in double ones, curly in
    straight ones, double in British single ones) are part of that quote.
    """
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    latex = _latex_spans(text, starts)
    spans = list(latex)
    for index, (line, offset) in enumerate(zip(lines, starts, strict=True)):
        runs_on = index + 1 < len(lines) and _opens_with_mark(lines, index + 1)
        doubles = _doubles(line, offset, index, runs_on)
        taken = [(s.open_mark - offset, _end(s) - offset) for s in [*latex, *doubles]
                 if s.open_mark < offset + len(line) and _end(s) > offset]
        singles = _pair(line, offset, index, single_roles(line, taken), runs_on=False)
        spans.extend(doubles)
        spans.extend(s for s in singles if not _crosses(s, taken, offset))
    return _outermost(spans)


def _crosses(span: MarkedSpan, taken: list[tuple[int, int]], offset: int) -> bool:
    """Whether a single-mark span half-overlaps a double-mark one: an apostrophe was
    taken for a mark (a real quote in single marks holds double ones whole)."""
    start, end = span.open_mark - offset, _end(span) - offset
    return any(start < b < end < e or b < start < e < end for b, e in taken)


def _outermost(spans: list[MarkedSpan]) -> list[MarkedSpan]:
    """Drop every span whose opening mark lies inside an earlier, enclosing span."""
    kept: list[MarkedSpan] = []
    for span in sorted(spans, key=lambda s: (s.open_mark, -_end(s))):
        if kept and span.open_mark < _end(kept[-1]):
            continue
        kept.append(span)
    return kept


def _end(span: MarkedSpan) -> int:
    return span.end if span.close_mark is None else span.close_mark + span.mark_width


def _opens_with_mark(lines: list[str], index: int) -> bool:
    """Whether the next non-blank line starts with an opening double mark."""
    for line in lines[index:index + 3]:
        stripped = line.strip()
        if stripped:
            return stripped[0] in _DOUBLE_OPEN + _STRAIGHT + "«"
    return False


def _doubles(line: str, offset: int, index: int, runs_on: bool) -> list[MarkedSpan]:
    """Double-mark spans of one line. Straight and curly marks pair within their own
    style when each style pairs cleanly on its own (``"A: an episode of “Shark Tank.”
    B`` nests one in the other); a line that mixes them sloppily pairs them together."""
    roles = _double_roles(line)
    guillemets = [(i, role) for i, role, char in roles if char in "«»"]
    straight = [(i, role) for i, role, char in roles if char == _STRAIGHT]
    curly = [(i, role) for i, role, char in roles if char not in "«»" + _STRAIGHT]
    spans = _pair(line, offset, index, guillemets, runs_on=False)
    if straight and curly:
        apart = [_pair(line, offset, index, part, runs_on) for part in (straight, curly)]
        if all(_clean(found, part) for found, part in zip(apart, (straight, curly),
                                                           strict=True)):
            return spans + apart[0] + apart[1]
    together = sorted(straight + curly)
    return spans + _pair(line, offset, index, together, runs_on)


def _clean(spans: list[MarkedSpan], roles: list[tuple[int, str]]) -> bool:
    """Whether pairing used every mark: each closed span two, a run-on one."""
    return sum(1 if s.close_mark is None else 2 for s in spans) == len(roles)


def _double_roles(line: str) -> list[tuple[int, str, str]]:
    """Each double mark's offset in the line, its role (open, close or either) and glyph."""
    roles = []
    for match in _DOUBLE_MARK.finditer(line):
        i, char = match.start(), match.group()
        if char in _DOUBLE_OPEN or char == "«":
            roles.append((i, "close" if _looks_closing(line, i) else "open", char))
        elif char in _DOUBLE_CLOSE or char == "»":
            roles.append((i, "open" if _looks_opening(line, i) else "close", char))
        elif char == _STRAIGHT:
            roles.append((i, _straight_role(line, i), char))
    return roles


def _looks_opening(line: str, i: int, width: int = 1) -> bool:
    """A closing glyph used to open: at the line start, or between a space and a word."""
    before = line[i - 1] if i > 0 else " "
    after = line[i + width] if i + width < len(line) else " "
    return not line[:i].strip() or (before in _OPENERS_BEFORE and after.isalnum())


def _looks_closing(line: str, i: int) -> bool:
    """An opening glyph used to close: after a word or a full stop, before a space."""
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return (before.isalnum() or before in ".,!?") and (after.isspace() or after in ".,;:)")


def _straight_role(line: str, i: int) -> str:
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    opening = before in _OPENERS_BEFORE and not after.isspace()
    closing = not before.isspace() and not after.isalnum()
    if opening == closing:
        return "either"
    return "open" if opening else "close"


def _pair(line: str, offset: int, index: int, roles: list[tuple[int, str]],
          runs_on: bool) -> list[MarkedSpan]:
    spans = []
    open_at: int | None = None
    for i, role in roles:
        if open_at is None:
            if role != "close":
                open_at = i
        elif role == "open":
            open_at = i  # the earlier opener was stray: resynchronise on this one
        else:
            if i > open_at + 1:
                spans.append(MarkedSpan(offset + open_at + 1, offset + i, offset + open_at,
                                        offset + i, index, offset, offset + len(line)))
            open_at = None
    if open_at is not None and runs_on:
        content = line[open_at + 1:].rstrip()
        if content.strip():
            start = offset + open_at + 1
            spans.append(MarkedSpan(start, start + len(content), offset + open_at, None,
                                    index, offset, offset + len(line)))
    return spans


def _latex_spans(text: str, starts: list[int]) -> list[MarkedSpan]:
    """``` ``…'' ``` pairs, which may span lines: ``` `` ``` always opens; ``''`` closes,
    except at a line start or between a space and a word (``: ''I would …``)."""
    spans = []
    open_at: int | None = None
    for match in _LATEX_MARK.finditer(text):
        i = match.start()
        line = bisect_right(starts, i) - 1
        opening = match.group() == "``" or _looks_opening(
            text[starts[line]:i + 3], i - starts[line], width=2)
        if opening:
            open_at = i
            continue
        if open_at is None:
            continue
        first = bisect_right(starts, open_at) - 1
        if line - first <= _LATEX_LINES and text[open_at + 2:i].strip():
            end = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
            spans.append(MarkedSpan(open_at + 2, i, open_at, i, first, starts[first], end,
                                    mark_width=2))
        open_at = None
    return spans
