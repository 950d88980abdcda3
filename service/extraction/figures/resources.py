"""Word lists the figure extractor reads from resources/en/figure_*.txt, loaded once."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..errors import ExtractionError
from ..wordlists import entries


@dataclass(frozen=True, slots=True)
class Currency:
    code: str  # ISO 4217
    factor: float = 1.0  # to the main unit: cents are 0.01


def _lines(name: str) -> list[list[str]]:
    rows = []
    for line in entries(name):
        row = line.split("\t")
        if not row[0].strip():
            raise ExtractionError(f"{name}: {line!r} has an empty entry; fix the file")
        rows.append(row)
    return rows


def _mapping(name: str) -> dict[str, str]:
    rows = _lines(name)
    if any(len(row) < 2 for row in rows):
        raise ExtractionError(f"{name} needs TAB-separated pairs; fix the file")
    return {row[0]: row[1] for row in rows}


@functools.cache
def currencies() -> dict[str, Currency]:
    """Symbol, code or lowercase word -> currency."""
    return {row[0]: Currency(row[1], float(row[2]) if len(row) > 2 else 1.0)
            for row in _lines("figure_currencies.txt")}


@functools.cache
def units() -> dict[str, str]:
    """Lowercase measurement unit -> figure kind (distance, duration, percent, other)."""
    return _mapping("figure_units.txt")


@functools.cache
def qualifiers() -> dict[str, str]:
    """Lowercase approximation phrase -> qualifier reported."""
    return _mapping("figure_qualifiers.txt")


@functools.cache
def calendar_words() -> dict[str, str]:
    """Lowercase month, weekday or clock word -> month | weekday | clock."""
    return _mapping("figure_calendar_words.txt")


@functools.cache
def word_set(name: str) -> frozenset[str]:
    """A one-column list: id_labels, one_pronoun, one_idioms."""
    return frozenset(row[0] for row in _lines(f"figure_{name}.txt"))


@functools.cache
def longest_phrase(table: str) -> int:
    """Most words in one entry of ``currencies`` or ``units`` or ``qualifiers``."""
    source = {"currencies": currencies, "units": units, "qualifiers": qualifiers}[table]()
    return max(len(key.split()) for key in source)


@functools.cache
def first_words(table: str) -> frozenset[str]:
    """The first word of every entry of ``currencies`` or ``units`` or ``qualifiers``."""
    source = {"currencies": currencies, "units": units, "qualifiers": qualifiers}[table]()
    return frozenset(key.split(" ")[0] for key in source)
