"""Temporal shapes counted from publication: weekdays, named days, clock times, now, units, ago.

Each handler takes the shape's match, the publication date (or None) and the tense, and
returns a Resolution; rules.py dispatches to them. "the next day" and its kin
count from the story's last-named day instead, which extract.py fills in.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .calendars import Resolution, calendar

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_DAY_OFFSETS = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                "the day after tomorrow": 2, "last night": -1}
_NARRATIVE_STEP = {"later": 1, "earlier": -1, "next": 1, "following": 1, "previous": -1}


def weekday(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
    """"Thursday", "last Thursday", "Wednesday night"."""
    if anchor is None:
        return Resolution(None, "date")
    day = _weekday_day(calendar().weekdays[m["wd"]], m["rel"], anchor, tense)
    return Resolution(day.isoformat(), "date")


def _weekday_day(target: int, rel: str | None, anchor: date, tense: str | None) -> date:
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if rel in ("last", "past", "this past"):
        return anchor - timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming"):
        return anchor + timedelta(days=ahead or 7)
    if tense in ("future", "present") or rel == "this" and tense != "past" \
            or tense == "near" and ahead < back:
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def named_day(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
    """"today", "yesterday", "last night"."""
    if anchor is None:
        return Resolution(None, "date")
    offset = _DAY_OFFSETS.get(m["word"], 0)
    return Resolution((anchor + timedelta(days=offset)).isoformat(), "date")


def clock(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution | None:
    """"10 a.m.", "noon Thursday": on the day named, else the publication day."""
    if m["word"]:
        hour, minute = (12 if m["word"] == "noon" else 0), 0
    else:
        hour, minute = int(m["h"]), int(m["min"] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        hour = hour % 12 + (12 if m["ampm"].startswith("p") else 0)
    if anchor is None:
        return Resolution(None, "time")
    day = m["day"] or "today"
    if day in calendar().weekdays:
        found = _weekday_day(calendar().weekdays[day], None, anchor, tense)
    else:
        found = anchor + timedelta(days=_DAY_OFFSETS.get(day, 0))
    return Resolution(f"{found.isoformat()}T{hour:02d}:{minute:02d}", "time")


def present(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
    """"now", "currently": the publication date."""
    return Resolution(anchor.isoformat() if anchor else None, "other")


def relative_unit(m: re.Match[str], anchor: date | None, tense: str | None
                  ) -> Resolution | None:
    """"this week", "last month", "next year", "the coming quarter", "last summer",
    "this century"."""
    unit = m["unit"]
    if unit in ("decade", "century") and m["rel"].startswith("the "):
        return None  # "over the last decade": ten years back from now, a duration
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(
        m["rel"].removeprefix("the ").removeprefix("this "), 0)
    kind = {"weekend": "range", "month": "month", "year": "year"}.get(unit, "other")
    if anchor is None:
        return Resolution(None, kind)
    if unit in ("week", "weekend"):
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        if unit == "weekend":
            saturday = monday + timedelta(days=5)
            return Resolution(f"{saturday}/{saturday + timedelta(days=1)}", kind)
        iso = monday.isocalendar()
        return Resolution(f"{iso.year}-W{iso.week:02d}", kind)
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + step
        return Resolution(f"{index // 12:04d}-{index % 12 + 1:02d}", kind)
    if unit == "year":
        return Resolution(f"{anchor.year + step:04d}", kind)
    if unit in ("decade", "century"):  # TimeML: "201" is the 2010s, "20" the 21st century
        return Resolution(str(anchor.year // (10 if unit == "decade" else 100) + step), kind)
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return Resolution(f"{index // 4:04d}-Q{index % 4 + 1}", kind)
    return Resolution(_season(calendar().seasons[unit], anchor, step), kind)


def the_weekend(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
    """"over the weekend": the last one, or the coming one in a future-tense clause."""
    if anchor is None:
        return Resolution(None, "range")
    saturday = _weekday_day(5, None, anchor, "future" if tense == "future" else "past")
    if tense != "future" and anchor.weekday() == 6:
        saturday = anchor - timedelta(days=1)  # written on Sunday: this weekend
    return Resolution(f"{saturday}/{saturday + timedelta(days=1)}", "range")


def _season(code: str, anchor: date, step: int) -> str:
    """TimeML season value ("2012-SU"); winter belongs to the year it starts in."""
    start = _SEASON_START[code]
    year = anchor.year if anchor.month >= start else anchor.year - 1
    if code != "WI" and step == 0 and anchor.month < start:
        year += 1  # "this summer" written in March: the coming one
    if step < 0 and (anchor.month - start) % 12 < 3:
        year -= 1  # "last winter" written in January: not the current one
    return f"{year + max(step, 0)}-{code}"


def ago(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
    """"three years ago", "10 days ago"."""
    n = int(m["n"]) if m["n"].isdigit() else calendar().numbers[m["n"]]
    unit = m["unit"]
    kind = {"day": "date", "month": "month", "year": "year", "decade": "year"}.get(unit, "other")
    if anchor is None:
        return Resolution(None, kind)
    if unit == "day":
        return Resolution((anchor - timedelta(days=n)).isoformat(), kind)
    if unit == "week":
        iso = (anchor - timedelta(weeks=n)).isocalendar()
        return Resolution(f"{iso.year}-W{iso.week:02d}", kind)
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 - n
        return Resolution(f"{index // 12:04d}-{index % 12 + 1:02d}", kind)
    return Resolution(f"{anchor.year - n * (10 if unit == 'decade' else 1):04d}", kind)


def narrative(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
    """Days from the story's current day. "came a day after X" happened on that day itself."""
    groups = m.groupdict()
    step = _NARRATIVE_STEP.get(groups.get("dir") or groups.get("which") or "", 0)
    n = groups.get("n")
    count = 1 if n is None else int(n) if n.isdigit() else calendar().numbers[n]
    return Resolution(None, "date", narrative=step * count)


def anaphoric(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
    """ "later that year", "the following month": the year or month of the story's last
    named date, counted on from it."""
    step = _NARRATIVE_STEP.get(m["which"] or "", 0)
    kind = "year" if m["unit"] == "year" else "month"
    return Resolution(None, kind, narrative=step, refers=kind)
