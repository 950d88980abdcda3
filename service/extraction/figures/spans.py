"""Find the number phrases of a Doc: digits, spelled numbers, vague amounts, money and % signs."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from . import resources as res
from .base import NumberSpan, Tokens
from .numerals import DENOMINATORS, DOZENS, SCALES, SUFFIXES, UNITS, parse_digits, parse_number

_ENTITY_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_VAGUE_PLURALS = frozenset({"hundreds", "thousands", "millions", "billions", "dozens"})
_VAGUE_NEED_OF = frozenset({"tens", "scores"})
_VAGUE_HEADS = frozenset({"several", "few", "many"})
_SCALE_WORDS = frozenset(SCALES) | {"hundred"} | DOZENS
# First words of the phrases _starts_number / _read_vague read (besides digits and UNITS).
_OPENERS = _SCALE_WORDS | {"a", "an", "half", "quarter", "minus", "negative"}
_VAGUE_OPENERS = _VAGUE_PLURALS | _VAGUE_NEED_OF | _VAGUE_HEADS | {"a", "an"}
_ANY_OPENER = _OPENERS | _VAGUE_OPENERS | frozenset(UNITS)
# Suffix tokens trusted after digits ("10 bln", "€10 M"); single lower-case letters are units.
_SPACED_SUFFIXES = frozenset(s for s in SUFFIXES if len(s) > 1 or s.isupper() or s == "k")
_GLUED = re.compile(r"^([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([A-Za-z°µ][A-Za-z/²³]*)\.?$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)s?\.?$", re.IGNORECASE)
_GROUP_HEAD = re.compile(r"^[-+]?\d{1,3}$")
_GROUP = re.compile(r"^\d{3}(?:\.\d+)?$")


def find_number_spans(doc: Doc, ents: tuple[Span, ...] | None = None) -> list[NumberSpan]:
    """Every number phrase, left to right, without overlaps (token rules, then NER).

    ``ents`` is ``doc.ents`` when the caller has read it already (each read builds new Spans).
    """
    tokens = [t for t in doc if not t.is_space]  # "fifty   two" has a space token inside
    spans: list[NumberSpan] = []
    i = 0
    while i < len(tokens):
        span = None
        if _may_open(tokens[i]):  # most tokens open no phrase: skip the two readers
            span = _read_vague(tokens, i) or _read_number(tokens, i)
        if span is None:
            i += 1
            continue
        spans.append(replace(span, start=tokens[span.start].i, end=tokens[span.end - 1].i + 1))
        i = span.end
    taken = {t for s in spans for t in range(s.start, s.end)}
    spans += [s for ent in (doc.ents if ents is None else ents) if ent.label_ in _ENTITY_LABELS
              if (s := _from_entity(ent, taken))]
    return sorted(spans, key=lambda s: s.start)


def _may_open(token: Token) -> bool:
    """Whether a number phrase may start at ``token`` (what _read_vague and _starts_number
    require of their first word)."""
    return token.lower_ in _ANY_OPENER or _digit_like(token)


def _read_number(doc: Tokens, i: int) -> NumberSpan | None:
    if not _starts_number(doc, i):
        return None
    currency, start = _currency_before(doc, i)
    end = _extend(doc, i)
    last = doc[end - 1]
    glued = _glued(last.text)
    glued_unit = glued.group(2) if glued and _is_glued_unit(glued.group(2), currency) else None
    number_end = last.idx + len(last)
    if glued:  # "200lbs" ends before its unit, "10M." before the sentence's full stop
        number_end = last.idx + len(glued.group(1)) + (0 if glued_unit else len(glued.group(2)))
    value = parse_number(doc[0].doc.text[doc[i].idx:number_end])
    if value is None:
        return None
    percent = end < len(doc) and doc[end].text == "%"
    end_char = doc[end].idx + 1 if percent else number_end
    return NumberSpan(start, end + int(percent), doc[start].idx, end_char, value,
                      currency=currency, glued_unit=glued_unit, percent_sign=percent)


def _is_glued_unit(suffix: str, currency: res.Currency | None) -> bool:
    """ "200lbs" carries a unit; "10k" a scale; "5m" is metres unless money ("£5m", "$2b")."""
    return suffix not in SUFFIXES or (suffix in ("m", "b", "t") and currency is None)


def _currency_before(doc: Tokens, i: int) -> tuple[res.Currency | None, int]:
    """A currency symbol or code right before token ``i`` ("$", "US$", "hk $", "EUR")."""
    table = res.currencies()
    before = doc[i - 1] if i else None
    # Lower-case entries are words written after the number ("dollars", "cents").
    if before is None or before.text not in table or before.text.islower():
        return None, i
    if before.text == "$" and i >= 2:
        prefix = doc[i - 2]
        combined = prefix.text.upper() + "$"
        glued = not prefix.whitespace_
        if combined in table and (glued or prefix.text.isupper()) and prefix.lower_ != "a":
            return table[combined], i - 2
    return table[before.text], i - 1


def _starts_number(doc: Tokens, i: int) -> bool:
    token = doc[i]
    lower = token.lower_
    if _digit_like(token) or lower in UNITS:
        return True
    if lower not in _OPENERS:  # most tokens: no rule below can hold
        return False
    following = _word_at(doc, i + 1)
    if lower in ("a", "an"):
        return following in _SCALE_WORDS or following in ("half", "quarter") or (
            following in DENOMINATORS and not _modifies_noun(doc, i + 2))
    if lower in ("half", "quarter"):
        return following in SCALES or (following == "a" and _word_at(doc, i + 2) in _SCALE_WORDS)
    if lower in ("minus", "negative"):
        return i + 1 < len(doc) and (_digit_like(doc[i + 1]) or following in UNITS)
    if following == "-":
        return False  # "billion-dollar deals": an adjective of size, not an amount
    return lower in _SCALE_WORDS and lower != "dozens" and _is_bare_scale(doc, i)


def _modifies_noun(doc: Tokens, i: int) -> bool:
    """ "a third country" is an ordinal; "a third of the votes" a fraction."""
    return i < len(doc) and doc[i].pos_ in ("NOUN", "PROPN", "ADJ")


def _is_bare_scale(doc: Tokens, i: int) -> bool:
    """ "hundred thousand dollars": a scale word that opens the phrase itself."""
    before = doc[i - 1].lower_ if i else ""
    return before not in _VAGUE_HEADS and before not in ("of", "the", "a", "an")


def _digit_like(token: Token) -> bool:
    return _digit_like_text(token.text)


@functools.lru_cache(maxsize=65536)  # pure; asked for every token, mostly the same words
def _digit_like_text(text: str) -> bool:
    if _ORDINAL.match(text):
        return False  # "2nd", "3rd", "21st" are ordinals, never figures
    return parse_digits(text) is not None or _glued(text) is not None


def _glued(text: str) -> re.Match | None:
    """Digits with a unit or scale written on: "200lbs", "10k"; not "1990s", "5G", "3D"."""
    glued = _GLUED.match(text)
    if glued is None:
        return None
    suffix = glued.group(2)
    known = suffix in SUFFIXES or suffix in res.units() or suffix in res.currencies()
    # A written-on word of two or more lower-case letters is a unit ("10kmph", "0.8rad");
    # one letter is not ("1990s").
    if known or (len(suffix) > 1 and (suffix.islower() or suffix.lower() in res.units())):
        return glued
    return None


def _word_at(doc: Tokens, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _extend(doc: Tokens, i: int) -> int | None:
    """Token index after the number phrase that starts at ``i``."""
    j = i + 1
    while j < len(doc):
        step = _continues(doc, j)
        if not step:
            break
        j += step
    last = doc[j - 1].lower_
    if last in ("a", "an", "and", "minus", "negative") and j - 1 > i:
        j -= 1
    return j


def _continues(doc: Tokens, j: int) -> int:
    """How many tokens from ``j`` on continue the number before ``j`` (0 = it ends)."""
    prev, token = doc[j - 1], doc[j]
    if _glued(prev.text) and parse_digits(prev.text) is None:
        return 0  # "200lbs" ends its phrase
    lower, before = token.lower_, prev.lower_
    if _digit_like(prev) or prev.lower_ in ("minus", "negative"):
        return _after_digits(doc, j)
    if before in ("a", "an"):
        return 1 if lower in _SCALE_WORDS or lower in DENOMINATORS else 0
    if before in ("half", "quarter"):
        return 1 if lower == "a" or lower in SCALES else 0
    if lower == "-" and _joins_words(before, _word_at(doc, j + 1)):
        return 2  # "twenty-five", "fifty - two"
    return _after_word(doc, j, before, lower)


def _after_digits(doc: Tokens, j: int) -> int:
    prev, token = doc[j - 1], doc[j]
    if prev.lower_ in ("minus", "negative"):
        return 1 if _digit_like(token) or token.lower_ in UNITS else 0
    gap = doc[0].doc.text[prev.idx + len(prev):token.idx]
    if len(gap) == 1 and gap.isspace() and _thousands(doc, j):
        return 1
    if gap.isspace() and re.fullmatch(r"\d+/\d+|[½⅓⅔¼¾⅛]", token.text):
        return 1  # "2 1/2"
    if token.lower_ in _SCALE_WORDS or token.text in _SPACED_SUFFIXES:
        return 1
    if not prev.whitespace_ and token.text in SUFFIXES and _money_before(doc, j - 1):
        return 1  # "£5m", "$2bn"
    if token.lower_ == "and" and j + 1 < len(doc):
        return _and_fraction(doc, j)
    return 0


def _money_before(doc: Tokens, i: int) -> bool:
    return _currency_before(doc, i)[0] is not None


def _thousands(doc: Tokens, j: int) -> bool:
    """ "1 234 567": groups of three digits after a group of one to three."""
    if not _GROUP.match(doc[j].text):
        return False
    k = j - 1
    while k >= 0 and _GROUP.match(doc[k].text) and "." not in doc[k].text:
        k -= 1
    return k >= 0 and bool(_GROUP_HEAD.match(doc[k].text))


def _and_fraction(doc: Tokens, j: int) -> int:
    """ "one and a half", "3 million and a quarter", "five and three quarters"."""
    nxt = _word_at(doc, j + 1)
    after = _word_at(doc, j + 2)
    if (nxt in ("a", "an") or nxt in UNITS) and after in DENOMINATORS:
        return 3
    return 0


def _joins_words(before: str, after: str) -> bool:
    """ "twenty-five", "one-eighth": the two sides of a hyphen make one number."""
    tens = before in UNITS and UNITS[before] >= 20 and UNITS[before] % 10 == 0
    if tens and after in UNITS and 0 < UNITS[after] < 10:
        return True
    return before in UNITS and after in DENOMINATORS


def _after_word(doc: Tokens, j: int, before: str, lower: str) -> int:
    if lower == "point":
        return 1 if (before in UNITS or before in _SCALE_WORDS) and _word_at(doc, j + 1) in UNITS \
            else 0
    if before in UNITS:
        return _after_small(doc, j, UNITS[before], lower)
    if before in _SCALE_WORDS:
        if lower in UNITS or lower in SCALES or _digit_like(doc[j]):
            return 1
        if lower == "and" and _smaller_follows(doc, j, before):
            return 2
        return _and_fraction(doc, j) if lower == "and" else 0
    if before == "point":
        return 1 if lower in UNITS else 0
    if before in DENOMINATORS and lower in SCALES:
        return 1  # "five and a half million"
    return 0


def _after_small(doc: Tokens, j: int, value: int, lower: str) -> int:
    """After "zero" .. "ninety"."""
    if lower in UNITS and value >= 20 and value % 10 == 0 and 0 < UNITS[lower] < 10:
        return 1  # "fifty two"
    if lower in UNITS and _after_point(doc, j):
        return 1  # "nine point nought four"
    if lower in _SCALE_WORDS or lower in DENOMINATORS:
        return 1
    return _and_fraction(doc, j) if lower == "and" else 0


def _after_point(doc: Tokens, j: int) -> bool:
    k = j - 1
    while k >= 0 and doc[k].lower_ in UNITS:
        k -= 1
    return k >= 0 and doc[k].lower_ == "point"


def _smaller_follows(doc: Tokens, j: int, scale: str) -> bool:
    """ "two thousand and two hundred" goes on; "3 hundred and 2 hundred" are two numbers."""
    if not (_word_at(doc, j + 1) in UNITS or _digit_like_at(doc, j + 1)):
        return False
    after = _word_at(doc, j + 2)
    return not (after in _SCALE_WORDS and _magnitude(after) == _magnitude(scale))


def _magnitude(word: str) -> int:
    return SCALES.get(word, 100 if word == "hundred" else 12)


def _digit_like_at(doc: Tokens, i: int) -> bool:
    return 0 <= i < len(doc) and _digit_like(doc[i])


def _read_vague(doc: Tokens, i: int) -> NumberSpan | None:
    """ "hundreds of soldiers", "tens of thousands", "several dozen", "a few hundred"."""
    lower = doc[i].lower_
    if lower not in _VAGUE_OPENERS:  # most tokens: no rule below can hold
        return None
    nxt = _word_at(doc, i + 1)
    end = None
    if lower in _VAGUE_PLURALS or (lower in _VAGUE_NEED_OF and nxt == "of"):
        end = i + 1
        if nxt == "of" and _word_at(doc, i + 2) in _VAGUE_PLURALS:
            end = i + 3
    elif lower in _VAGUE_HEADS and nxt in _SCALE_WORDS - {"dozens"}:
        end = i + 2
    elif lower in ("a", "an") and nxt == "few" and _word_at(doc, i + 2) in _SCALE_WORDS:
        end = i + 3
    if end is None or _previous_is_number(doc, i):
        return None
    return NumberSpan(i, end, doc[i].idx, doc[end - 1].idx + len(doc[end - 1]), None, vague=True)


def _previous_is_number(doc: Tokens, i: int) -> bool:
    """ "3 dozens" is exact: the number before a plural scale makes it so."""
    return i > 0 and (_digit_like(doc[i - 1]) or doc[i - 1].lower_ in UNITS)


def _from_entity(ent: Span, taken: set[int]) -> NumberSpan | None:
    """A numeric NER entity the token rules missed ("more than half"), minus its qualifier."""
    if any(t.i in taken for t in ent):
        return None
    numeric = [t for t in ent if _digit_like(t) or t.lower_ in UNITS or t.lower_ in DENOMINATORS]
    if not numeric or all(t.lower_ in DENOMINATORS for t in numeric):
        return None  # "about half that": a proportion, not a stated number
    first, last = numeric[0], ent[-1]
    value = parse_number(ent.doc.text[first.idx:last.idx + len(last)])
    if value is None:
        return None
    return NumberSpan(first.i, last.i + 1, first.idx, last.idx + len(last), value)
