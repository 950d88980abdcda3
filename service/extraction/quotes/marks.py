"""Pair quotation marks into quoted spans, one line (paragraph) at a time."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# A quote never crosses a line, so one stray mark cannot swallow the article;
# a quote running on into the next paragraph ends at its own line's end.
_DOUBLE_OPEN = "“„"
_DOUBLE_CLOSE = "”"
_STRAIGHT = '"'
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
_OPENERS_BEFORE = " \t([{—–-/"
_DOUBLE_MARK = re.compile("[“„”\"]")
_SINGLE_MARK = re.compile("[‘’]")


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """The content between an opening mark and its closing mark (or its line end)."""

    start: int  # first character of the content
    end: int  # one past the last character of the content
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the quote runs on
    line: int  # index of the line (paragraph) it sits in
    line_start: int  # offset of that line's first character
    line_end: int  # offset of that line's end (its newline, or the end of the text)


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Return every paired quotation in ``text``, outermost only, in text order.

    Single marks inside a double-quoted span are part of that span (a quote
    inside a quote); single marks outside any double quote are paired on their own.
    """
    spans: list[MarkedSpan] = []
    lines = text.split("\n")
    offset = 0
    for index, line in enumerate(lines):
        runs_on = index + 1 < len(lines) and _opens_with_mark(lines, index + 1)
        doubles = _pair(line, offset, index, _double_roles(line), runs_on)
        spans.extend(doubles)
        spans.extend(_singles_outside(line, offset, index, doubles))
        offset += len(line) + 1
    return sorted(spans, key=lambda s: s.start)


def _opens_with_mark(lines: list[str], index: int) -> bool:
    """Whether the next non-blank line starts with an opening double mark."""
    for line in lines[index:index + 3]:
        stripped = line.strip()
        if stripped:
            return stripped[0] in _DOUBLE_OPEN + _STRAIGHT
    return False


def _double_roles(line: str) -> list[tuple[int, str]]:
    """Each double mark's offset in the line and its role: open, close or either."""
    roles = []
    for match in _DOUBLE_MARK.finditer(line):
        i, char = match.start(), match.group()
        if char in _DOUBLE_OPEN:
            roles.append((i, "close" if _looks_closing(line, i) else "open"))
        elif char in _DOUBLE_CLOSE:
            roles.append((i, "open" if _looks_opening(line, i) else "close"))
        elif char == _STRAIGHT:
            roles.append((i, _straight_role(line, i)))
    return roles


def _looks_opening(line: str, i: int) -> bool:
    """A closing glyph used to open: at the line start, or between a space and a word."""
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
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


def _singles_outside(line: str, offset: int, index: int,
                     doubles: list[MarkedSpan]) -> list[MarkedSpan]:
    """Pair curly single marks that no double-quoted span contains."""
    starts = [s.open_mark - offset for s in doubles]
    ends = [(offset + len(line) if s.close_mark is None else s.close_mark) - offset
            for s in doubles]
    roles = []
    for match in _SINGLE_MARK.finditer(line):
        i, char = match.start(), match.group()
        k = bisect_right(starts, i) - 1
        if k >= 0 and i <= ends[k]:
            continue
        if char == _SINGLE_OPEN and not (i > 0 and line[i - 1].isalnum()):
            roles.append((i, "open"))
        elif char == _SINGLE_CLOSE and _closes_single(line, i):
            roles.append((i, "close"))
    return _pair(line, offset, index, roles, runs_on=False)


def _closes_single(line: str, i: int) -> bool:
    """A closing single mark, not an apostrophe (``Ukraine’s``, ``don’t``)."""
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return not before.isspace() and not after.isalnum()
