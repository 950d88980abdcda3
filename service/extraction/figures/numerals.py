"""Parse a written number ("150,000", "1.5 million", "twenty-five", "two thirds") to its value."""

from __future__ import annotations

import functools
import re
import unicodedata
from fractions import Fraction

from ..wordlists import entries

DIGITS = re.compile(
    r"^[-+\u2212]?(?:\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+)?(?:\.\d+)?$"
)
_SIMPLE_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_SIGNS = ("minus", "negative")
_GROUP = re.compile(r"\d{3}(?:\.\d+)?")
_GROUPED = re.compile(r"[-+]?\d{1,3}(?: \d{3})*")


@functools.cache
def _table() -> dict[str, dict[str, int]]:
    """Group -> word -> value, from resources/en/number_words.tsv, in file order."""
    table: dict[str, dict[str, int]] = {}
    for line in entries("number_words.tsv"):
        word, group, value = line.split("\t")
        table.setdefault(group.strip(), {})[word.strip()] = int(value)
    return table


def units() -> dict[str, int]:
    """"zero" .. "ninety" -> value."""
    return _table()["unit"]


def scales() -> dict[str, int]:
    """"thousand", "million", "lakh" ... -> value."""
    return _table()["scale"]


def suffixes() -> dict[str, int]:
    """Abbreviated scales written after digits ("k", "bn", "M") -> value; case counts."""
    return _table()["suffix"]


def denominators() -> dict[str, int]:
    """Denominators of spoken fractions ("half", "thirds", "quarter") -> the divisor."""
    return _table()["denominator"]


@functools.cache
def dozens() -> frozenset[str]:
    """The spellings of a dozen ("dozen", "doz", "dz")."""
    return frozenset(_table()["dozen"])


@functools.cache
def number_words() -> frozenset[str]:
    """Every word that is a number by itself: units, scales, "hundred", dozens."""
    return frozenset(units()) | frozenset(scales()) | {"hundred"} | dozens()


Number = int | float


def parse_number(text: str) -> Number | None:
    """Value of a number written in digits, words or both; None when it is not one."""
    words = _words(text)
    if not words:
        return None
    sign = 1
    if words[0] in _SIGNS:
        sign, words = -1, words[1:]
    try:
        value = _parse_words(words)
    except (ValueError, ZeroDivisionError):
        return None
    return None if value is None else _tidy(sign * value)


def parse_digits(token: str) -> Fraction | None:
    """Value of one digit token: "150,000", "7000", ".08", "-1", "1/2", "½", "10k"."""
    token = token.replace("−", "-")
    if len(token) == 1 and not token.isascii():
        try:
            return Fraction(unicodedata.numeric(token)).limit_denominator(1000)
        except (TypeError, ValueError):
            return None
    fraction = _SIMPLE_FRACTION.match(token)
    if fraction:
        numerator, denominator = int(fraction.group(1)), int(fraction.group(2))
        # "3/4", "7/16"; not "24/7", "9/11" or a date like "5/17"
        simple = numerator < denominator and (denominator <= 10 or denominator == 16)
        return Fraction(numerator, denominator) if simple else None
    suffix = re.match(r"^([+-]?[\d.,]*\d)([A-Za-z]+)$", token)
    if suffix and suffix.group(2) in suffixes():
        base = parse_digits(suffix.group(1))
        return None if base is None else base * suffixes()[suffix.group(2)]
    if not token or not DIGITS.match(token) or not any(c.isdigit() for c in token):
        return None
    cleaned = re.sub(r"[,\u202f\u00a0 ]", "", token).lstrip("+")
    return Fraction(cleaned)


def is_number_word(word: str) -> bool:
    """True for a spelled cardinal or scale word ("five", "hundred", "million", "dozen")."""
    return word.lower() in number_words()


