"""Figures: every number that states a quantity, with its value, unit, kind, qualifier and quote."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..records import Figure, Quote
from .base import NumberSpan
from .filters import identifier_ranges, is_excluded, model_number
from .spans import find_number_spans
from .units import Reading, number_root, read_qualifier, read_unit

_RANGE_LINKS = frozenset({"to", "-", "–", "—", "or", "and"})
_AMOUNT_NOUNS = frozenset({"number", "total", "toll", "count", "tally", "figure"})


def extract_figures(doc: Doc, *, quotes: list[Quote]) -> list[Figure]:
    """Return every figure of the article, sorted by offset (see SPEC.md, figures).

    A model number named once ("the Boeing 737") is a name wherever it stands alone
    in the article ("every 737 was grounded"), as long as it counts no noun there.
    """
    identifiers = identifier_ranges(doc)
    ents = doc.ents  # a property that builds new Spans on every read: read it once
    found: list[tuple[NumberSpan, Reading]] = []
    text = doc.text  # Doc.text joins every token: read it once
    models: set[str] = set()
    for span in find_number_spans(doc, ents):
        reading = read_unit(doc, span)
        if not is_excluded(doc, span, reading, identifiers, ents):
            found.append((span, reading))
        elif model_number(doc, span):
            models.add(text[span.start_char:span.end_char])
    found = _fill_missing_units(doc, [
        (span, reading) for span, reading in found
        if reading.unit is not None or text[span.start_char:span.end_char] not in models])
    figures = [_to_record(doc, text, span, reading, quotes) for span, reading in found]
    return sorted(figures, key=lambda f: (f.start_char, f.end_char))


def _to_record(doc: Doc, text: str, span: NumberSpan, reading: Reading,
               quotes: list[Quote]) -> Figure:
    value = span.value
    if value is not None and reading.factor != 1.0:
        value = _tidy(value * reading.factor)
    around = [q for q in quotes if q.start_char <= span.start_char and span.end_char <= q.end_char]
    # the innermost: a partial quote inside an indirect one
    quote = min(around, key=lambda q: q.end_char - q.start_char).id if around else None
    return Figure(text[span.start_char:span.end_char], span.start_char, span.end_char,
                  value, reading.unit, reading.kind, read_qualifier(doc, span), quote)


def _tidy(value: float) -> int | float:
    rounded = round(value, 10)
    return int(rounded) if float(rounded).is_integer() else rounded


def _fill_missing_units(doc: Doc, found: list[tuple[NumberSpan, Reading]]
                        ) -> list[tuple[NumberSpan, Reading]]:
    """Bare numbers borrow a unit: from the other end of a range ("eight to 10 feet"),
    from the subject they measure ("forces ... rise to 30,000"), or from an earlier
    count in the same sentence ("150,000 troops ... estimate of roughly 130,000")."""
    result = list(found)
    for k, (span, reading) in enumerate(result):
        if reading.unit is not None or reading.kind != "count" or span.vague:
            continue
        partner = _range_partner(doc, result, k)
        if partner is not None:
            result[k] = (span, partner)
            continue
        subject = _subject_noun(doc, span)
        if subject is not None:
            result[k] = (span, replace(reading, unit=subject))
            continue
        earlier = _earlier_count(doc, result, k)
        if earlier is not None:
            result[k] = (span, replace(reading, unit=earlier))
    return result


def _range_partner(doc: Doc, found: list[tuple[NumberSpan, Reading]], k: int) -> Reading | None:
    if k + 1 >= len(found):
        return None
    span, (nxt, reading) = found[k][0], found[k + 1]
    between = doc[span.end:nxt.start]
    if len(between) != 1 or between[0].lower_ not in _RANGE_LINKS or reading.unit is None:
        return None
    return reading


def _subject_noun(doc: Doc, span: NumberSpan) -> str | None:
    """ "Russian forces ... are likely to rise to 30,000": the subject of the verb."""
    root = number_root(doc, span)
    if root.dep_ != "pobj" or root.head.lower_ not in ("to", "from", "by", "at"):
        return None
    verb: Token = root.head.head
    for _ in range(3):  # "are likely to rise": climb to the verb that has the subject
        if _subjects(verb) or verb.dep_ not in ("xcomp", "acomp", "conj"):
            break
        verb = verb.head
    subjects = [t for t in _subjects(verb) if t.pos_ == "NOUN"]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.lower_ in _AMOUNT_NOUNS:  # "the number of refugees rose to 5,000"
        objects = [c for p in subject.children if p.lower_ == "of" for c in p.children
                   if c.dep_ == "pobj" and c.pos_ == "NOUN"]
        subject = objects[0] if objects else subject
    return subject.text


def _subjects(verb: Token) -> list[Token]:
    return [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]


def _earlier_count(doc: Doc, found: list[tuple[NumberSpan, Reading]], k: int) -> str | None:
    sentence = doc[found[k][0].start].sent
    for span, reading in reversed(found[:k]):
        if span.start < sentence.start:
            return None
        if reading.kind == "count" and reading.unit is not None and not span.vague:
            return reading.unit
    return None
