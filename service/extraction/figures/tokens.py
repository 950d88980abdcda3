"""What one token is to the number readers: digits, digits with a unit written on, a currency."""

from __future__ import annotations

import functools
import re

from spacy.tokens import Token

from . import resources as res
from .base import Tokens
from .numerals import dozens, parse_digits, scales, suffixes

_GLUED = re.compile(r"^([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([A-Za-z°µ][A-Za-z/²³]*)\.?$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)s?\.?$", re.IGNORECASE)


@functools.cache
def scale_words() -> frozenset[str]:
    """Words that multiply what comes before: "hundred", "thousand", "lakh", "dozen"."""
    return frozenset(scales()) | {"hundred"} | dozens()


def digit_like(token: Token) -> bool:
    """Whether ``token`` is written in digits ("12", "1,200", "200lbs"), not an ordinal."""
    return _digit_like_text(token.text)


@functools.lru_cache(maxsize=65536)  # pure; asked for every token, mostly the same words
def _digit_like_text(text: str) -> bool:
    if _ORDINAL.match(text):
        return False  # "2nd", "3rd", "21st" are ordinals, never figures
    return parse_digits(text) is not None or glued(text) is not None


def glued(text: str) -> re.Match | None:
    """Digits with a unit or scale written on: "200lbs", "10k"; not "1990s", "5G", "3D"."""
    glued = _GLUED.match(text)
    if glued is None:
        return None
    suffix = glued.group(2)
    known = suffix in suffixes() or suffix in res.units() or suffix in res.currencies()
    # A written-on word of two or more lower-case letters is a unit ("10kmph", "0.8rad");
    # one letter is not ("1990s").
    if known or (len(suffix) > 1 and (suffix.islower() or suffix.lower() in res.units())):
        return glued
    return None


def word_at(doc: Tokens, i: int) -> str:
    """The lower-case word at ``i``, or "" past either end."""
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def currency_before(doc: Tokens, i: int) -> tuple[res.Currency | None, int]:
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
