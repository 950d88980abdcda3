"""Find the non-content parts of an article without moving a single offset.

News text arrives with a ` date YYYY-MM-DD` header, boilerplate lines
("Advertising"), bylines ("— By Suzan Fraser in Ankara") and photo credits
("(AP/Vadim Ghirda)"). They are not article content, but the response's
offsets must index the text exactly as submitted. So instead of cutting them
out we *mask* them: every masked character becomes a space (newlines stay), and
the masked text, of identical length, is what spaCy sees.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from .lexicon.words import byline_particles
from .records import Byline, TextSpan

_HEADER = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_BOILERPLATE = frozenset(
    {"advertising", "advertisement", "sponsored", "sponsored content", "___", "---",
     "***", "share", "share this article", "related", "read more"}
)
# Possessive (*+): the same matches, without quadratic backtracking over a run of blanks.
_BYLINE_LINE = re.compile(r"^[ \t]*+[—–-]*+[ \t]*+By[ \t]+(?P<body>[^\n]+)$", re.MULTILINE)
# "(AP/Vadim Ghirda)", "(The New York Times/Lynsey Addario)"
_PHOTO_CREDIT = re.compile(r"\((?P<agency>[^()\n/]{1,60})/(?P<name>[^()\n/]{2,80})\)")
# "THE HAGUE, Netherlands (AP) —" at the very start of the content.
# The dash may be an em or en dash, a hyphen or a horizontal bar ("WASHINGTON ―").
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z .'’-]+(?:,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)*)?)"
    r"[ \t]*(?:\([A-Za-z .]+\))?(?:[ \t]*(?:[—–―‒]|--)[—–―‒-]*|[ \t]+-+)[ \t]*"
)
_HEADLINE_LINES = 2  # a dateline may open the paragraph after a headline (and a blank line)
_DATELINE_MAX = 160  # characters: "SAN JUAN CAPISTRANO, California (AP) —" is 40


# The agency of a dateline, "(AP)" in "NEW YORK (AP) —": the publisher, not an actor.
_DATELINE_AGENCY = re.compile(
    r"^(?:[ \t]*date[ \t]+\S+)?[ \t]*[A-Z][A-Z .'’-]+(?:,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)*)?"
    r"[ \t]*(?P<agency>\([A-Za-z][A-Za-z .&-]{0,40}\))[ \t]*(?:[—–―]|--?)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Prepared:
    """What preprocessing learned about one article."""

    text: str  # the input, untouched
    masked: str  # same length as ``text``; non-content characters are spaces
    published: date | None  # from the header line, if any
    dateline: TextSpan | None
    bylines: tuple[Byline, ...]


def prepare(text: str) -> Prepared:
    """Locate header, boilerplate, bylines, credits and dateline in ``text``."""
    chars = list(text)
    published, content_start = _read_header(text, chars)
    bylines = [*_mask_byline_lines(text, chars), *_mask_photo_credits(text, chars)]
    _mask_boilerplate(text, chars)
    for agency in _DATELINE_AGENCY.finditer(text):
        _blank(chars, agency.start("agency"), agency.end("agency"))
    masked = "".join(chars)
    return Prepared(
        text=text,
        masked=masked,
        published=published,
        dateline=_find_dateline(text, content_start),
        bylines=tuple(sorted(bylines, key=lambda b: b.start_char)),
    )


@functools.cache
def _byline_name() -> re.Pattern[str]:
    """A byline name: two to four capitalised words or name particles ("Angela Charlton",
    "Jean-Yves Le Drian", "Ursula von der Leyen")."""
    particles = "|".join(map(re.escape, byline_particles()))
    name = rf"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|{particles})){{1,3}}"
    return re.compile(rf"(?:^|(?<=\band )|(?<=, )|(?<=& ))(?P<name>{name})")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\n\r":
            chars[i] = " "


def _read_header(text: str, chars: list[str]) -> tuple[date | None, int]:
    match = _HEADER.match(text)
    if not match:
        return None, len(text) - len(text.lstrip())
    _blank(chars, 0, match.end())
    try:
        published = date.fromisoformat(match.group(1))
    except ValueError:  # "date 2022-13-45" is a header with no usable date
        published = None
    return published, match.end()


def _mask_boilerplate(text: str, chars: list[str]) -> None:
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.lower() in _BOILERPLATE or (stripped and set(stripped) <= {"_", "-", "*"}):
            _blank(chars, offset, offset + len(line))
        offset += len(line)


def _mask_byline_lines(text: str, chars: list[str]) -> list[Byline]:
    bylines = []
    for line in _BYLINE_LINE.finditer(text):
        body_start = line.start("body")
        first = _byline_name().match(line.group("body"))
        if first is None:
            continue  # "By the end of this year, the Atlanta and St. Louis plants ...": prose
        for name in _byline_name().finditer(line.group("body")):
            start = body_start + name.start("name")
            end = body_start + name.end("name")
            bylines.append(Byline(text[start:end], start, end))
            _blank(chars, start, end)
    return bylines


def _mask_photo_credits(text: str, chars: list[str]) -> list[Byline]:
    bylines = []
    for credit in _PHOTO_CREDIT.finditer(text):
        name = credit.group("name").strip()
        start = credit.start("name") + credit.group("name").index(name)
        bylines.append(Byline(name, start, start + len(name)))
        _blank(chars, credit.start(), credit.end())
    return bylines


def _find_dateline(text: str, content_start: int) -> TextSpan | None:
    """ "THE HAGUE, Netherlands (AP) —" opening the content, or the line after a headline."""
    line_start = content_start
    for _ in range(_HEADLINE_LINES + 1):
        # A dateline is a short line; the regex backtracks cubically over a long run of spaces.
        match = _DATELINE.match(text[line_start:line_start + _DATELINE_MAX])
        if match:
            place = match.group("place").rstrip(" ,")
            if any(c.isupper() for c in place.split(",")[0]) and len(place.split(",")[0]) >= 3:
                start = line_start + match.start("place")
                return TextSpan(place, start, start + len(place))
        newline = text.find("\n", line_start)
        if newline < 0:
            return None
        line_start = newline + 1
        while text.startswith("\n", line_start):
            line_start += 1
    return None
