"""Date mentions found in sentences, cut to the gold's span and resolved with the tense."""

from __future__ import annotations

from datetime import date

import pytest

from service.extraction.dates.extract import extract_dates

THU = date(2022, 2, 3)
WED = date(2022, 2, 16)


def _mentions(nlp, text, published):
    return [(m.text, m.value, m.kind) for m in extract_dates(nlp(text), published=published)]


# (text, publication date, expected mentions as (text, value, kind))
CASES = [
    # weekday tense: past by default, future with "will", a schedule in the present
    ("Macron met Putin on Friday in Moscow.", THU, [("Friday", "2022-01-28", "date")]),
    ("Putin will also attend Friday's opening ceremony.", THU,
     [("Friday", "2022-02-04", "date")]),
    ("Talks with Xi on Friday will mark their first meeting.", THU,
     [("Friday", "2022-02-04", "date")]),
    ("The joint exercises end Sunday.", WED, [("Sunday", "2022-02-20", "date")]),
    ("The GM move follows Tuesday's declaration by Ford.", WED,
     [("Tuesday", "2022-02-15", "date")]),
    ("INS officials postponed any action until Tuesday morning.", WED,
     [("Tuesday morning", "2022-02-22", "date")]),
    # spans cut to what the gold reports
    ("Zelenskyy will speak with Macron later Thursday.", THU,
     [("Thursday", "2022-02-03", "date")]),
    ("Macron had a call Wednesday night with Biden.", THU,
     [("Wednesday night", "2022-02-02", "date")]),
    ("Putin heads Thursday night to Beijing.", THU, [("Thursday night", "2022-02-03", "date")]),
    ("They have not met since 2019.", THU, [("2019", "2019", "year")]),
    ("The war games are expected to take place Feb. 10-20.", THU,
     [("Feb. 10-20", "2022-02-10/2022-02-20", "range")]),
    ("The troops could start arriving later this year.", WED,
     [("later this year", "2022", "year")]),
    ("Leaders will meet this weekend in Munich.", WED,
     [("this weekend", "2022-02-19/2022-02-20", "range")]),
    ("He said it in a tweet on February 16, 2022.", date(2022, 2, 17),
     [("February 16, 2022", "2022-02-16", "date")]),
    ("Harris will arrive in Germany tonight.", WED, [("tonight", "2022-02-16", "date")]),
    ("Right now it is unclear what Russia wants.", WED, [("Right now", "2022-02-16", "other")]),
    # clock times, with the day they name
    ("People gathered at 10 a.m. to sing the anthem.", WED,
     [("10 a.m.", "2022-02-16T10:00", "time")]),
    ("INS extended its deadline until 9 a.m. EST Tuesday.", WED,
     [("9 a.m. EST Tuesday", "2022-02-22T09:00", "time")]),
    # a month without a year follows the tense
    ("The book is due to be published in May.", date(2013, 3, 22), [("May", "2013-05", "month")]),
    ("He was fired from his job in July.", date(2013, 3, 22), [("July", "2012-07", "month")]),
    # a shape the rules lack goes to dateparser, anchored on the publication date
    ("The law took effect on March 6th of 2020.", THU,
     [("March 6th of 2020", "2020-03-06", "date")]),
    # "a day after": the day of the event last named
    ("Le Drian spoke Thursday. The announcement came a day after the U.S. said so.", THU,
     [("Thursday", "2022-02-03", "date"), ("a day after", "2022-02-03", "date")]),
    ("Officials met on Tuesday. The next day, troops moved.", WED,
     [("Tuesday", "2022-02-15", "date"), ("The next day", "2022-02-16", "date")]),
    # a bare month in a past-tense clause goes back up to a year; "last" with a day too
    ("The plant had shut down in December.", date(2013, 11, 20),
     [("December", "2012-12", "month")]),
    ("The lease, signed last April 9, runs out soon.", date(2013, 3, 22),
     [("last April 9", "2012-04-09", "date")]),
    ("The merger should close in August.", date(2013, 9, 2), [("August", "2014-08", "month")]),
    # a schedule in the past tense, and a day named in the possessive whose clause says
    # nothing of its own time: the nearest such day ("Sunday's vote", written on Saturday)
    ("The hearing was set to resume Thursday.", date(2022, 2, 5),
     [("Thursday", "2022-02-10", "date")]),
    ("The mayor urged voters to turn out for Sunday's vote.", date(2022, 2, 5),
     [("Sunday", "2022-02-06", "date")]),
    ("The mayor won Sunday's vote.", date(2022, 2, 8), [("Sunday", "2022-02-06", "date")]),
    # a day part after a relative day, the century and decade, a year named before
    ("The council meets tomorrow evening.", WED, [("tomorrow evening", "2022-02-17", "date")]),
    ("Sea levels may rise a metre this century.", WED, [("this century", "20", "other")]),
    ("The mill opened in 1911. Later that year it burned down, and the following year "
     "it was rebuilt.", WED,
     [("1911", "1911", "year"), ("Later that year", "1911", "year"),
      ("the following year", "1912", "year")]),
    ("Later that month the strike ended.", WED, [("Later that month", None, "month")]),
    # without a publication date only absolute values survive
    ("On Wednesday Moscow announced a pullback.", None, [("Wednesday", None, "date")]),
    ("Russia annexed Crimea in 2014.", None, [("2014", "2014", "year")]),
    ("Harris will arrive in Germany tonight.", None, [("tonight", None, "date")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_extract_dates_finds_and_resolves(nlp, text, published, expected):
    assert _mentions(nlp, text, published) == expected


# Not dates: ages, counts, durations, frequencies, the modal "may", a newspaper.
@pytest.mark.parametrize("text", [
    "Anastacia Kuleba, 27, was one of several.",
    "Russia has more than 100,000 troops near the border.",
    "The alliance has not been this strong in the last 30 years.",
    "It is a high-profile annual gathering.",
    "Russia may invade and march on the capital.",
    "The Sun reported the story.",
    "He has 1990 supporters.",
    'Baker said on ABC\'s "This Week" that Iraq must leave.',
    "This is VOA Today.",
    "She told CNN Tuesday that she would not run.",
    "The mayor appeared on “City Desk Friday,” a local programme.",
    "Members of Teamsters Local 1180 walked out.",
    "Investors watched the Nikkei 225 Index fall.",
    "We all hope for a better tomorrow.",
    "These are the classrooms of tomorrow.",
    "Both sides hold to a two-track approach to talks over the past decade.",
])
def test_extract_dates_ignores_what_is_not_a_date(nlp, text):
    assert _mentions(nlp, text, THU) == []


@pytest.mark.parametrize("text", [
    "", " ", "\n\n", "🙂 Thursday 🙂", "On Thursday, Feb. 31, nothing happened.",
    "Saturday" * 50, "in 99999999999999999999", "“Friday",
])
def test_extract_dates_never_crashes_and_keeps_offsets(nlp, text):
    doc = nlp(text)
    for published in (THU, None):
        mentions = extract_dates(doc, published=published)
        assert mentions == sorted(mentions, key=lambda m: (m.start_char, m.end_char))
        for mention in mentions:
            assert text[mention.start_char:mention.end_char] == mention.text


def test_extract_dates_reports_overlapping_candidates_once(nlp):
    text = "Putin heads Thursday night to Beijing, on Feb. 10-20 and in 2014."
    mentions = extract_dates(nlp(text), published=THU)
    spans = [(m.start_char, m.end_char) for m in mentions]
    assert all(end <= start for (_, end), (start, _) in zip(spans, spans[1:], strict=False))
    assert [m.text for m in mentions] == ["Thursday night", "Feb. 10-20", "2014"]
