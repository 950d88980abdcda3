"""Temporal shapes named by calendar words: days, date ranges, months, years, quarters, holidays.

Each handler takes the shape's match, the publication date (or None) and the tense, and
returns a Resolution or None; rules.py dispatches to them.
"""

from __future__ import annotations

import re
from datetime import date

from .calendars import Resolution, calendar, holiday_in, holidays, nearest, safe_date

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def month_day(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution | None:
    """"Feb. 3", "20 March 2013": the year named, else the one the tense points at."""
    month, day = calendar().months[m["mon"]], int(m["d1"])
    if m["year"]:
        found = safe_date(int(m["year"]), month, day)
        return Resolution(found.isoformat(), "date") if found else None
    if not safe_date(2000, month, day):  # 2000 is a leap year: Feb. 29 is valid
        return None
    if anchor is None:
        return Resolution(None, "date")
    rel = m.groupdict().get("rel")
    if rel in ("last", "next"):  # "signed last March 3": the one before publication
        options = [d for y in range(anchor.year - 1, anchor.year + 2)
                   if (d := safe_date(y, month, day))]
        found = max((d for d in options if d < anchor), default=None) if rel == "last" \
            else min((d for d in options if d > anchor), default=None)
    else:
        found = nearest(anchor, tense, lambda y: safe_date(y, month, day))
    return Resolution(found.isoformat(), "date") if found else None


def day_range(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution | None:
    """"Feb. 10-20", "Jan. 30 to Feb. 2": the year of the first day decides."""
    cal = calendar()
    first_month = cal.months[m["mon"]]
    last_month = cal.months[m["mon2"]] if m["mon2"] else first_month
    d1, d2 = int(m["d1"]), int(m["d2"])
    if m["year"]:
        years = [int(m["year"])]
    elif anchor is None:
        return Resolution(None, "range") if safe_date(2000, first_month, d1) else None
    else:
        start = nearest(anchor, tense, lambda y: safe_date(y, first_month, d1))
        years = [start.year] if start else []
    if not years:
        return None
    begin = safe_date(years[0], first_month, d1)
    end = safe_date(years[0] + (last_month < first_month), last_month, d2)
    if not begin or not end or end < begin:
        return None
    return Resolution(f"{begin.isoformat()}/{end.isoformat()}", "range")


def named_month(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
    """"March 2014", "last March", "in October"."""
    month = calendar().months[m["mon"]]
    if m["year"]:
        return Resolution(f"{int(m['year']):04d}-{month:02d}", "month")
    if anchor is None:
        return Resolution(None, "month")
    rel = m["rel"]
    if rel in ("last", "past"):
        year = anchor.year - (month >= anchor.month)
    elif rel in ("next", "coming"):
        year = anchor.year + (month <= anchor.month)
    elif rel == "this":
        year = anchor.year
    else:
        year = nearest(anchor, tense, lambda y: date(y, month, 1), month_level=True).year
    return Resolution(f"{year:04d}-{month:02d}", "month")


def month_of_year(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
    """"October this year", "April next year"."""
    if anchor is None:
        return Resolution(None, "month")
    year = anchor.year + {"last": -1, "next": 1}.get(m["rel"], 0)
    return Resolution(f"{year:04d}-{calendar().months[m['mon']]:02d}", "month")


def quarter(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution | None:
    """"the third quarter": of the year named, else the latest one begun by publication."""
    number = _ORDINALS[m["q"]]
    year = m["year"] or m["y2"]
    if year:
        return Resolution(f"{year}-Q{number}", "other")
    if anchor is None:
        return Resolution(None, "other")
    current = (anchor.month - 1) // 3 + 1
    if m["rel"]:
        value = anchor.year + {"last": -1, "next": 1}.get(m["rel"], 0)
    else:  # the results reported are those of a quarter already begun
        value = anchor.year - (number > current)
    return Resolution(f"{value}-Q{number}", "other")


def named_quarter(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
    """"the latest quarter" is the last one reported: the one before the current."""
    if anchor is None:
        return Resolution(None, "other")
    index = anchor.year * 4 + (anchor.month - 1) // 3 - (m["which"] == "latest")
    return Resolution(f"{index // 4}-Q{index % 4 + 1}", "other")


def holiday(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution | None:
    """"Christmas", "last Thanksgiving", "Easter 2019"."""
    rule = holidays()[m["hol"]]
    if m["year"]:
        found = holiday_in(rule, int(m["year"]))
        return Resolution(found.isoformat(), "date") if found else None
    if anchor is None:
        return Resolution(None, "date")
    options = [d for y in range(anchor.year - 1, anchor.year + 2) if (d := holiday_in(rule, y))]
    if m["rel"] == "last":
        found = max((d for d in options if d < anchor), default=None)
    elif m["rel"] == "next":
        found = min((d for d in options if d > anchor), default=None)
    else:
        found = nearest(anchor, tense, lambda y: holiday_in(rule, y))
    return Resolution(found.isoformat(), "date") if found else None


def named_year(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution | None:
    """"2014", "the year 2014", "fiscal 2014"."""
    return Resolution(m["year"], "year") if 1000 <= int(m["year"]) <= 2199 else None


def year_range(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution | None:
    """"2010-12", "between 1990 and 1995"."""
    first, tail = int(m["year"]), m["y2"]
    last = int(tail) if len(tail) == 4 else first // 100 * 100 + int(tail)
    if not first < last <= first + 100:
        return None
    return Resolution(f"{first}/{last}", "range")


def decade(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution | None:
    """"the 1990s"; "the '80s" takes the century of publication."""
    century = m["cent"] or (f"{anchor.year // 100:02d}" if anchor else None)
    return Resolution(f"{century}{m['decade']}" if century else None, "other")


def ordinal_century(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution | None:
    """"the 21st century" -> "20"."""
    number = int(m["n"])
    return Resolution(f"{number - 1:02d}", "other") if 1 <= number <= 22 else None


def iso_day(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution | None:
    """"2022-02-03"."""
    try:
        return Resolution(date.fromisoformat(m["iso"]).isoformat(), "date")
    except ValueError:
        return None


def slash_day(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution | None:
    """"2/3/22", read in US order."""
    year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
    found = safe_date(year, int(m["m"]), int(m["d"]))  # US order: month/day/year
    return Resolution(found.isoformat(), "date") if found else None
