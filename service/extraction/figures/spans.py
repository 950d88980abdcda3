"""Find the number phrases of a Doc: digits, spelled numbers, vague amounts, money and % signs."""

from __future__ import annotations

import functools
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..labels import AMOUNT_LABELS
from . import resources as res
from .base import NumberSpan, Tokens
from .extent import extend
from .numerals import denominators, parse_number, scales, suffixes, units
from .tokens import currency_before, digit_like, glued, scale_words, word_at

_VAGUE_PLURALS = frozenset({"hundreds", "thousands", "millions", "billions", "dozens"})
_VAGUE_NEED_OF = frozenset({"tens", "scores"})
_VAGUE_HEADS = frozenset({"several", "few", "many"})
# First words of the phrases _starts_number / _read_vague read (besides digits and units).
_VAGUE_OPENERS = _VAGUE_PLURALS | _VAGUE_NEED_OF | _VAGUE_HEADS | {"a", "an"}


@functools.cache
def _openers() -> frozenset[str]:
    return scale_words() | {"a", "an", "half", "quarter", "minus", "negative"}


@functools.cache
def _any_opener() -> frozenset[str]:
    return _openers() | _VAGUE_OPENERS | frozenset(units())


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
    spans += [s for ent in (doc.ents if ents is None else ents) if ent.label_ in AMOUNT_LABELS
              if (s := _from_entity(ent, taken))]
    return sorted(spans, key=lambda s: s.start)


def _may_open(token: Token) -> bool:
    """Whether a number phrase may start at ``token`` (what _read_vague and _starts_number
    require of their first word)."""
    return token.lower_ in _any_opener() or digit_like(token)


def _read_number(doc: Tokens, i: int) -> NumberSpan | None:
    if not _starts_number(doc, i):
        return None
    currency, start = currency_before(doc, i)
    end = extend(doc, i)
    last = doc[end - 1]
    written = glued(last.text)
    glued_unit = written.group(2) if written and _is_glued_unit(written.group(2), currency) \
        else None
    number_end = last.idx + len(last)
    if written:  # "200lbs" ends before its unit, "10M." before the sentence's full stop
        number_end = last.idx + len(written.group(1)) + (0 if glued_unit else len(written.group(2)))
    value = parse_number(doc[0].doc.text[doc[i].idx:number_end])
    if value is None:
        return None
    percent = end < len(doc) and doc[end].text == "%"
    end_char = doc[end].idx + 1 if percent else number_end
    return NumberSpan(start, end + int(percent), doc[start].idx, end_char, value,
                      currency=currency, glued_unit=glued_unit, percent_sign=percent)


def _is_glued_unit(suffix: str, currency: res.Currency | None) -> bool:
    """ "200lbs" carries a unit; "10k" a scale; "5m" is metres unless money ("£5m", "$2b")."""
    return suffix not in suffixes() or (suffix in ("m", "b", "t") and currency is None)


def _starts_number(doc: Tokens, i: int) -> bool:
    token = doc[i]
    lower = token.lower_
    if digit_like(token) or lower in units():
        return True
    if lower not in _openers():  # most tokens: no rule below can hold
        return False
    following = word_at(doc, i + 1)
    if lower in ("a", "an") and word_at(doc, i + 2) == "-" \
            and word_at(doc, i + 3) not in res.units():
        return False  # "a sixth-grader", "a half-frozen lake"; "a half-hour" is an amount
    if lower in ("a", "an"):
        return following in scale_words() or following in ("half", "quarter") or (
            following in denominators() and not _modifies_noun(doc, i + 2))
    if lower in ("half", "quarter"):
        return following in scales() or (following == "a" and word_at(doc, i + 2) in scale_words())
    if lower in ("minus", "negative"):
        return i + 1 < len(doc) and (digit_like(doc[i + 1]) or following in units())
    if following == "-":
        return False  # "billion-dollar deals": an adjective of size, not an amount
    return lower in scale_words() and lower != "dozens" and _is_bare_scale(doc, i)


def _modifies_noun(doc: Tokens, i: int) -> bool:
    """ "a third country" is an ordinal; "a third of the votes" a fraction."""
    return i < len(doc) and doc[i].pos_ in ("NOUN", "PROPN", "ADJ")


def _is_bare_scale(doc: Tokens, i: int) -> bool:
    """ "hundred thousand dollars": a scale word that opens the phrase itself."""
    before = doc[i - 1].lower_ if i else ""
    return before not in _VAGUE_HEADS and before not in ("of", "the", "a", "an")


def _read_vague(doc: Tokens, i: int) -> NumberSpan | None:
    """ "hundreds of soldiers", "tens of thousands", "several dozen", "a few hundred"."""
    lower = doc[i].lower_
    if lower not in _VAGUE_OPENERS:  # most tokens: no rule below can hold
        return None
    nxt = word_at(doc, i + 1)
    end = None
    if lower in _VAGUE_PLURALS or (lower in _VAGUE_NEED_OF and nxt == "of"):
        end = i + 1
        if nxt == "of" and word_at(doc, i + 2) in _VAGUE_PLURALS:
            end = i + 3
    elif lower in _VAGUE_HEADS and nxt in scale_words() - {"dozens"}:
        end = i + 2
    elif lower in ("a", "an") and nxt == "few" and word_at(doc, i + 2) in scale_words():
        end = i + 3
    if end is None or _previous_is_number(doc, i):
        return None
    return NumberSpan(i, end, doc[i].idx, doc[end - 1].idx + len(doc[end - 1]), None, vague=True)


def _previous_is_number(doc: Tokens, i: int) -> bool:
    """ "3 dozens" is exact: the number before a plural scale makes it so."""
    return i > 0 and (digit_like(doc[i - 1]) or doc[i - 1].lower_ in units())


def _from_entity(ent: Span, taken: set[int]) -> NumberSpan | None:
    """A numeric NER entity the token rules missed ("more than half"), minus its qualifier."""
    if any(t.i in taken for t in ent):
        return None
    numeric = [t for t in ent if digit_like(t) or t.lower_ in units() or t.lower_ in denominators()]
    if not numeric or all(t.lower_ in denominators() for t in numeric):
        return None  # "about half that": a proportion, not a stated number
    first, last = numeric[0], ent[-1]
    value = parse_number(ent.doc.text[first.idx:last.idx + len(last)])
    if value is None:
        return None
    return NumberSpan(first.i, last.i + 1, first.idx, last.idx + len(last), value)
