"""Candidate name spans: NER spans cleaned and joined, rule spans from resources.

The model misses institutions ("the Kremlin", "Russia's Defense Ministry"),
splits names ("Ursula von der" + "Leyen") and tags ordinary words in headlines
(headlines.py); these spans fix that before any name is typed.
"""

from __future__ import annotations

import functools
import re

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..labels import NER_KIND, WEAK_LABELS
from ..lexicon.gazetteer import lookup
from ..lexicon.words import (
    demonyms,
    honorifics,
    name_particles,
    non_entities,
    org_suffixes,
    organizations,
    place_suffixes,
    title_words,
)
from .base import RULE_MINISTRY, RULE_ORG, Candidate
from .headlines import headline_filter
from .tables import table_teams

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_MINISTRY = re.compile(
    r"(?:\b(?P<owner>[A-Z][\w.]*(?: [A-Z][\w.]*)?)(?:'s|’s) |\b(?P<adj>[A-Z][\w.]+) )?"
    r"(?P<body>\b(?:[A-Z][a-z]+ (?:and )?){1,3}Ministry\b"
    r"|\bMinistry of(?: the)? [A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+){0,2})"
)


def find_candidates(doc: Doc) -> list[Candidate]:
    """Cleaned NER spans and rule spans, without overlaps or headline noise, in text order."""
    ner = []
    ents = doc.ents  # a property that builds new Spans on every read: read it once
    for ent in ents:
        if ent.label_ not in NER_KIND and ent.label_ not in WEAK_LABELS:
            continue
        ner.extend(Candidate(span, ent.label_) for span in _clean(doc, ent)
                   if _is_name(span))
    ner = _absorb_suffixes(doc, _merge_particles(doc, _join_groups(doc, ents, ner)))
    ner = _with_initials(doc, ner)
    rules = _longest([*_rule_spans(doc), *table_teams(doc, ner)])
    # An NER organization that contains a rule match ("Senate Foreign Relations
    # Committee") is the longer name; any other overlap goes to the rule.
    orgs = [c.span for c in ner if c.label == "ORG"]
    rules = [r for r in rules if not any(_contains(org, r.span) and len(org) > len(r.span)
                                         for org in orgs)]
    taken = {i for c in rules for i in range(c.span.start, c.span.end)}
    ner = [c for c in ner if taken.isdisjoint(range(c.span.start, c.span.end))]
    return sorted(headline_filter(doc, [*rules, *ner]), key=lambda c: c.span.start)


_INITIALS = re.compile(
    r"(?<![\w.])(?:[A-Z]\.){1,3} ?[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]+)?(?![\w-])")


