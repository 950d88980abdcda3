"""Figures: one hand-written case per rule and per exclusion (SPEC.md, figures)."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.extraction.figures.extract import extract_figures
from service.extraction.records import Quote


def _figures(nlp, text: str, quotes: list[Quote] | None = None):
    doc = nlp(text)
    figures = extract_figures(doc, quotes=quotes or [])
    for figure in figures:
        assert text[figure.start_char:figure.end_char] == figure.text
    return figures


def _summary(nlp, text: str) -> tuple:
    return tuple((f.text, f.value, f.unit, f.kind, f.qualifier) for f in _figures(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counts, the unit from the parse
        ("Ukraine has an estimated 100,000 Russian troops massed along its borders.",
         (("100,000", 100000, "troops", "count", "estimated"),)),
        ("The troops mirror the presence of some 5,000 service members in Poland.",
         (("5,000", 5000, "service members", "count", "some"),)),
        ("Russia has added 7000 extra troops to the border.",
         (("7000", 7000, "troops", "count", None),)),
        ("The attacks hit the Defense Ministry and two major banks.",
         (("two", 2, "banks", "count", None),)),
        ("The storm killed 1.5 million chickens.",
         (("1.5 million", 1500000, "chickens", "count", None),)),
        ("Twenty-five people were hurt.", (("Twenty-five", 25, "people", "count", None),)),
        ("He bought a dozen eggs.", (("a dozen", 12, "eggs", "count", None),)),
        ("Police arrested 5,000 of the protesters.",
         (("5,000", 5000, "protesters", "count", None),)),
        ("It has 1 234 567 inhabitants.", (("1 234 567", 1234567, "inhabitants", "count", None),)),
        ("1500 troops arrived.", (("1500", 1500, "troops", "count", None),)),
        ("In 2014 it melted at 1200 degrees.", (("1200", 1200, "degrees", "other", None),)),
        ("More than 1500 troops arrived.", (("1500", 1500, "troops", "count", "more than"),)),
        # percentages
        ("We provide 100% security guarantees.", (("100%", 100, "percent", "percent", None),)),
        ("Prices rose 12 percent last year.", (("12", 12, "percent", "percent", None),)),
        ("They posted gains of eight and fourteen percent.",
         (("eight", 8, "percent", "percent", None), ("fourteen", 14, "percent", "percent", None))),
        ("Support fell by nearly 3.5 percentage points.",
         (("3.5", 3.5, "percentage points", "percent", "nearly"),)),
        # money: ISO code as unit, cents in the main unit
        ("The fund holds $2 billion in cash.", (("$2 billion", 2000000000, "USD", "money", None),)),
        ("They paid €10M for it.", (("€10M", 10000000, "EUR", "money", None),)),
        ("The club spent £5m on him.", (("£5m", 5000000, "GBP", "money", None),)),
        ("Fuel costs 50 cents more.", (("50", 0.5, "USD", "money", None),)),
        ("Russia fined him 3 million rubles.", (("3 million", 3000000, "RUB", "money", None),)),
        ("It sold for HK$ 10.05 billion.",
         (("HK$ 10.05 billion", 10050000000, "HKD", "money", None),)),
        ("The deal is worth about 361 million pounds.",
         (("361 million", 361000000, "GBP", "money", "about"),)),
        # ages
        ("Anastacia Kuleba, 27, was one of several dozen Kyiv residents who came.",
         (("27", 27, "years", "age", None),
          ("several dozen", None, "residents", "count", None))),
        ("A 54-year-old man was detained.", (("54", 54, "years", "age", None),)),
        ("The baby was only ten months old.", (("ten", 10, "months", "age", None),)),
        ("The suspect, aged 19, fled.", (("19", 19, "years", "age", None),)),
        ("They doubted the health of Donald Trump, who is 70.",
         (("70", 70, "years", "age", None),)),
        # distances and other measures
        ("Troops exercised at a base about 60 miles from the border.",
         (("60", 60, "miles", "distance", "about"),)),
        ("The convoy stretched for 5 km.", (("5", 5, "km", "distance", None),)),
        ("It was a six-mile trip.", (("six", 6, "mile", "distance", None),)),
        ("The pipeline carries 500,000 barrels a day.",
         (("500,000", 500000, "barrels a day", "other", None),)),
        ("The parcel weighed 200lbs.", (("200", 200, "lbs", "other", None),)),
        # durations
        ("More troops than at any time in the last 30 years.",
         (("30", 30, "years", "duration", None),)),
        ("Over two days at NATO headquarters, ministers met.",
         (("two", 2, "days", "duration", None),)),
        # qualifiers
        ("Russia now has more than 150,000 troops near Ukraine.",
         (("150,000", 150000, "troops", "count", "more than"),)),
        ("Up to 40 people were missing.", (("40", 40, "people", "count", "up to"),)),
        ("At least 12 civilians died.", (("12", 12, "civilians", "count", "at least"),)),
        ("Now around 150000 troops remain.", (("150000", 150000, "troops", "count", "around"),)),
        ("Over 100 people came.", (("100", 100, "people", "count", "over"),)),
        # vague quantities
        ("Britain is sending hundreds of soldiers to Poland.",
         (("hundreds", None, "soldiers", "count", None),)),
        ("Tens of thousands of people marched.",
         (("Tens of thousands", None, "people", "count", None),)),
        ("Donors gave millions of dollars.", (("millions", None, "USD", "money", None),)),
        # a bare number borrows its unit
        ("Russia has 150,000 troops, up from an estimate of roughly 130,000.",
         (("150,000", 150000, "troops", "count", None),
          ("130,000", 130000, "troops", "count", "roughly"))),
        ("Russian forces in Belarus are likely to rise to 30,000.",
         (("30,000", 30000, "forces", "count", None),)),
        ("The lunch took a half-hour, then 300 passengers boarded the Boeing 747.",
         (("a half", 0.5, "hour", "duration", None), ("300", 300, "passengers", "count", None))),
        ("A six-mile trail and a 90-page report cost USD$ 2 million.",
         (("six", 6, "mile", "distance", None), ("90", 90, "page", "count", None),
          ("USD$ 2 million", 2000000, "USD", "money", None))),
        ("The walls were eight to 10 feet tall.",
         (("eight", 8, "feet", "distance", None), ("10", 10, "feet", "distance", None))),
    ],
)
def test_extract_figures_reads_value_unit_kind_qualifier(nlp, text, expected):
    assert _summary(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Russia annexed Crimea in 2014.",
        "They signed a 2015 peace deal.",
        "Trump's 1995 state tax filings leaked.",
        "Republicans won in 2014 midterm elections.",
        "When I ran in ’08, I lost.",
        "You can't be negotiating billion-dollar deals.",
        "War games take place Feb. 10-20.",
        "The 2013-14 season was long.",
        "People gathered at 10 a.m. to sing.",
        "The meeting starts at 10:30.",
        "It was the second time, and the 3rd attempt.",
        "The 2nd Combined Arms Army moved.",
        "Germany halted the Nord Stream 2 pipeline.",
        "The Group of Seven met.",
        "G7 leaders met.",
        "Call (555) 555-1234 now.",
        "See page 4 of the report.",
        "Allies invoked Article 5 of the treaty.",
        "No one can love our home as we can.",
        "On the one hand, they talk.",
        "It would be one hell of a way to lose.",
        "Experts warned that about half that sum is gone.",
        "Cases of COVID-19 rose.",
        "In the 1990s and the '90s, B-52s flew.",
        "He works 24/7 at a 7-Eleven.",
        "The 5G network uses 3D maps.",
        "Read more at https://t.co/OywpILwnO1 today.",
        # numerals heading the items of a numbered list
        "Tips:\n1. Turn off the lights.\n2) Walk to work.\n (3) Cook at home.",
        # model and product numbers, identifiers
        "The carrier flies the Airbus A350-1000 on that line.",
        "The Boeing 747 first flew in 1969. Pilots loved every 747 they flew.",
        "He took bus no. 44 and then Route 9 home.",
        "The ticket, serial number 007, was found.",
        # a spelled number fused into a descriptive compound
        "They chose a two-pronged strategy and a three-stage plan.",
        "A fifth-grader skated on a half-melted pond.",
        "",
        "   ",
        "😀 🙂",
    ],
)
def test_extract_figures_skips_non_figures(nlp, text):
    assert _figures(nlp, text) == []


def test_extract_figures_keeps_the_quote_id(nlp):
    text = 'Stoltenberg said: "We provide 100% security guarantees." Russia has 5,000 tanks.'
    start = text.index("We")
    quote = Quote("q1", text[start:text.index('."') + 1], start, text.index('."') + 1,
                  "direct", "said")
    figures = _figures(nlp, text, [quote])
    assert [(f.text, f.quote) for f in figures] == [("100%", "q1"), ("5,000", None)]


def test_extract_figures_lists_every_occurrence_in_order(nlp):
    figures = _figures(nlp, "Two banks and two ministries; 3 banks.")
    assert [f.text for f in figures] == ["Two", "two", "3"]
    assert figures == sorted(figures, key=lambda f: (f.start_char, f.end_char))


def test_extract_figures_survives_huge_numbers(nlp):
    text = "They counted " + "9" * 400 + ".5 stars and 7 moons."
    assert [f.text for f in _figures(nlp, text)] == ["7"]


_PIECES = ["1", "2,000", "1 234", "3.5", "½", "1/2", "-4", "10k", "$", "€", "US$", "%", "one",
           "twenty", "-", "five", "hundred", "and", "a", "half", "dozen", "dozens", "of",
           "million", "troops", "miles", "years", "old", ",", ".", "2014", "Feb.", "a.m.",
           "about", "more", "than", "the", "Article", "G7", "’", "\u00a0", "  ", "\n", "😀",
           "point", "minus", "percent", "cents", "(", ")", "“", "”", "aged", "Kuleba"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.lists(st.booleans(), max_size=14))
def test_extract_figures_never_breaks_on_odd_text(nlp, pieces, glue):
    glue = glue + [False] * (len(pieces) - len(glue))
    text = "".join(p + ("" if g else " ") for p, g in zip(pieces, glue, strict=False))
    figures = _figures(nlp, text)
    assert figures == sorted(figures, key=lambda f: (f.start_char, f.end_char))
    for figure in figures:
        assert figure.value is None or math.isfinite(figure.value)
        assert figure.kind in {"count", "percent", "money", "age", "distance", "duration", "other"}
