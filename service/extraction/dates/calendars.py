"""Calendar words, holiday dates and yearless-date arithmetic shared by the temporal rules."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ..wordlists import entries

_TENSE_REACH = 320  # days: how far back (or ahead) the tense may send a yearless date
_PAST_BIAS = 240  # days: how far back a yearless date goes when the tense is unclear


@dataclass(frozen=True, slots=True)
class Resolution:
    """What one expression means: ISO value (None when it needs an anchor it lacks) and kind."""

    value: str | None
    kind: str  # date | range | month | year | time | duration | other
    # "the next day": days from the day of the last event named before it (extract.py fills it)
    narrative: int | None = None
    # "later that year": the year (or month) of the last date named before, ``narrative``
    # units on from it (extract.py fills it)
    refers: str | None = None


@dataclass(frozen=True, slots=True)
class Calendar:
    """Calendar vocabulary from resources/en/calendar_words.txt."""

    months: dict[str, int]
    weekdays: dict[str, int]
    dayparts: frozenset[str]
    seasons: dict[str, str]
    numbers: dict[str, int]


@functools.cache
def holidays() -> dict[str, str]:
    """Holiday name -> rule, from resources/en/holidays.txt."""
    pairs = (line.split("|", 1) for line in entries("holidays.txt"))
    return {name.strip(): rule.strip() for name, rule in pairs}


@functools.cache
def calendar() -> Calendar:
    """Load the calendar words once."""
    table: dict[str, dict[str, str]] = {}
    for line in entries("calendar_words.txt"):
        word, category, number = line.split()
        table.setdefault(category, {})[word] = number
    return Calendar(
        months={w: int(n) for w, n in table["month"].items()},
        weekdays={w: int(n) for w, n in table["weekday"].items()},
        dayparts=frozenset(table["daypart"]),
        seasons=dict(table["season"]),
        numbers={w: int(n) for w, n in table["number"].items()},
    )


def alternation(words: object) -> str:
    """A regex alternation of ``words``, longest first so "sept" wins over "sep"."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # type: ignore[arg-type]


def holiday_in(rule: str, year: int) -> date | None:
    """The day a holiday rule from holidays.txt ("fixed 12-25", "nth 11 3 4") falls on in a year."""
    kind, *args = rule.split()
    if kind == "fixed":
        month, day = map(int, args[0].split("-"))
        return safe_date(year, month, day)
    if kind == "nth":
        month, weekday, nth = map(int, args)
        return _nth_weekday(year, month, weekday, nth)
    if kind == "election":
        return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    if kind == "easter":
        return _easter(year)
    return None


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 = last) ``weekday`` of a month."""
    if nth < 0:
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)``, or None when there is no such day (Feb. 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nearest(anchor: date, tense: str | None, build: Callable[[int], date | None],
            *, month_level: bool = False) -> date | None:
    """The instance of a yearless date nearest publication, or the one the tense points at.

    The tense wins only within _TENSE_REACH: "on March 12" written on Feb. 16 in a
    past-tense sentence is next month's ceremony, not last year's. A bare month goes
    where the tense points within a year. With no clear tense
    news reports what happened: the last one is taken if it is within _PAST_BIAS.
    """
    base = anchor.replace(day=1) if month_level else anchor
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := build(y))]
    if not options:
        return None
    reach = _TENSE_REACH if tense in ("past", "future") else _PAST_BIAS
    if month_level and tense in ("past", "future"):
        reach = 366  # "had closed in November" written in October: eleven months back
    if tense != "future":
        before = [d for d in options if d <= base and (base - d).days <= reach]
        if before:
            return max(before)
    if tense == "future":
        after = [d for d in options if d >= base and (d - base).days <= reach]
        if after:
            return min(after)
    return min(options, key=lambda d: (abs((d - base).days), d > base))
