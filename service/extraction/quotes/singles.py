"""Single quotation marks told apart from apostrophes: ``‘…’``, ``‹…›``, ``‚…‘``, ``'…'``.

An apostrophe stands inside a word (``don’t``, ``Clinton’s``), before a decade
(``’90s``), before a clitic (corpus tokens ``Boeing 's``), or around an elision
(``rock ’n’ roll``, ``’em``). A closing mark after an "s" and before a lower-case
word (``the Allies’ plans``) may be a plural possessive: it closes a quote only when
no other closing mark follows before the next opening one.
"""

from __future__ import annotations

import re

_SINGLE_MARK = re.compile("[‘’‚‹›']")
_OPENERS_BEFORE = " \t([{—–-/\"“"
_CLOSERS_BEFORE = ".,!?;:)"
# What follows an apostrophe that is not an opening mark: clitics and elisions.
_CLITICS = frozenset({"s", "re", "ve", "ll", "d", "m", "t"})
_ELISIONS = frozenset({"n", "em", "til", "tis", "twas", "cause", "bout", "round", "cept"})


def single_roles(line: str, taken: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Offsets in ``line`` of the single marks that open or close a quote, with their
    role; marks inside the ``taken`` ranges (quotes of other marks) are left out."""
    german = "‚" in line
    found: list[tuple[int, str, bool]] = []
    for match in _SINGLE_MARK.finditer(line):
        i, char = match.start(), match.group()
        if any(start <= i < end for start, end in taken):
            continue
        role = _role(line, i, char, german)
        if role is not None:
            found.append((i, role, role == "close" and _possessive(line, i)))
    return _settle(found)


def _role(line: str, i: int, char: str, german: bool) -> str | None:
    if char in "‚‹":
        return "open"
    if char == "›":
        return "close"
    if char == "‘":
        if german:
            return "close" if _closes(line, i) else None
        return "open" if _opens(line, i) else None
    if char == "’":
        return "close" if _closes(line, i) else None
    if _opens(line, i):
        return "open"
    return "close" if _closes(line, i) else None


def _opens(line: str, i: int) -> bool:
    """An opening mark: after a space or a bracket, before a letter that starts no
    clitic, decade or elision."""
    before = line[i - 1] if i > 0 else " "
    if before not in _OPENERS_BEFORE or i + 1 >= len(line) or not line[i + 1].isalpha():
        return False
    word = re.match(r"[A-Za-z]+", line[i + 1:i + 8])
    return word is None or word.group().lower() not in _CLITICS | _ELISIONS


def _closes(line: str, i: int) -> bool:
    """A closing mark: after a word or a stop, before a space, a stop or the line end."""
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return (before.isalnum() or before in _CLOSERS_BEFORE) and not after.isalnum()


def _possessive(line: str, i: int) -> bool:
    """``the Allies’ plans``: after an "s", before a space and a lower-case word."""
    return i > 0 and line[i - 1] == "s" and line[i + 1:i + 2] == " " and \
        line[i + 2:i + 3].islower()


def _settle(found: list[tuple[int, str, bool]]) -> list[tuple[int, str]]:
    """Drop a possessive-looking close that another close follows before the next open."""
    roles = []
    for k, (i, role, possessive) in enumerate(found):
        if possessive:
            later = next((r for _, r, _ in found[k + 1:] if r == "open" or r == "close"), None)
            if later == "close":
                continue
        roles.append((i, role))
    return roles
