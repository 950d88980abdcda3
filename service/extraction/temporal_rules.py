"""News rules that put one temporal expression on the calendar, given the publication date.

``resolve(text, anchor, tense=...)`` reads only the expression's own words (already
cut to the reported span) and returns its ISO 8601 value and kind, or None when the
words name no calendar point or span (a duration, an age, "annual"). The tense of
the sentence is decided by the caller (dates.py reads it from the parse):

- a bare weekday is the latest such day on or before publication, unless the tense
  is ``"future"`` or ``"present"`` ("the exercises end Sunday"), then the next one
  on or after it;
- a month (or day and month) without a year is the latest one on or before
  publication for ``"past"``, the next one for ``"future"`` (each within a reach of
  about ten months), otherwise the last one if recent enough, else the nearest;
- "this/last/next week|month|year", "N years ago", "yesterday", "tonight" count
  from the publication date; "now" is the publication date.

Without an anchor the relative shapes keep their kind and get value None; absolute
ones ("2014", "February 16, 2022") keep their value. Expressions that point at the
day of the story's last-named event ("a day after", "the next day") come back with
no value and ``narrative`` set to their offset in days; dates.py counts from that day.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date, timedelta

from . import temporal_absolute as absolute
from .temporal_calendar import Calendar, Resolution, alternation, calendar, holidays

__all__ = ["Calendar", "Handler", "Resolution", "alternation", "calendar", "holidays", "normalize",
           "resolve"]

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# Words the caller's span may still start with that never change the value.
_LEAD = re.compile(r"^(?:(?:in|on|at|by|since|until|till|from|during|through|throughout|of|"
                   r"before|after|as of|over|for|around|about|the|later|earlier|early|late|"
                   r"mid|the (?:start|beginning|end|middle|turn) of)\b[\s-]*)+")


def normalize(text: str) -> str:
    """Lower-case, one space between words, straight apostrophes, no edge punctuation."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    return " ".join(text.split()).strip(" ,;:!?\"'()")


def resolve(text: str, anchor: date | None, *, tense: str | None = None) -> Resolution | None:
    """Value and kind of one temporal expression, or None when it is not a calendar one.

    Args:
        text: the expression as reported ("Thursday", "Feb. 10-20", "later this year").
        anchor: the publication date; None leaves relative expressions without a value.
        tense: "past", "future", "present" (a present-tense verb governs the expression
            directly: a schedule for a weekday) or None (unknown), read by the caller.
    """
    norm = normalize(text)
    for pattern, handler in _shapes():
        match = pattern.fullmatch(norm)
        if match:
            return handler(match, anchor, tense)
    stripped = _LEAD.sub("", norm)
    if stripped != norm and stripped:
        return resolve(stripped, anchor, tense=tense)
    return None


# --- shapes -----------------------------------------------------------------------------

Handler = Callable[[re.Match[str], date | None, str | None], Resolution | None]


