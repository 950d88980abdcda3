"""Blank the character runs that make spaCy's tokenizer slow, without moving an offset.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-delimited chunk one
character at a time, copying the rest of the chunk each time: its cost grows with
the square of the chunk's length. A run of 10,000 quotation marks (or brackets,
emoji, combining marks) took 7.7 s, 100,000 past 60 s, in one call that holds the
GIL. No prose has such runs: the longest non-space runs in the seeds and the public
evaluation sets are URLs, and runs of punctuation longer than a few characters are
separators ("=====") or spam.

``defuse`` returns a text of the same length in which

- the middle of every run of more than ``SYMBOL_RUN`` symbols (neither letter,
  digit nor space) is blanked, its first and last ``KEEP`` characters kept, so that
  quotation marks and brackets next to words still pair;
- every run of more than ``LONG_RUN`` non-space characters is blanked except for up
  to ``KEEP`` symbols at each end (the quotation marks or brackets around a URL).

Blanked characters become spaces, as the masked credits of ``preprocess`` do: offsets
into the submitted text stay exact, and the tokenizer's cost is linear in the length.
"""

from __future__ import annotations

import re

SYMBOL_RUN = 8
LONG_RUN = 64
KEEP = 3

_SYMBOLS = re.compile(rf"[^\w\s]{{{SYMBOL_RUN + 1},}}")
_LONG = re.compile(rf"\S{{{LONG_RUN + 1},}}")
_EDGE_SYMBOLS = re.compile(rf"\A[^\w\s]{{0,{KEEP}}}")


def defuse(text: str) -> str:
    """``text`` with its pathological runs blanked; the same string when it has none."""
    if not _SYMBOLS.search(text) and not _LONG.search(text):
        return text  # every ordinary article: no copy
    chars = list(text)
    for run in _SYMBOLS.finditer(text):
        _blank(chars, run.start() + KEEP, run.end() - KEEP)
    defused = "".join(chars)
    for run in _LONG.finditer(defused):
        chunk = run.group()
        head = _EDGE_SYMBOLS.match(chunk).end()
        tail = _EDGE_SYMBOLS.match(chunk[::-1]).end()
        _blank(chars, run.start() + head, run.end() - tail)
    return "".join(chars)


def _blank(chars: list[str], start: int, end: int) -> None:
    chars[start:end] = " " * (end - start)
