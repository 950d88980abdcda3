"""Parse a written number ("150,000", "1.5 million", "twenty-five", "two thirds") to its value."""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

UNITS = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {
    "thousand": 10**3, "lakh": 10**5, "lac": 10**5, "million": 10**6, "crore": 10**7,
    "billion": 10**9, "trillion": 10**12,
}
# Abbreviated scales written after digits: "10k", "$2bn", "€10M", "2mil", "10 bln".
SUFFIXES = {
    "k": 10**3, "K": 10**3, "m": 10**6, "M": 10**6, "MM": 10**6, "mn": 10**6, "mil": 10**6,
    "mln": 10**6, "b": 10**9, "B": 10**9, "bn": 10**9, "bln": 10**9, "T": 10**12,
    "tn": 10**12, "tln": 10**12, "trn": 10**12,
}
# Denominators of spoken fractions ("two thirds", "a quarter", "one and a half").
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}
DOZENS = frozenset({"dozen", "dozens", "doz", "dozs", "dz", "dzs"})
NUMBER_WORDS = frozenset(UNITS) | frozenset(SCALES) | {"hundred"} | DOZENS
DIGITS = re.compile(
    r"^[-+\u2212]?(?:\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+)?(?:\.\d+)?$"
)
_SIMPLE_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_SIGNS = ("minus", "negative")
_GROUP = re.compile(r"\d{3}(?:\.\d+)?")
_GROUPED = re.compile(r"[-+]?\d{1,3}(?: \d{3})*")

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
    if suffix and suffix.group(2) in SUFFIXES:
        base = parse_digits(suffix.group(1))
        return None if base is None else base * SUFFIXES[suffix.group(2)]
    if not token or not DIGITS.match(token) or not any(c.isdigit() for c in token):
        return None
    cleaned = re.sub(r"[,\u202f\u00a0 ]", "", token).lstrip("+")
    return Fraction(cleaned)


def is_number_word(word: str) -> bool:
    """True for a spelled cardinal or scale word ("five", "hundred", "million", "dozen")."""
    return word.lower() in NUMBER_WORDS


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
    if word in UNITS:
        return total, current + UNITS[word], Fraction(UNITS[word]), 0
    if word == "hundred":
        current = (current or 1) * 100
        return total, current, current, 0
    return _multiplier_step(word, current, last, total)


def _multiplier_step(word: str, current: Fraction, last: Fraction,
                     total: Fraction) -> tuple[Fraction, Fraction, Fraction, int] | None:
    """Dozens, scales, fraction denominators, suffixes and digits."""
    if word in DOZENS:
        multiplied = (last or 1) * 12
        return total, current - last + multiplied, multiplied, 0
    if word in SCALES:
        if current == 0 and total and SCALES[word] > 1000:  # "three lakh crore"
            return total * SCALES[word], current, last, 0
        return total + (current or 1) * SCALES[word], Fraction(0), Fraction(0), 0
    if word in DENOMINATORS:
        if not last:  # "half a million", "a quarter"
            return total, current + Fraction(1, DENOMINATORS[word]), Fraction(0), 0
        if current == last and total:  # "3 million and a half": half a million more
            scale = max(s for s in SCALES.values() if total % s == 0) if total % 1000 == 0 else 1
            return total + last / DENOMINATORS[word] * scale, Fraction(0), Fraction(0), 0
        return total, current - last + last / DENOMINATORS[word], Fraction(0), 0
    if word in SUFFIXES:
        return total + (current or 1) * SUFFIXES[word], Fraction(0), Fraction(0), 0
    value = parse_digits(word)
    if value is None:
        return None
    return total, current + value, value, 0


def _decimal_part(words: list[str]) -> Fraction | None:
    digits = ""
    for i, word in enumerate(words):
        if word in UNITS and UNITS[word] < 10:
            digits += str(UNITS[word])
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
