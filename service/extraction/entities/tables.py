"""Team and scorer names in results tables and standings rows, which the model misses."""

from __future__ import annotations

import re

import numpy
from spacy.tokens import Doc, Span

from ..labels import NUMERIC_LABELS
from ..lexicon.gazetteer import is_place, lookup
from ..lexicon.words import country_short_forms
from .base import RULE_PERSON, RULE_TEAM, Candidate

_RANK = re.compile(r"\d+[.=]")
_NUMBER = re.compile(r"[\d.,/:+-]*\d[\d.,/:+-]*")


def table_teams(doc: Doc, ner: list[Candidate]) -> list[Candidate]:
    """Names in results and standings rows ("Liverpool 16 9 4 3 26 14 31") are teams,
    bracketed names with a minute in them ("( Marshall 78 )") are scorers.

    Countries stay places, people stay people (a PERSON span of two words or more,
    a name followed by "( Country )", scorers in brackets), and short all-caps
    column heads ("W L PCT GB") are skipped.
    """
    people: set[tuple[int, int]] | None = None  # built at the first table row: most have none
    teams = []
    text = doc.text
    for line in _lines(doc):
        words = [w for w in text[line.start_char:line.end_char].split()
                 if w not in {"(", ")", ",", "-"}]
        numbers = sum(1 for w in words if _NUMBER.fullmatch(w))
        if (numbers < 2 or numbers * 5 < len(words) * 2 or _NUMBER.fullmatch(words[0])
                or _RANK.fullmatch(words[0]) or _has_country_bracket(doc, line)):
            continue  # "4. Okabe 146", "210 Brett Liddle 75 65 70": people, not teams
        if people is None:
            people = _people(ner)
        for run in _name_runs(doc, line):
            if (run.start, run.end) not in people and _team_like(doc, run):
                teams.append(Candidate(run, RULE_TEAM))
        teams.extend(_scorers(doc, line))
    return teams


def _people(ner: list[Candidate]) -> set[tuple[int, int]]:
    """Token ranges of the PERSON spans of two words or more that name no place."""
    return {(c.span.start, c.span.end) for c in ner
            if c.label == "PERSON" and len(c.span) > 1
            and not any(is_place(t.text) for t in c.span)}  # "Sparta Rotterdam"


def _has_country_bracket(doc: Doc, line: Span) -> bool:
    """"Peter Nicol ( Scotland ) beat ...": a row of individual results."""
    tokens = list(line)
    return any(a.text == "(" and c.text == ")" and any(p.kind == "country" for p in lookup(b.text))
               for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False))


def _lines(doc: Doc) -> list[Span]:
    """The token ranges between line breaks (tokens holding "\\n"; a token's whitespace_
    is " " or "", and only whitespace tokens hold a break, so only those are read)."""
    lines, start = [], 0
    for i in numpy.flatnonzero(doc.to_array("IS_SPACE")).tolist():
        token = doc[i]
        if "\n" in token.text:
            if i > start:
                lines.append(doc[start:i])
            start = i + 1
    if start < len(doc):
        lines.append(doc[start:])
    return lines


def _name_runs(doc: Doc, line: Span, depth_wanted: int = 0) -> list[Span]:
    """Runs of capitalised words at one bracket depth (0: teams, 1: scorers)."""
    runs, start, depth = [], None, 0
    for token in line:
        depth += token.text == "("
        depth -= token.text == ")"
        capital = token.text[:1].isupper() and not _NUMBER.fullmatch(token.text)
        inside = capital and depth == depth_wanted and token.text not in "()"
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            runs.append(doc[start:token.i])
            start = None
    if start is not None:
        runs.append(doc[start:line.end])
    return runs


def _scorers(doc: Doc, line: Span) -> list[Candidate]:
    """"Leicester 1 ( Marshall 78 )": a bracketed name followed by a minute is a player."""
    found = []
    for run in _name_runs(doc, line, depth_wanted=1):
        nxt = doc[run.end] if run.end < len(doc) else None
        if nxt is not None and nxt.like_num and not any(
                p.kind == "country" for p in lookup(run.text)):
            found.append(Candidate(run, RULE_PERSON))
    return found


def _team_like(doc: Doc, run: Span) -> bool:
    text = run.text
    if all(len(t.text) <= 3 and t.text.isupper() for t in run):
        return False
    if any(t.ent_type_ in NUMERIC_LABELS for t in run):
        return False  # "March 01 , 2008", "USD 40"
    if any(p.kind == "country" for p in lookup(text)) or text in country_short_forms():
        return False
    after = doc[run.end:run.end + 3]
    return not (len(after) == 3 and after[0].text == "(" and after[2].text == ")")