def _words(text: str) -> list[str]:
    text = text.replace("−", "-").strip()
    parts = re.split(r"[\s\u202f\u00a0]+|(?<=[a-z])-(?=[a-z])|(?<=[a-z]) - (?=[a-z])",
                     text, flags=re.IGNORECASE)
    words = _join_groups([p for p in parts if p and p != "-"])
    return [w if w[0].isdigit() or w[0] in "+-.−" or not w.isascii() else w.lower()
            for w in words]


def _join_groups(words: list[str]) -> list[str]:
    """Rejoin thousands written with spaces ("1 234 567") that the split took apart."""
    joined: list[str] = []
    for word in words:
        if joined and _GROUP.fullmatch(word) and _GROUPED.fullmatch(joined[-1]):
            joined[-1] = f"{joined[-1]} {word}"
        else:
            joined.append(word)
    return joined


def _parse_words(words: list[str]) -> Fraction | None:
    """Left-to-right accumulation: small numbers add, "hundred" multiplies, scales close a group."""
    total, current, last = Fraction(0), Fraction(0), Fraction(0)
    seen = False
    i = 0
    while i < len(words):
        word = words[i]
        if word == "point":
            decimals = _decimal_part(words[i + 1:])
            if decimals is None:
                return None
            current += decimals
            break
        step = _step(word, words[i + 1] if i + 1 < len(words) else None, current, last, total)
        if step is None:
            return None
        total, current, last, skip = step
        seen = True
        i += 1 + skip
    return total + current if seen else None


def _step(word: str, following: str | None, current: Fraction, last: Fraction,
          total: Fraction) -> tuple[Fraction, Fraction, Fraction, int] | None:
    """One word of a number phrase: returns (total, current, last, words to skip)."""
    if word == "and":
        return total, current, last, 0
    if word in ("a", "an"):
        return total, current + 1, Fraction(1), 0  # "a dozen", "a hundred"
    if word == "half" and following in ("a", "an"):
        return total, current + Fraction(1, 2), Fraction(1, 2), 1
    if word in units():
        return total, current + units()[word], Fraction(units()[word]), 0
    if word == "hundred":
        current = (current or 1) * 100
        return total, current, current, 0
    return _multiplier_step(word, current, last, total)


def _multiplier_step(word: str, current: Fraction, last: Fraction,
                     total: Fraction) -> tuple[Fraction, Fraction, Fraction, int] | None:
    """Dozens, scales, fraction denominators, suffixes and digits."""
    if word in dozens():
        multiplied = (last or 1) * 12
        return total, current - last + multiplied, multiplied, 0
    if word in scales():
        if current == 0 and total and scales()[word] > 1000:  # "three lakh crore"
            return total * scales()[word], current, last, 0
        return total + (current or 1) * scales()[word], Fraction(0), Fraction(0), 0
    if word in denominators():
        if not last:  # "half a million", "a quarter"
            return total, current + Fraction(1, denominators()[word]), Fraction(0), 0
        if current == last and total:  # "3 million and a half": half a million more
            scale = max(s for s in scales().values() if total % s == 0) if total % 1000 == 0 else 1
            return total + last / denominators()[word] * scale, Fraction(0), Fraction(0), 0
        return total, current - last + last / denominators()[word], Fraction(0), 0
    if word in suffixes():
        return total + (current or 1) * suffixes()[word], Fraction(0), Fraction(0), 0
    value = parse_digits(word)
    if value is None:
        return None
    return total, current + value, value, 0


def _decimal_part(words: list[str]) -> Fraction | None:
    digits = ""
    for i, word in enumerate(words):
        if word in units() and units()[word] < 10:
            digits += str(units()[word])
        elif word != "and":
            rest = _parse_words(words[i:])
            if rest is None or rest.denominator != 1:
                return None
            digits += str(int(rest))
            break
    return Fraction(f"0.{digits}") if digits else None


def _tidy(value: Fraction) -> Number | None:
    """An int while exact in a JSON double, else a float; None beyond a float's range."""
    if value.denominator == 1 and abs(value) < 2**53:
        return int(value)
    try:
        return float(value)
    except OverflowError:
        return None
