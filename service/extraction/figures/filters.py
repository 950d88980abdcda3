"""Number phrases that are no figures: dates, clock times, names, identifiers, pronoun "one"."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..labels import DATE_LABELS, NAME_LABELS
from . import resources as res
from .base import NumberSpan, token_after, token_before
from .numerals import scales, units
from .units import Reading, number_root

_LASTING = frozenset({"duration", "age"})  # kinds a DATE/TIME entity may hold
# Text that only looks numeric: links, handles, phones, versions and IPs, clock times,
# numeric dates, codes glued to letters ("COVID-19", "F-16", "G7", "MH17", "5G").
_IDENTIFIER = re.compile(
    r"https?://\S+|www\.\S+|[@#]\w+|\S+@\S+\.\w+"
    r"|\+\d[\d ()/.-]{6,}\d|\(\d{2,4}\)\s?\d{3}[-.\s]\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b"
    r"|\b\d+(?:\.\d+){2,}\b|\b\d{1,2}:\d{2}(?::\d{2})?\b"
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b[A-Za-z]+-?\d+[A-Za-z\d]*(?:-\d+[A-Za-z\d]*)*"
    r"|\b\d+[ADEG-JLN-SU-Z]\b"  # "5G", "3D"; not the scales K, M, B, T nor 30C, 86F
    r"|(?<![\d.,])0\d+(?![.,]?\d)"  # serial numbers written with leading zeros: "001"
)


# The e-mail branch is the slow one (from every character it runs to the end of the word
# and back); in a text without "@" it cannot match, so such texts are scanned without it.
_IDENTIFIER_NO_AT = re.compile(_IDENTIFIER.pattern.replace(r"|\S+@\S+\.\w+", "", 1))


def identifier_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the text that no figure may overlap."""
    text = doc.text
    pattern = _IDENTIFIER if "@" in text else _IDENTIFIER_NO_AT
    return [m.span() for m in pattern.finditer(text)]


def is_excluded(doc: Doc, span: NumberSpan, reading: Reading,
                identifiers: list[tuple[int, int]], ents: tuple[Span, ...]) -> bool:
    """True when the phrase is not a quantity the SPEC counts as a figure.

    ``ents`` is ``doc.ents``, read once by the caller: spaCy builds new Spans on every access.
    """
    if any(start < span.end_char and span.start_char < end for start, end in identifiers):
        return True
    first = doc[span.start if span.currency is None else _number_start(doc, span)]
    if span.vague:
        return _in_name(ents, span, first)
    return (_in_name(ents, span, first) or _named_number(doc, span, first)
            or _labelled(doc, first) or list_marker(doc.text, span)
            or _hyphen_modifier(doc, span)
            or (reading.kind not in _LASTING and _is_date_or_time(doc, ents, span, first, reading))
            or _pronoun_one(doc, span, first))


def _number_start(doc: Doc, span: NumberSpan) -> int:
    i = span.start
    while i < span.end - 1 and not any(c.isdigit() for c in doc[i].text):
        i += 1
    return i


def _in_name(ents: tuple[Span, ...], span: NumberSpan, first: Token) -> bool:
    """Inside a proper name the NER found: "Nord Stream 2", "Group of Seven"."""
    return any(ent.label_ in NAME_LABELS and _has_words(ent)
               for ent in _entities(ents, first.i, span.end))


def _entities(ents: tuple[Span, ...], start: int, end: int) -> list[Span]:
    return [ent for ent in ents if ent.start < end and start < ent.end]


def _has_words(ent: Span) -> bool:
    """A name has a word that is no number or currency ("-1" or "GBP 350" tagged ORG is none)."""
    return any(t.is_alpha and t.lower_ not in units() and t.lower_ not in scales()
               and t.text not in res.currencies() for t in ent)


def _named_number(doc: Doc, span: NumberSpan, first: Token) -> bool:
    """ "the Big Three", "Voyager 2": a capitalised number word inside a sentence, or digits
    glued to the proper noun before them (unless they count the noun after them)."""
    if first.lower_ in units() or first.lower_ in scales():
        return first.is_title and not first.is_sent_start and _mid_sentence(doc, first.i)
    before = token_before(doc, first.i)
    if _hyphen_name_after(doc, span):
        return True  # "7-Eleven"
    if before is None or span.currency is not None:
        return False
    if before.pos_ != "PROPN" or before.i == first.i - 1 and not before.whitespace_ \
            or _calendar(before) == "month":
        return False
    root = number_root(doc, span)
    return not (root.dep_ == "nummod" and root.head.i >= span.end)


def model_number(doc: Doc, span: NumberSpan) -> bool:
    """ "Boeing 737", "Airbus A380": three or more digits right after a proper noun."""
    if span.end - span.start != 1 or not doc[span.start].text.isdigit() \
            or len(doc[span.start].text) < 3:
        return False
    before = token_before(doc, span.start)
    return before is not None and before.pos_ == "PROPN" and _calendar(before) is None


def _hyphen_name_after(doc: Doc, span: NumberSpan) -> bool:
    if span.end + 1 >= len(doc) or doc[span.end].text != "-" or doc[span.end - 1].whitespace_:
        return False
    after = doc[span.end + 1]
    return after.is_title and not doc[span.end].whitespace_


def _mid_sentence(doc: Doc, i: int) -> bool:
    before = token_before(doc, i)
    return before is not None and before.text not in ('"', "“", "‘", "'", ":", "(", "—")


