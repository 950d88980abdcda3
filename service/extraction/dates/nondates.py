"""Candidates that look like dates and are not: titles, names, counts, figurative nouns.

"This Week" (a programme), "Fox News Sunday" (a show), "Local 1520" (a union branch),
"1990 supporters" (a count), "a brighter tomorrow" (the future as a noun).
"""

from __future__ import annotations

import functools
import re
from datetime import date

from spacy.tokens import Doc, Token

from .rules import calendar, holidays

_RELATIVE_WORDS = frozenset({"week", "weekend", "month", "year", "today", "tonight", "tomorrow",
                             "yesterday", "now"})
# "a brighter tomorrow", "the world of tomorrow", "today's youth" is fine: a noun phrase
# opened by a determiner (and at most one adjective) before "today" or "tomorrow".
_NOUN_USE = re.compile(r"\b(?:a|an|the|our|your|their|its|his|her|my)\s+(?:[a-z]+\s+)?$",
                       re.IGNORECASE)
_OF_TOMORROW = re.compile(r"\bof\s+$", re.IGNORECASE)  # "the cars of tomorrow"
_OPENING_MARKS = "\"“‘'«"
# Years back and ahead of publication an event named with its year lies within.
_NAME_YEAR_REACH = (40, 20)


def is_not_date(doc: Doc, text: str, start: int, end: int, published: date | None) -> bool:
    """True when ``text[start:end]``, a date candidate, is no temporal expression here."""
    piece = text[start:end]
    if piece.isdigit():
        return _counts_things(doc, start, end) or _in_name(doc, start, end, published)
    if piece.lower() in ("today", "tomorrow") and _figurative(text, start, piece.lower()):
        return True
    return _is_title(text, start, end) or _show_title(doc, text, start, end)


def _figurative(text: str, start: int, word: str) -> bool:
    """ "a brighter tomorrow", "the cars of tomorrow": the word as a noun for the future."""
    before = max(0, start - 30)
    return bool(_NOUN_USE.search(text, before, start)
                or word == "tomorrow" and _OF_TOMORROW.search(text, before, start))


def _is_title(text: str, start: int, end: int) -> bool:
    """ABC's "This Week", "VOA Today": a relative word capitalised mid-sentence is a name."""
    words = text[start:end].split()
    if any(w[0].isupper() and w.lower() in _RELATIVE_WORDS for w in words[1:]):
        return True
    before = text[:start].rstrip(" \t\"'“‘(")
    mid_sentence = bool(before) and before[-1] not in ".!?:\n—-"
    return len(words) == 1 and words[0][0].isupper() and words[0].lower() in _RELATIVE_WORDS \
        and mid_sentence


def _show_title(doc: Doc, text: str, start: int, end: int) -> bool:
    """ "told Fox News Sunday that", “Fox News Sunday,”: a weekday that ends a programme's
    name, right after an organization's name and followed by no verb, or closing a title
    of capitalised words opened by a quotation mark."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span[0].lower_ not in calendar().weekdays or span[0].i == 0:
        return False
    before = doc[span[0].i - 1]
    if not before.text[:1].isupper() or not before.whitespace_ or before.is_sent_start:
        return False
    after = doc[span[-1].i + 1] if span[-1].i + 1 < len(doc) else None
    if before.ent_type_ == "ORG" and (after is None or after.pos_ not in ("VERB", "AUX")):
        return True
    return _quoted_title(doc, before) and after is not None and after.text[:1] in ",.”\"’'"


def _quoted_title(doc: Doc, last: Token) -> bool:
    """Capitalised words back to an opening quotation mark: “Fox News Sunday."""
    i = last.i
    while i > 0 and doc[i].text[:1].isupper() and last.i - i < 5:
        i -= 1
    return doc[i].text in _OPENING_MARKS and i < last.i


def _counts_things(doc: Doc, start: int, end: int) -> bool:
    """"has 1990 supporters" counts; "the 1990 elections" and "Ukraine's 2014 uprising" date."""
    span = doc.char_span(start, end)
    if span is None or len(span) != 1:
        return False
    token = span[0]
    before = doc[token.i - 1] if token.i > 0 else None
    dated = before is not None and (before.pos_ in ("DET", "PRON") or before.tag_ == "POS")
    return token.dep_ == "nummod" and token.head.tag_ == "NNS" and not dated


def _in_name(doc: Doc, start: int, end: int, published: date | None) -> bool:
    """ "Local 1520", "the Russell 2000 Index": a number right after a proper noun that is
    no calendar word ("June 2016", "Christmas 2015") is part of the name when a capitalised
    word goes on with the name, or when it is no year near publication (an event's
    year is: "Conference 2010", "Euro 2016")."""
    span = doc.char_span(start, end)
    if span is None or len(span) != 1 or span[0].i == 0:
        return False
    token, before = span[0], doc[span[0].i - 1]
    if not (before.pos_ == "PROPN" and before.text[:1].isupper() and before.whitespace_
            and not before.is_sent_start and before.lower_.rstrip(".") not in _calendar_words()):
        return False
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and token.whitespace_ and after.pos_ == "PROPN" and after.is_title:
        return True
    near = published.year if published else 2000
    return not near - _NAME_YEAR_REACH[0] <= int(token.text) <= near + _NAME_YEAR_REACH[1]


@functools.cache
def _calendar_words() -> frozenset[str]:
    cal = calendar()
    words = set(cal.months) | set(cal.weekdays) | set(cal.seasons)
    return frozenset(words | {w for name in holidays() for w in name.split()})