@functools.cache
def _shapes() -> tuple[tuple[re.Pattern[str], Handler], ...]:
    cal = calendar()
    mon = rf"(?P<mon>{alternation(cal.months)})\.?"
    wd = rf"(?P<wd>{alternation(cal.weekdays)})\.?"
    num = rf"(?P<n>\d+|{alternation(cal.numbers)})"
    year = r"(?P<year>(?:1[0-9]|20|21)\d\d)"
    opt_year = rf"(?:,? {year})?"
    table: list[tuple[str, Handler]] = [
        (rf"(?:(?P<rel>this coming|this past|this|last|next|past|coming) )?{wd}(?:,? (?P<part>"
         rf"{alternation(cal.dayparts)}))?", _weekday),
        (rf"(?:{wd},? )?{mon} (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{opt_year}",
         absolute.month_day),
        (rf"(?:{wd},? )?(?:the )?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{mon}{opt_year}",
         absolute.month_day),
        (rf"{mon} (?P<d1>\d{{1,2}}) ?(?:-|–|to|through|and) ?(?:(?P<mon2>{alternation(cal.months)})"
         rf"\.? )?(?P<d2>\d{{1,2}}){opt_year}", absolute.day_range),
        (rf"(?:(?P<rel>this|last|next|past|coming) )?{mon}{opt_year}", absolute.named_month),
        (rf"(?:the )?(?:year )?{year}", absolute.named_year),
        (rf"fiscal (?:year )?{year}", absolute.named_year),
        (rf"(?:(?P<rel>this|last|next) year's |its )?(?:(?:fiscal|calendar) )?(?:{year} )?"
         rf"(?P<q>first|second|third|fourth)[- ](?:fiscal[- ])?quarter(?:,? (?:of )?"
         rf"(?P<y2>\d{{4}}))?", absolute.quarter),
        (r"(?P<which>latest|current|this) (?:fiscal )?quarter", absolute.named_quarter),
        (rf"(?:(?P<rel>last|next|this) )?(?P<hol>{alternation(holidays())}){opt_year}",
         absolute.holiday),
        (rf"(?:between |from )?{year} ?(?:-|–|to|and|through) ?(?P<y2>\d\d|\d{{4}})",
         absolute.year_range),
        (rf"{mon},? (?P<rel>this|last|next) year", absolute.month_of_year),
        (r"(?:the )?(?:'|(?P<cent>1[0-9]|20))(?P<decade>\d)0'?s", absolute.decade),
        (r"(?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th)[ -]century", absolute.ordinal_century),
        (r"(?P<iso>\d{4}-\d\d-\d\d)", absolute.iso_day),
        (r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d\d|\d{4})", absolute.slash_day),
        (rf"(?:(?P<h>\d{{1,2}})(?:[:.](?P<min>\d\d))? ?(?P<ampm>a\.?m\.?|p\.?m\.?)|"
         rf"(?P<word>noon|midnight))(?: (?:[a-z]{{1,3}}t|utc))?(?:,? (?:on )?"
         rf"(?P<day>{alternation(cal.weekdays)}|today|tonight|yesterday|tomorrow)\.?)?", _clock),
        (r"(?P<word>today|tonight|yesterday|tomorrow|the day before yesterday|"
         r"the day after tomorrow|(?:this|last) (?:morning|afternoon|evening|night))", _named_day),
        (r"(?:as of |right |until |up to |by )?now|currently|nowadays|at present|presently|"
         r"these days|at the moment", _present),
        (rf"(?:(?:over|in|during|since|for) )?(?:(?P<rel>this|last|next|past|coming|previous|"
         rf"current|this past|this coming|the past|the last|the coming|the previous|the next|"
         rf"the current) )"
         rf"(?:fiscal |calendar )?(?P<unit>week|weekend|month|year|quarter|"
         rf"{alternation(cal.seasons)})", _relative_unit),
        (rf"{num} (?P<unit>day|week|month|year|decade)s? ago", _ago),
        (r"(?:(?:over|during|on|at) )?the weekend", _the_weekend),
        (rf"{num} days? (?P<dir>after|before|later|earlier)", _narrative),
        (r"(?:the (?P<which>same|next|following|previous)|that(?: same)?) day", _narrative),
    ]
    return tuple((re.compile(p), h) for p, h in table)


def _weekday(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
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
    if tense in ("future", "present") or rel == "this" and tense != "past":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


_DAY_OFFSETS = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                "the day after tomorrow": 2, "last night": -1}


def _named_day(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
    if anchor is None:
        return Resolution(None, "date")
    offset = _DAY_OFFSETS.get(m["word"], 0)
    return Resolution((anchor + timedelta(days=offset)).isoformat(), "date")


def _clock(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution | None:
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


def _present(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
    return Resolution(anchor.isoformat() if anchor else None, "other")


def _relative_unit(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
    unit = m["unit"]
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
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return Resolution(f"{index // 4:04d}-Q{index % 4 + 1}", kind)
    return Resolution(_season(calendar().seasons[unit], anchor, step), kind)


def _the_weekend(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
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


def _ago(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
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


_NARRATIVE_STEP = {"later": 1, "earlier": -1, "next": 1, "following": 1, "previous": -1}


def _narrative(m: re.Match[str], anchor: date | None, tense: str | None) -> Resolution:
    """Days from the story's current day. "came a day after X" happened on that day itself."""
    groups = m.groupdict()
    step = _NARRATIVE_STEP.get(groups.get("dir") or groups.get("which") or "", 0)
    n = groups.get("n")
    count = 1 if n is None else int(n) if n.isdigit() else calendar().numbers[n]
    return Resolution(None, "date", narrative=step * count)


# --- helpers ----------------------------------------------------------------------------