def _labelled(doc: Doc, first: Token) -> bool:
    """ "page 4", "Article 5", "No. 10", "#3": an identifier, not an amount."""
    before = token_before(doc, first.i)
    if before is None:
        return False
    label = before.lower_
    if label == "." and before.i > 0 and not doc[before.i - 1].whitespace_:
        label = doc[before.i - 1].lower_ + "."  # "no. 12" is tokenized "no" "." "12"
    return label in res.word_set("id_labels") or before.text == "#"


def list_marker(text: str, span: NumberSpan) -> bool:
    """ "1. Turn off the lights": the numeral that heads an item of a numbered list.

    It opens its line (after blanks or "(") and a "." or ")" follows it, then a blank.
    """
    line_start = text.rfind("\n", 0, span.start_char) + 1
    if text[line_start:span.start_char].strip(" \t(") or span.currency or span.percent_sign:
        return False
    after = text[span.end_char:span.end_char + 2]
    return len(after) == 2 and after[0] in ".)" and after[1] in " \t"


def _hyphen_modifier(doc: Doc, span: NumberSpan) -> bool:
    """ "a two-track approach", "a three-point plan": a spelled number joined by a hyphen
    to a noun that is no unit, the pair describing the noun after it (a kind, not a count).
    "a six-mile trip" (a unit) and "a 200-page report" (digits) stay figures."""
    if span.end - span.start != 1 or doc[span.start].lower_ not in units():
        return False
    hyphen = span.end
    if hyphen + 2 >= len(doc) or doc[hyphen].text != "-" or doc[hyphen - 1].whitespace_ \
            or doc[hyphen].whitespace_:
        return False
    noun, after = doc[hyphen + 1], doc[hyphen + 2]
    return (noun.lower_ not in res.units() and noun.lower_ not in res.calendar_words()
            and not noun.lower_.endswith("s") and after.pos_ in ("NOUN", "PROPN", "ADJ"))


def _is_date_or_time(doc: Doc, ents: tuple[Span, ...], span: NumberSpan, first: Token,
                     reading: Reading) -> bool:
    """Inside a DATE/TIME entity with a calendar word, next to a month or a clock word, or a year.

    The NER alone is not trusted: it tags bare numbers as DATE when context is short.
    """
    if any(ent.label_ in DATE_LABELS and any(_calendar(t) for t in ent)
           for ent in _entities(ents, span.start, span.end)):
        return True
    nxt = token_after(doc, span.end)
    if nxt is not None and _calendar(nxt) == "clock":
        return True
    before = token_before(doc, first.i)
    if _calendar(before) == "month" or _calendar(nxt) == "month":
        return True
    if span.glued_unit and res.calendar_words().get(span.glued_unit.lower()) == "clock":
        return True  # "2pm"
    if reading.kind != "count":  # "above 1200 degrees", "$2000"
        return False
    return _is_year(doc, span, first) or _year_range_end(doc, first)


def _year_range_end(doc: Doc, first: Token) -> bool:
    """ "2013-14": the second year of a span of years."""
    if first.i < 2 or doc[first.i - 1].text not in ("-", "–"):
        return False
    year = doc[first.i - 2]
    return not year.whitespace_ and bool(re.fullmatch(r"1\d{3}|20\d{2}", year.text))


def _calendar(token: Token | None) -> str | None:
    """month, weekday or clock for a calendar word; "May" and "march" need a capital."""
    if token is None:
        return None
    kind = res.calendar_words().get(token.lower_)
    if kind == "month" and not (token.is_title or "." in token.text):
        return None
    return kind


def _is_year(doc: Doc, span: NumberSpan, first: Token) -> bool:
    """A bare four-digit 1000-2100 is a year unless it counts a plural noun ("1500 troops").

    News style writes counts from 1,000 up with a comma, so the exception stays narrow.
    """
    if span.end - span.start != 1 or span.percent_sign or span.currency is not None:
        return False
    before = token_before(doc, first.i)
    if re.fullmatch(r"\d\d", first.text) and before is not None and before.text in ("’", "'"):
        return True  # "in ’08"
    if not re.fullmatch(r"1\d{3}|20\d{2}|2100", first.text):
        return False
    head = first.head
    # "Trump's 1995 tax filings", "the 2015 deal", "in 2014 midterm elections":
    # a determiner, possessive or preposition before marks a year.
    if before is not None and before.lower_ not in ("than", "about", "around", "over") and (
            before.tag_ in ("POS", "PRP$", "DT", "IN") or before.dep_ == "poss"):
        return True
    return not (first.dep_ in ("nummod", "compound") and head.i > first.i
                and head.tag_ in ("NNS", "NNPS"))


def _pronoun_one(doc: Doc, span: NumberSpan, first: Token) -> bool:
    """ "no one", "one of", "the one", "on the one hand": the pronoun, not the number."""
    if span.end - span.start != 1 or first.lower_ != "one":
        return False
    before = getattr(token_before(doc, first.i), "lower_", "")
    after = getattr(token_after(doc, first.i + 1), "lower_", "")
    head = first.head
    if head.i > first.i and head.lower_ in res.units():
        return False  # "that one mile"
    if before in res.word_set("one_pronoun") or after in ("of", "another"):
        return True
    if first.dep_ != "nummod" or head.i < first.i:
        return True
    return head.lower_ in res.word_set("one_idioms")
