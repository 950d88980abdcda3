"""How far a number phrase runs: "twenty-five", "3 million and a half", "1 234 567", "£5m"."""

from __future__ import annotations

import functools
import re

from .base import Tokens
from .numerals import denominators, parse_digits, scales, suffixes, units
from .tokens import currency_before, digit_like, glued, scale_words, word_at

_GROUP_HEAD = re.compile(r"^[-+]?\d{1,3}$")
_GROUP = re.compile(r"^\d{3}(?:\.\d+)?$")


@functools.cache
def _spaced_suffixes() -> frozenset[str]:
    """Suffix tokens trusted after digits ("10 bln", "€10 M"); one lower-case letter is a unit."""
    return frozenset(s for s in suffixes() if len(s) > 1 or s.isupper() or s == "k")


def extend(doc: Tokens, i: int) -> int | None:
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
    if glued(prev.text) and parse_digits(prev.text) is None:
        return 0  # "200lbs" ends its phrase
    lower, before = token.lower_, prev.lower_
    if digit_like(prev) or prev.lower_ in ("minus", "negative"):
        return _after_digits(doc, j)
    if before in ("a", "an"):
        return 1 if lower in scale_words() or lower in denominators() else 0
    if before in ("half", "quarter"):
        return 1 if lower == "a" or lower in scales() else 0
    if lower == "-" and _joins_words(before, word_at(doc, j + 1)):
        return 2  # "twenty-five", "fifty - two"
    return _after_word(doc, j, before, lower)


def _after_digits(doc: Tokens, j: int) -> int:
    prev, token = doc[j - 1], doc[j]
    if prev.lower_ in ("minus", "negative"):
        return 1 if digit_like(token) or token.lower_ in units() else 0
    gap = doc[0].doc.text[prev.idx + len(prev):token.idx]
    if len(gap) == 1 and gap.isspace() and _thousands(doc, j):
        return 1
    if gap.isspace() and re.fullmatch(r"\d+/\d+|[½⅓⅔¼¾⅛]", token.text):
        return 1  # "2 1/2"
    if token.lower_ in scale_words() or token.text in _spaced_suffixes():
        return 1
    if not prev.whitespace_ and token.text in suffixes() and _money_before(doc, j - 1):
        return 1  # "£5m", "$2bn"
    if token.lower_ == "and" and j + 1 < len(doc):
        return _and_fraction(doc, j)
    return 0


def _money_before(doc: Tokens, i: int) -> bool:
    return currency_before(doc, i)[0] is not None


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
    nxt = word_at(doc, j + 1)
    after = word_at(doc, j + 2)
    if (nxt in ("a", "an") or nxt in units()) and after in denominators():
        return 3
    return 0


def _joins_words(before: str, after: str) -> bool:
    """ "twenty-five", "one-eighth": the two sides of a hyphen make one number."""
    tens = before in units() and units()[before] >= 20 and units()[before] % 10 == 0
    if tens and after in units() and 0 < units()[after] < 10:
        return True
    return before in units() and after in denominators()


def _after_word(doc: Tokens, j: int, before: str, lower: str) -> int:
    if lower == "point":
        number_before = before in units() or before in scale_words()
        return 1 if number_before and word_at(doc, j + 1) in units() else 0
    if before in units():
        return _after_small(doc, j, units()[before], lower)
    if before in scale_words():
        if lower in units() or lower in scales() or digit_like(doc[j]):
            return 1
        if lower == "and" and _smaller_follows(doc, j, before):
            return 2
        return _and_fraction(doc, j) if lower == "and" else 0
    if before == "point":
        return 1 if lower in units() else 0
    if before in denominators() and lower in scales():
        return 1  # "five and a half million"
    return 0


def _after_small(doc: Tokens, j: int, value: int, lower: str) -> int:
    """After "zero" .. "ninety"."""
    if lower in units() and value >= 20 and value % 10 == 0 and 0 < units()[lower] < 10:
        return 1  # "fifty two"
    if lower in units() and _after_point(doc, j):
        return 1  # "nine point nought four"
    if lower in scale_words() or lower in denominators():
        return 1
    return _and_fraction(doc, j) if lower == "and" else 0


def _after_point(doc: Tokens, j: int) -> bool:
    k = j - 1
    while k >= 0 and doc[k].lower_ in units():
        k -= 1
    return k >= 0 and doc[k].lower_ == "point"


def _smaller_follows(doc: Tokens, j: int, scale: str) -> bool:
    """ "two thousand and two hundred" goes on; "3 hundred and 2 hundred" are two numbers."""
    if not (word_at(doc, j + 1) in units() or _digit_like_at(doc, j + 1)):
        return False
    after = word_at(doc, j + 2)
    return not (after in scale_words() and _magnitude(after) == _magnitude(scale))


def _magnitude(word: str) -> int:
    return scales().get(word, 100 if word == "hundred" else 12)


def _digit_like_at(doc: Tokens, i: int) -> bool:
    return 0 <= i < len(doc) and digit_like(doc[i])
