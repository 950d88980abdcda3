"""Temporal expressions in the story, resolved on the calendar against the publication date.

Candidates come from the model's DATE and TIME entities, cut to the words that name
the time ("later Thursday" -> "Thursday", "in 2019" -> "2019"), and from the rule
patterns of resources/en/date_patterns.txt for what the small model misses or cuts
short ("Thursday night", "now", "a day after", "10 a.m."). rules.resolve
gives each candidate its value; the one thing it needs from the sentence, the tense,
comes from tense.clause_tense. Candidates it cannot resolve (ages, "annual",
durations), counts ("1990 supporters") and titles (ABC's "This Week") are not dates
and are dropped; of overlapping ones the longest wins. dateparser is the fallback for
the rare entity naming a month in a shape the rules lack, cached per (text, anchor).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import dateparser
from spacy.tokens import Doc

from ..labels import DATE_LABELS
from ..records import DateMention
from ..wordlists import entries
from . import rules
from .nondates import is_not_date
from .tense import clause_tense

logger = logging.getLogger(__name__)

# Words an entity may start with that the gold span leaves out ("in 2019" -> "2019").
_LEADING = re.compile(r"^(?:(?:in|on|at|by|since|until|till|from|during|through|throughout|"
                      r"of|as of|for|around|about|between)\s+)+", re.IGNORECASE)
# "later Thursday": the weekday is the mention; "later this year" stays whole.
_LATER = re.compile(r"^(?:later|earlier)\s+(?=[A-Z][a-z]+day\b)")

Span = tuple[int, int]
_WORD_START = r"(?<![\w-])"  # every date pattern opens with it


def extract_dates(doc: Doc, *, published: date | None) -> list[DateMention]:
    """Return every calendar expression in ``doc`` with its ISO value, anchored on ``published``.

    Without ``published`` relative expressions ("Thursday", "tonight") get value None;
    absolute ones ("2014", "February 16, 2022") keep their value.
    """
    text = doc.text
    resolved: list[tuple[Span, rules.Resolution]] = []
    for start, end in _find_candidates(doc, text):
        resolution = _resolve_span(doc, text, start, end, published)
        if resolution is not None:
            resolved.append(((start, end), resolution))
    chosen = _longest_first(resolved)
    logger.debug("dates: %d resolved candidates, %d kept", len(resolved), len(chosen))
    records: list[DateMention] = []
    for (start, end), res in chosen:
        value = res.value
        if res.refers is not None:
            value = _anaphoric_value(records, res.refers, res.narrative or 0)
        elif res.narrative is not None and published is not None:
            value = _narrative_day(records, published, res.narrative)
        records.append(DateMention(text[start:end], start, end, value, res.kind))
    return records


# --- candidates ---------------------------------------------------------------------------

def _find_candidates(doc: Doc, text: str) -> set[Span]:
    # ``text`` is doc.text, passed along: spaCy rebuilds that string on every access.
    spans = {span for ent in doc.ents if ent.label_ in DATE_LABELS
             if (span := _trim(text, ent.start_char, ent.end_char))}
    return spans | set(_rule_spans(text))


def _trim(text: str, start: int, end: int) -> Span | None:
    """Cut an entity to the words naming the time: no preposition, no line break."""
    piece = text[start:end]
    newline = piece.find("\n")
    if newline >= 0:
        piece = piece[:newline]
    lead = _LEADING.match(piece) or _LATER.match(piece)
    while lead and lead.end():
        start += lead.end()
        piece = piece[lead.end():]
        lead = _LEADING.match(piece) or _LATER.match(piece)
    stripped = piece.rstrip(" \t,;:")
    for suffix in ("'s", "’s"):
        stripped = stripped.removesuffix(suffix)
    return (start, start + len(stripped)) if stripped.strip() else None


def _rule_spans(text: str) -> list[Span]:
    spans = []
    starts = [m.start() for m in _any_pattern().finditer(text)]
    for pattern in _patterns():
        for match in _matches(pattern, text, starts):
            group = "x" if "x" in pattern.groupindex and match["x"] else 0
            start, end = match.span(group)
            if _names_capitalised(text[start:end]):
                spans.append((start, end))
    return spans


def _matches(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying only ``starts``, the places where some pattern
    matches: the leftmost matches that do not overlap (none is empty: each names a time)."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            yield match
            end = match.end()


@functools.cache
def _any_pattern() -> re.Pattern[str]:
    """Zero-width, where any of ``_patterns()`` matches. The engine tries a pattern that opens
    with a lookbehind at every character of the text: one scan for all of them, then each
    pattern only where this one matched, takes a third less time than a scan per pattern."""
    bodies = [p.pattern.removeprefix(_WORD_START) for p in _patterns()]
    combined = rf"{_WORD_START}(?=(?:{'|'.join(bodies)}))"
    # Group names may not repeat in one pattern; the groups matter only in each pattern's own.
    return re.compile(combined.replace("(?P<x>", "(?:"), re.IGNORECASE)


def _names_capitalised(piece: str) -> bool:
    """Month and weekday names are capitalised in news copy; "may" and "march" are not dates."""
    names = _calendar_names()
    return all(word[0].isupper() for word in re.findall(r"[A-Za-z]+", piece)
               if word.lower() in names)


@functools.cache
def _calendar_names() -> frozenset[str]:
    cal = rules.calendar()
    return frozenset(cal.months) | frozenset(cal.weekdays)


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """Compile resources/en/date_patterns.txt with the calendar words filled in."""
    cal = rules.calendar()
    fill = {
        "{MONTH}": _abbreviated_alternation(cal.months, r"\.?"),
        "{MONTHNAME}": rules.alternation(_full_names(cal.months)),
        "{WEEKDAY}": _abbreviated_alternation(cal.weekdays, r"\."),
        "{DAYPART}": rules.alternation(cal.dayparts),
        "{SEASON}": rules.alternation(cal.seasons),
        "{NUMBER}": rules.alternation(cal.numbers),
        "{HOLIDAY}": rules.alternation(rules.holidays()),
    }
    compiled = []
    for line in entries("date_patterns.txt"):
        for key, words in fill.items():
            line = line.replace(key, f"(?:{words})")
        compiled.append(re.compile(rf"{_WORD_START}(?:{line})(?![\w-])", re.IGNORECASE))
    return tuple(compiled)


def _full_names(table: dict[str, int]) -> list[str]:
    """The longest word per number: "september", not "sept" or "sep"."""
    best: dict[int, str] = {}
    for word, number in table.items():
        if len(word) > len(best.get(number, "")):
            best[number] = word
    return list(best.values())


def _abbreviated_alternation(table: dict[str, int], dot: str) -> str:
    """Full names, or abbreviations followed by ``dot`` ("Sun" alone is a newspaper)."""
    full = _full_names(table)
    short = sorted((w for w in table if w not in full), key=len, reverse=True)
    return "|".join([rules.alternation(full), *(re.escape(w) + dot for w in short)])


# --- resolution ---------------------------------------------------------------------------

def _resolve_span(doc: Doc, text: str, start: int, end: int,
                  published: date | None) -> rules.Resolution | None:
    if is_not_date(doc, text, start, end, published):
        return None
    piece = text[start:end]
    tense = clause_tense(doc, text, start, end)
    resolution = rules.resolve(piece, published, tense=tense)
    if resolution is None and published is not None:
        value = _fallback_value(piece, published, tense == "future")
        if value:
            resolution = rules.Resolution(value, "date")
    return resolution


def _longest_first(
    resolved: list[tuple[Span, rules.Resolution]],
) -> list[tuple[Span, rules.Resolution]]:
    """Of overlapping candidates keep the longest (then the earliest); sorted by offset."""
    ordered = sorted(resolved, key=lambda item: (item[0][0] - item[0][1], item[0][0]))
    kept: list[tuple[Span, rules.Resolution]] = []
    for (start, end), res in ordered:
        if all(end <= s or start >= e for (s, e), _ in kept):
            kept.append(((start, end), res))
    return sorted(kept, key=lambda item: item[0])


def _narrative_day(records: list[DateMention], published: date, offset: int) -> str:
    """``offset`` days from the last day named before (the story's current day)."""
    current = next((date.fromisoformat(r.value) for r in reversed(records)
                    if r.kind == "date" and r.value and len(r.value) == 10), published)
    return (current + timedelta(days=offset)).isoformat()


def _anaphoric_value(records: list[DateMention], unit: str, step: int) -> str | None:
    """The year ("2014") or month ("2014-03") of the last date named before, moved ``step``
    units; None when no date before names one."""
    shape = re.compile(r"\d{4}(?!\d)" if unit == "year" else r"\d{4}-\d\d(?!\d)")
    named = next((found[0] for r in reversed(records)
                  if r.value and (found := shape.match(r.value))), None)
    if named is None or unit == "year":
        return named and f"{int(named) + step:04d}"
    index = int(named[:4]) * 12 + int(named[5:7]) - 1 + step
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@functools.lru_cache(maxsize=512)
def _fallback_value(piece: str, published: date, future: bool) -> str | None:
    """dateparser for the rare written-out shape the rules lack; only texts naming a month."""
    words = set(re.findall(r"[a-z]+", piece.lower()))
    if not words & set(_full_names(rules.calendar().months)):
        return None
    parsed = dateparser.parse(
        piece,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime.combine(published, datetime.min.time()),
            "PREFER_DATES_FROM": "future" if future else "past",
            "STRICT_PARSING": True,
        },
    )
    return parsed.date().isoformat() if parsed else None
