"""The news rules that put one temporal expression on the calendar (no model needed)."""

from __future__ import annotations

from datetime import date

import pytest

from service.extraction.dates.rules import resolve

THU = date(2022, 2, 3)  # a Thursday: the first seed's publication date
WED = date(2022, 2, 16)
MARCH_2013 = date(2013, 3, 22)
OCT_1989 = date(1989, 10, 27)

# (expression, publication date, tense, expected (value, kind))
CASES = [
    # weekdays: the latest on or before publication, the next one when the tense is future
    ("Thursday", THU, None, ("2022-02-03", "date")),
    ("Wednesday", THU, "past", ("2022-02-02", "date")),
    ("Friday", THU, None, ("2022-01-28", "date")),
    ("Friday", THU, "future", ("2022-02-04", "date")),
    ("Sunday", WED, "present", ("2022-02-20", "date")),
    ("Thursday", THU, "future", ("2022-02-03", "date")),
    ("last Thursday", THU, None, ("2022-01-27", "date")),
    ("next Monday", THU, None, ("2022-02-07", "date")),
    ("this coming Sunday", THU, "past", ("2022-02-06", "date")),
    ("Wednesday night", THU, None, ("2022-02-02", "date")),
    ("Tues.", WED, None, ("2022-02-15", "date")),
    # day and month, ranges
    ("Feb. 3", THU, None, ("2022-02-03", "date")),
    ("February 16, 2022", THU, None, ("2022-02-16", "date")),
    ("Monday, Oct. 26", date(1998, 10, 25), None, ("1998-10-26", "date")),
    ("20 March 2013", THU, None, ("2013-03-20", "date")),
    ("Dec. 20", THU, "past", ("2021-12-20", "date")),
    ("March 12", date(1999, 2, 16), "past", ("1999-03-12", "date")),
    ("Oct. 23", date(1999, 5, 6), "past", ("1998-10-23", "date")),
    ("Jan. 14", date(2000, 1, 15), "future", ("2000-01-14", "date")),
    ("Feb. 10-20", THU, "future", ("2022-02-10/2022-02-20", "range")),
    ("Jan. 30 to Feb. 2", THU, None, ("2022-01-30/2022-02-02", "range")),
    ("Dec. 28-Jan. 3", THU, None, ("2021-12-28/2022-01-03", "range")),
    ("April 24 and 25", date(1999, 2, 10), None, ("1999-04-24/1999-04-25", "range")),
    # months
    ("October", MARCH_2013, "past", ("2012-10", "month")),
    ("May", MARCH_2013, "future", ("2013-05", "month")),
    ("June", MARCH_2013, None, ("2013-06", "month")),
    ("March", OCT_1989, None, ("1989-03", "month")),
    ("last July", MARCH_2013, None, ("2012-07", "month")),
    ("late last July", MARCH_2013, None, ("2012-07", "month")),
    ("early December", MARCH_2013, "past", ("2012-12", "month")),
    ("mid-March", THU, None, ("2022-03", "month")),
    ("May 2010", THU, None, ("2010-05", "month")),
    ("October this year", date(1998, 12, 3), None, ("1998-10", "month")),
    # years, decades, centuries
    ("2014", THU, None, ("2014", "year")),
    ("in 2019", THU, None, ("2019", "year")),
    ("early 2011", THU, None, ("2011", "year")),
    ("1957-58", THU, None, ("1957/1958", "range")),
    ("between 1994 and 1997", THU, None, ("1994/1997", "range")),
    ("the 1990s", THU, None, ("199", "other")),
    ("the 20th century", THU, None, ("19", "other")),
    ("fiscal 1989", OCT_1989, None, ("1989", "year")),
    # days, weeks, months and years counted from publication
    ("today", THU, None, ("2022-02-03", "date")),
    ("tonight", THU, None, ("2022-02-03", "date")),
    ("yesterday", THU, None, ("2022-02-02", "date")),
    ("tomorrow", THU, None, ("2022-02-04", "date")),
    ("last night", THU, None, ("2022-02-02", "date")),
    ("now", THU, None, ("2022-02-03", "other")),
    ("Right now", THU, None, ("2022-02-03", "other")),
    ("currently", THU, None, ("2022-02-03", "other")),
    ("this week", THU, None, ("2022-W05", "other")),
    ("last week", THU, None, ("2022-W04", "other")),
    ("over the past week", THU, None, ("2022-W04", "other")),
    ("this weekend", WED, None, ("2022-02-19/2022-02-20", "range")),
    ("over the weekend", date(1990, 8, 13), None, ("1990-08-11/1990-08-12", "range")),
    ("the weekend", WED, "future", ("2022-02-19/2022-02-20", "range")),
    ("this past spring", date(1989, 10, 27), None, ("1989-SP", "other")),
    ("this month", THU, None, ("2022-02", "month")),
    ("last month", date(2022, 1, 10), None, ("2021-12", "month")),
    ("next month", THU, None, ("2022-03", "month")),
    ("this year", THU, None, ("2022", "year")),
    ("later this year", WED, None, ("2022", "year")),
    ("last year", THU, None, ("2021", "year")),
    ("next year", THU, None, ("2023", "year")),
    ("this fiscal year", MARCH_2013, None, ("2013", "year")),
    ("four years ago", THU, None, ("2018", "year")),
    ("two days ago", THU, None, ("2022-02-01", "date")),
    ("a decade ago", THU, None, ("2012", "year")),
    ("six months ago", THU, None, ("2021-08", "month")),
    ("last summer", MARCH_2013, None, ("2012-SU", "other")),
    ("last spring", WED, None, ("2021-SP", "other")),
    ("this summer", MARCH_2013, None, ("2013-SU", "other")),
    # quarters of the year: the latest one begun by publication
    ("third-quarter", OCT_1989, "future", ("1989-Q3", "other")),
    ("the fourth quarter", OCT_1989, None, ("1989-Q4", "other")),
    ("the third quarter of 1984", OCT_1989, None, ("1984-Q3", "other")),
    ("the latest quarter", OCT_1989, None, ("1989-Q3", "other")),
    # holidays
    ("Thanksgiving Day", date(2000, 1, 7), None, ("1999-11-25", "date")),
    ("last Thanksgiving", date(1998, 10, 26), None, ("1997-11-27", "date")),
    ("Christmas", THU, None, ("2021-12-25", "date")),
    ("Easter", date(2024, 4, 10), None, ("2024-03-31", "date")),
    ("Election Day", date(1998, 10, 26), "future", ("1998-11-03", "date")),
    # clock times: on the day named, else the publication day
    ("10 a.m.", WED, None, ("2022-02-16T10:00", "time")),
    ("10:30 p.m. Wednesday", WED, "past", ("2022-02-16T22:30", "time")),
    ("9 a.m. EST Tuesday", WED, "future", ("2022-02-22T09:00", "time")),
    ("noon Thursday", THU, None, ("2022-02-03T12:00", "time")),
    ("midnight", THU, None, ("2022-02-03T00:00", "time")),
    # numeric forms
    ("2013-03-22", THU, None, ("2013-03-22", "date")),
    ("3/22/2013", THU, None, ("2013-03-22", "date")),
]


