"""Roles next to a name: premodifiers ("Turkish President X"), appositions ("X, chair of Y")."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .gazetteer import lookup
from .words import country_short_forms, demonyms, titles

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_ARTICLES = frozenset({"the", "a", "an"})
_MAX_TITLE_TOKENS = 7
_MAX_AFFILIATION_TOKENS = 4


@dataclass(frozen=True, slots=True)
class Role:
    """A title as written and the country or body it belongs to (as written, or None)."""

    title: str
    affiliation: str | None
    start_char: int
    end_char: int


def role_before(doc: Doc, start: int) -> Role | None:
    """The title right before the token at ``start``: "NATO Secretary-General |Jens".

    Also "NATO's secretary-general, |Jens Stoltenberg" (a possessive title then a comma).
    """
    end = start
    comma = end > 0 and doc[end - 1].text == ","
    if comma:
        end -= 1
    first = _title_ending_at(doc, end)
    if first is None:
        return None
    affiliation, _ = _affiliation_before(doc, first)
    if comma and not (first > 0 and doc[first - 1].text in _POSSESSIVE):
        return None
    title = doc[first:end]
    return Role(title.text, affiliation, title.start_char, title.end_char)


def role_after(doc: Doc, end: int) -> Role | None:
    """The apposition after a name ending before token ``end``: "|, the Ukrainian top diplomat,"."""
    i = _skip_parenthesis(doc, end)
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    if i < len(doc) and doc[i].lower_ in _ARTICLES:
        i += 1
    affiliation, i = _affiliation_at(doc, i)
    last = _title_starting_at(doc, i)
    if last is None:
        return None
    title_end, affiliation = _title_complement(doc, last, affiliation)
    title = doc[i:title_end]
    return Role(title.text, affiliation, title.start_char, title.end_char)


def country_of(text: str | None) -> str | None:
    """Canonical affiliation: a demonym or short form becomes its country; otherwise as written."""
    if not text:
        return None
    text = text.strip()
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    text = text.removeprefix("the ").removeprefix("The ")
    known = demonyms().get(text) or country_short_forms().get(text)
    if known:
        return known
    countries = [p for p in lookup(text) if p.kind == "country"]
    return countries[0].name if countries else text


@functools.lru_cache(maxsize=65536)  # pure, asked for every few words before each name
def is_title(text: str, *, plural: bool = False) -> bool:
    """A role from the list; with ``plural``, also its plural ("forwards Dean Sturridge and")."""
    key = " ".join(text.casefold().split())
    return key in titles() or (plural and key.endswith("s") and key[:-1] in titles())


def _title_ending_at(doc: Doc, end: int) -> int | None:
    if end <= 0 or not _may_end_title(doc[end - 1]):
        return None
    best = None
    words = ""  # tokens first..end-1 as written, grown leftwards: no Doc.text slice per step
    for first in range(end - 1, max(-1, end - 1 - _MAX_TITLE_TOKENS), -1):
        token = doc[first]
        if "\n" in token.text or (token.is_punct and token.text != "-"):
            break
        words = token.text if first == end - 1 else token.text_with_ws + words
        if is_title(words, plural=True):
            best = first
    return best


def _may_end_title(token: Token) -> bool:
    """Whether some title (or its plural) can end with ``token``: its case-folded text ends
    the title's last word. One look that spares most words seven is_title tries."""
    return token.is_space or token.text.casefold() in _title_tails()


@functools.cache
def _title_tails() -> frozenset[str]:
    """Every ending of the last word of a title or of its plural ("l", "al", ... "generals")."""
    tails: set[str] = set()
    for title in titles():
        words = title.split()
        for last in (words[-1], words[-1] + "s") if words else ():
            tails.update(last[k:] for k in range(len(last)))
    return frozenset(tails)


def _title_starting_at(doc: Doc, start: int) -> int | None:
    best = None
    words = ""  # tokens start..last as written, grown rightwards: no Doc.text slice per step
    for last in range(start, min(len(doc), start + _MAX_TITLE_TOKENS)):
        token = doc[last]
        if "\n" in token.text:
            break
        words = token.text if last == start else words + doc[last - 1].whitespace_ + token.text
        if is_title(words):
            best = last + 1
    return best


def _affiliation_before(doc: Doc, first: int) -> tuple[str | None, int]:
    """The proper noun, possessive or demonym just before a title, and where it starts."""
    i = first
    if i > 0 and doc[i - 1].text in _POSSESSIVE:
        i -= 1
    start = i
    while start > 0 and i - start < _MAX_AFFILIATION_TOKENS and _is_proper(doc[start - 1]):
        start -= 1
    if start == i:
        return None, first
    return doc[start:i].text, start


def _affiliation_at(doc: Doc, i: int) -> tuple[str | None, int]:
    """A proper-noun run or possessive opening an apposition: "|Putin's foreign affairs adviser"."""
    end = i
    while end < len(doc) and end - i < _MAX_AFFILIATION_TOKENS and _is_proper(doc[end]):
        end += 1
    if end == i:
        return None, i
    if end < len(doc) and doc[end].text in _POSSESSIVE:
        return doc[i:end].text, end + 1
    if _title_starting_at(doc, end) is not None:
        return doc[i:end].text, end
    return None, i


def _title_complement(doc: Doc, end: int, affiliation: str | None) -> tuple[int, str | None]:
    """Extend "expert |on Russia| at CNA"; the body after of/at/for is the affiliation.

    "head of the Cybersecurity Department of the Security Service of Ukraine": the
    title keeps the inner body, the affiliation is the outer one.
    """
    if _word(doc, end) == "on" and end + 1 < len(doc) and _is_proper(doc[end + 1]):
        end += 1
        while end < len(doc) and _is_proper(doc[end]):
            end += 1
    if _word(doc, end) not in {"of", "at", "for"}:
        return end, affiliation
    run = _proper_run(doc, end + 1)
    if run is None:
        return end, affiliation
    first, last = run
    for i in range(first + 1, last - 2):
        if doc[i].lower_ == "of" and doc[i + 1].lower_ == "the" and _word(doc, end) == "of":
            return i, doc[i + 2:last].text
    return end, doc[first:last].text


def _skip_parenthesis(doc: Doc, i: int) -> int:
    """Step over "(D-N.J.)" or "(AP)" right after a name."""
    if i < len(doc) and doc[i].text == "(":
        for j in range(i + 1, min(len(doc), i + 12)):
            if doc[j].text == ")":
                return j + 1
    return i


def _word(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _proper_run(doc: Doc, i: int) -> tuple[int, int] | None:
    """Capitalised words, with inner "of (the)"/"for"/"and": "the Security Service of Ukraine"."""
    if _word(doc, i) == "the":
        i += 1
    end = i
    while end < len(doc):
        if _is_proper(doc[end]):
            end += 1
        elif end > i and doc[end].lower_ in {"of", "for", "and"}:
            nxt = end + 2 if _word(doc, end + 1) == "the" else end + 1
            if nxt < len(doc) and _is_proper(doc[nxt]):
                end = nxt
            else:
                break
        else:
            break
    return (i, end) if end > i else None


def _is_proper(token: Token) -> bool:
    text = token.text
    if text in demonyms() or text in country_short_forms():
        return True
    return bool(text[:1].isupper()) and token.pos_ in {"PROPN", "ADJ", "NOUN"} and not (
        token.is_sent_start and token.lower_ in _ARTICLES) and token.lower_ not in _ARTICLES
