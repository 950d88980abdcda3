"""Repeats of a typed name that the NER missed, in the body and in ALL-CAPS headlines."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from ..lexicon.aliases import surname
from ..lexicon.gazetteer import is_place
from ..records import NamedMention
from .headlines import HeadlineLines


def propagate(doc: Doc, mentions: list[NamedMention]) -> list[NamedMention]:
    """Other occurrences of a person's or organization's name that the NER missed."""
    text = doc.text  # Doc.text joins every token: read it once
    covered = [False] * (len(text) + 1)
    for m in mentions:
        for i in range(m.start_char, m.end_char):
            covered[i] = True
    found = []
    for form, kind in sorted(_body_forms(mentions).items(), key=lambda item: -len(item[0])):
        for start, end in _word_matches(form, text):
            if any(covered[start:end]):
                continue
            span = doc.char_span(start, end)
            if span is None or not any(t.pos_ == "PROPN" for t in span):
                continue
            for i in range(start, end):
                covered[i] = True
            found.append(NamedMention(form, start, end, kind, "propagated"))
    return found + _propagate_to_headlines(doc, text, mentions, covered)


def _body_forms(mentions: list[NamedMention]) -> dict[str, str]:
    """The names to look for again: full person names, their surnames, organizations."""
    forms: dict[str, str] = {}
    for m in mentions:
        if m.kind == "person" and len(m.text.split()) > 1:
            forms.setdefault(m.text, "person")
            last = surname(m.text)
            if len(last) >= 3 and last[:1].isupper() and not is_place(last):
                forms.setdefault(last, "person")
        elif m.kind == "organization" and len(m.text) >= 3:
            forms.setdefault(m.text, "organization")
    return forms


def _propagate_to_headlines(doc: Doc, text: str, mentions: list[NamedMention],
                            covered: list[bool]) -> list[NamedMention]:
    """"LEEDS ' BOWYER FINED": body names, upper-cased, in ALL-CAPS headline lines."""
    forms: dict[str, str] = {}
    for m in mentions:
        if m.kind in {"person", "organization"} and len(m.text) >= 3 and not is_place(m.text):
            forms.setdefault(m.text.upper(), m.kind)
            if m.kind == "person" and len(m.text.split()) > 1:
                forms.setdefault(surname(m.text).upper(), m.kind)
    found = []
    headlines = HeadlineLines(text)
    for form, kind in sorted(forms.items(), key=lambda item: -len(item[0])):
        for start, end in _word_matches(form, text):
            span = doc.char_span(start, end)
            if span is None or any(covered[start:end]) or not headlines.contains(span):
                continue
            for i in range(start, end):
                covered[i] = True
            found.append(NamedMention(span.text, span.start_char, span.end_char, kind,
                                      "propagated"))
    return found


def _word_matches(form: str, text: str) -> Iterator[tuple[int, int]]:
    """Where ``form`` stands in ``text`` as a whole word (not inside a word or a hyphenation).

    The matches of ``re.finditer(rf"(?<![\\w-]){re.escape(form)}(?![\\w-])", text)``, found
    with str.find: a pattern per name overflowed the regex cache and was compiled anew
    for every name of every article.
    """
    start = text.find(form) if form else -1
    while start >= 0:
        end = start + len(form)
        if _in_word(text, start - 1) or _in_word(text, end):
            start = text.find(form, start + 1)
        else:
            yield start, end
            start = text.find(form, end)


def _in_word(text: str, i: int) -> bool:
    """Regex ``[\\w-]`` at ``i``: \\w is str.isalnum() or "_" (the re module's definition)."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")