@pytest.mark.parametrize(("text", "anchor", "tense", "expected"), CASES)
def test_resolve_puts_expression_on_calendar(text, anchor, tense, expected):
    resolution = resolve(text, anchor, tense=tense)
    assert resolution is not None
    assert (resolution.value, resolution.kind) == expected


# Without a publication date relative expressions keep their kind and lose their value.
NO_ANCHOR = [
    ("Thursday", (None, "date")),
    ("tonight", (None, "date")),
    ("this weekend", (None, "range")),
    ("later this year", (None, "year")),
    ("Feb. 10-20", (None, "range")),
    ("now", (None, "other")),
    ("10 a.m.", (None, "time")),
    ("2014", ("2014", "year")),
    ("February 16, 2022", ("2022-02-16", "date")),
    ("May 2010", ("2010-05", "month")),
    ("the third quarter of 1984", ("1984-Q3", "other")),
]


@pytest.mark.parametrize(("text", "expected"), NO_ANCHOR)
def test_resolve_without_anchor_keeps_only_absolute_values(text, expected):
    resolution = resolve(text, None)
    assert resolution is not None
    assert (resolution.value, resolution.kind) == expected


@pytest.mark.parametrize("text", [
    "30 years", "the last 30 years", "27", "100,000", "2,000", "annual", "daily",
    "recent years", "another day", "the same year", "WINTER", "Feb. 30", "the 45th century",
    "the end of the Cold War", "just hours", "13 p.m.", "15:00", "",
])
def test_resolve_rejects_what_is_not_a_calendar_date(text):
    assert resolve(text, THU) is None


@pytest.mark.parametrize(("text", "offset"), [
    ("a day after", 0), ("a day before", 0), ("the same day", 0), ("that same day", 0),
    ("the next day", 1), ("the following day", 1), ("the previous day", -1),
    ("two days later", 2), ("three days earlier", -3),
])
def test_resolve_marks_days_counted_from_the_story(text, offset):
    resolution = resolve(text, THU)
    assert resolution is not None
    assert (resolution.value, resolution.kind, resolution.narrative) == (None, "date", offset)