def _with_initials(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"M. Waugh", "K.T. Arasu": initials before a capitalised word make a person's name."""
    out = list(cands)
    for match in _INITIALS.finditer(doc.text):
        span = doc.char_span(match.start(), match.end())
        if span is None or _is_title_word(span[-1].text) or span[-1].text in demonyms():
            continue
        overlapping = [c for c in out if c.span.start < span.end and span.start < c.span.end]
        if all(c.span.start >= span.start and c.span.end <= span.end for c in overlapping):
            out = [c for c in out if c not in overlapping]
            out.append(Candidate(span, "PERSON"))
    return out


def _join_groups(doc: Doc, ents: tuple[Span, ...], cands: list[Candidate]) -> list[Candidate]:
    """"Senate" + "Republicans": a body followed by its members is one named group."""
    out: list[Candidate] = []
    for ent in ents:
        if ent.label_ != "NORP" or ent.start == 0 or not ent.text.endswith("s"):
            continue
        before = next((c for c in cands if c.span.end == ent.start and c.label == "ORG"), None)
        if before is not None:
            out.append(Candidate(doc[before.span.start:ent.end], "ORG"))
    joined = {c.span.start for c in out}
    return [*(c for c in cands if c.span.start not in joined), *out]


def _absorb_suffixes(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"the Washington| Post|", "Maidan| Square|": a name the NER cut before the word
    that says what it names (an organization or place suffix) gets that word back."""
    starts = {c.span.start for c in cands}
    out = []
    for cand in cands:
        end = cand.span.end
        if (cand.label != "PERSON" and end < len(doc) and end not in starts
                and doc[end].is_title and not doc[end].ent_type_
                and doc[end].text in org_suffixes() | place_suffixes()
                and not (end + 1 < len(doc) and doc[end + 1].is_title)):  # "House Press Secretary"
            cand = Candidate(doc[cand.span.start:end + 1], cand.label)
        out.append(cand)
    return out


def _contains(outer: Span, inner: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _is_name(span: Span) -> bool:
    """Not a demonym ("Russian", "Ukrainians"), not a bare title word ("Defense", "Press")
    and no editor's brackets inside ("[W]e", a quotation's changed letter)."""
    text = span.text
    if "[" in text or "]" in text:
        return False
    if span.label_ == "NORP" or text in demonyms() or text.rstrip("s") in demonyms():
        return False
    if text in non_entities():
        return False
    return not all(_is_title_word(t.text) for t in span)


def _clean(doc: Doc, ent: Span) -> list[Span]:
    """Trim "the", titles, possessives and punctuation; split at brackets, line breaks and
    inner possessives ("State Council 's Port Office")."""
    pieces: list[Span] = []
    start = ent.start
    for i in range(ent.start, ent.end + 1):
        text = doc[i].text if i < ent.end else ""  # one Token object per position
        if (i == ent.end or text in "()[]" or "\n" in text
                or (text in {"'s", "’s"} and i - start >= 2 and ent.end - i > 2)):
            piece = _trim(doc, start, i, ent.label_)
            if piece is not None:
                pieces.append(piece)
            start = i + 1
    return pieces


def _trim(doc: Doc, start: int, end: int, label: str) -> Span | None:
    while start < end and _leading_junk(doc[start]):
        start += 1
    while end > start and _trailing_junk(doc[end - 1], label):
        end -= 1
    if label == "PERSON":
        while end - start > 1 and _is_title_word(doc[start].text):
            start += 1
        while start > 0 and _first_name_before(doc[start - 1]):
            start -= 1
    if start >= end or not any(t.text[:1].isupper() or t.is_digit for t in doc[start:end]):
        return None
    return doc[start:end]


def _first_name_before(token: Token) -> bool:
    """"Oleksii |Reznikov|": the model often leaves out an unfamiliar first name."""
    return (token.pos_ == "PROPN" and token.is_title and not token.ent_type_
            and not _is_title_word(token.text) and token.text.isalpha())


def _leading_junk(token: Token) -> bool:
    """Punctuation and articles before a name: "the Kremlin", "a Mitt Romney"."""
    return (token.is_punct or token.lower_ == "the" or token.text in {"a", "an"}
            or token.is_space or token.text in {"@", "#"})


def _trailing_junk(token: Token, label: str) -> bool:
    """Punctuation, a possessive, a score or a common noun at the end of a name:
    "Philadelphia Eagles 37-10", "Interfax news agency". People's names never end in a number."""
    text = token.text
    if token.is_punct or text in _POSSESSIVE or token.is_space:
        return True
    if text.islower() and text.isalpha() and text not in name_particles():
        return True
    if label == "PERSON":
        return any(c.isdigit() for c in text)
    return bool(re.fullmatch(r"\d+-\d+", text))


@functools.lru_cache(maxsize=65536)  # pure; asked for every word of every PERSON span
def _is_title_word(text: str) -> bool:
    word = text.casefold()
    return word in title_words() or word.rstrip(".") in honorifics() or text in demonyms()


def _merge_particles(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Join "Ursula von der" + "Leyen": a name ending (or followed) by particles."""
    cands = sorted(cands, key=lambda c: c.span.start)
    merged: list[Candidate] = []
    for cand in cands:
        prev = merged[-1] if merged else None
        if prev and _joinable(doc, prev.span, cand.span):
            label = "PERSON" if "PERSON" in (prev.label, cand.label) else prev.label
            merged[-1] = Candidate(doc[prev.span.start:cand.span.end], label)
        else:
            merged.append(cand)
    return merged


def _joinable(doc: Doc, left: Span, right: Span) -> bool:
    between = doc[left.end:right.start]
    if len(between) > 2:  # first: reading every word up to the next name was the cost
        return False
    words = [*(t.text for t in left[-2:]), *(t.text for t in between)]
    has_particle = any(w in name_particles() for w in words[-3:])
    return (has_particle and all(t.text in name_particles() for t in between)
            and "\n" not in doc.text[left.end_char:right.start_char])


def _rule_spans(doc: Doc) -> list[Candidate]:
    found = [Candidate(doc[s:e], RULE_ORG) for _, s, e in _org_matcher(doc.vocab)(doc)]
    text = doc.text
    # Every match holds the word "Ministry"; the scan tries every character, so skip it without.
    for match in _MINISTRY.finditer(text) if "Ministry" in text else ():
        owner = match.group("owner") or match.group("adj")
        start = match.start() if owner and _is_country_word(owner) else match.start("body")
        span = doc.char_span(start, match.end(), alignment_mode="expand")
        if span is not None:
            found.append(Candidate(span, RULE_MINISTRY))
    return _longest(found)


def _is_country_word(word: str) -> bool:
    return word in demonyms() or any(p.kind == "country" for p in lookup(word))


def _longest(cands: list[Candidate]) -> list[Candidate]:
    chosen: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (-len(c.span), c.span.start)):
        if all(cand.span.end <= c.span.start or cand.span.start >= c.span.end for c in chosen):
            chosen.append(cand)
    return chosen


@functools.cache
def _org_matcher(vocab: Vocab) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr="ORTH")
    from spacy.tokens import Doc as _Doc

    patterns = []
    for name in organizations():
        words = name.split()
        patterns.append(_Doc(vocab, words=words, spaces=[True] * (len(words) - 1) + [False]))
    matcher.add("ORG", patterns)
    return matcher
