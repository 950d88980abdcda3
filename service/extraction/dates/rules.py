"""News rules that put one temporal expression on the calendar, given the publication date.

``resolve(text, anchor, tense=...)`` reads only the expression's own words (already
cut to the reported span) and returns its ISO 8601 value and kind, or None when the
words name no calendar point or span (a duration, an age, "annual"). The tense of
the sentence is decided by the caller (extract.py reads it from the parse):

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
no value and ``narrative`` set to their offset in days; extract.py counts from that day.

This module owns ``resolve`` and the table of shapes it dispatches on; the handlers live in
absolute.py (named dates) and relative.py (counted from publication), the
calendar words and date arithmetic in calendars.py.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date

from . import absolute as absolute
from . import relative as relative
from .calendars import Calendar, Resolution, alternation, calendar, holidays

__all__ = ["Calendar", "Handler", "Resolution", "alternation", "calendar", "holidays", "normalize",
           "resolve"]

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
            try:
                return handler(match, anchor, tense)
            except OverflowError:  # past date.max/min: an anchor near year 1 or 9999
                return None
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
         rf"{alternation(cal.dayparts)}))?", relative.weekday),
        (rf"(?:(?P<rel>last|next|this) )?(?:{wd},? )?{mon} (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
         rf"{opt_year}", absolute.month_day),
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
         rf"(?P<day>{alternation(cal.weekdays)}|today|tonight|yesterday|tomorrow)\.?)?",
         relative.clock),
        (rf"(?P<word>today|tonight|yesterday|tomorrow|the day before yesterday|"
         rf"the day after tomorrow|(?:this|last) (?:morning|afternoon|evening|night))"
         rf"(?: (?:{alternation(cal.dayparts)}))?", relative.named_day),
        (r"(?:as of |right |until |up to |by )?now|currently|nowadays|at present|presently|"
         r"these days|at the moment", relative.present),
        (rf"(?:(?:over|in|during|since|for) )?(?:(?P<rel>this|last|next|past|coming|previous|"
         rf"current|this past|this coming|the past|the last|the coming|the previous|the next|"
         rf"the current) )"
         rf"(?:fiscal |calendar )?(?P<unit>week|weekend|month|year|quarter|decade|century|"
         rf"{alternation(cal.seasons)})", relative.relative_unit),
        (rf"{num} (?P<unit>day|week|month|year|decade)s? ago", relative.ago),
        (r"(?:(?:over|during|on|at) )?the weekend", relative.the_weekend),
        (rf"{num} days? (?P<dir>after|before|later|earlier)", relative.narrative),
        (r"(?:the (?P<which>same|next|following|previous)|that(?: same)?) day", relative.narrative),
        (r"(?:(?:later|earlier) )?(?:the (?P<which>following|previous)|that) "
         r"(?P<unit>year|month)", relative.anaphoric),
    ]
    return tuple((re.compile(p), h) for p, h in table)
