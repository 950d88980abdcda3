"""One kind per name: mentions grouped by the name they share, each group typed once.

The kind comes from all the evidence a group holds: NER votes, titles, known
institutions, the gazetteer and the syntax around each mention.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Span

from ..labels import NER_KIND, WEAK_LABELS
from ..lexicon.aliases import leading_part, name_key, similar, surname
from ..lexicon.gazetteer import is_place, lookup
from ..lexicon.speech import reporting_lemmas
from ..lexicon.titles import role_after, role_before
from ..lexicon.words import country_short_forms, honorifics, org_suffixes, place_suffixes
from ..runtime.lemmas import lemma
from ..wordlists import entries
from .base import RULE_PERSON, Candidate


@functools.cache
def _place_cues(cue: str) -> frozenset[str]:
    """The words of one cue in resources/en/place_cues.tsv."""
    rows = (line.split("\t") for line in entries("place_cues.tsv"))
    return frozenset(word.strip() for word, kind in rows if kind.strip() == cue)


def group_names(cands: list[Candidate]) -> list[list[Candidate]]:
    """Mentions of one name, with surname-only and variant spellings joined to full names."""
    by_key: dict[str, list[Candidate]] = {}
    for cand in cands:
        by_key.setdefault(name_key(cand.span.text), []).append(cand)
    parent = {key: key for key in by_key}

    def find(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    full_names = [k for k, g in by_key.items() if len(k.split()) > 1 and _personish(g)]
    # Split once: every key is compared with every full name.
    words = {key: key.split() for key in by_key}
    surnames = {full: name_key(surname(full)).split() for full in full_names}
    for key in by_key:
        for full in full_names:
            if key != full and _names_one_person(words[key], words[full], surnames[full]):
                parent[find(key)] = find(full)
    for key, full in _first_names(by_key, full_names, find):
        parent[find(key)] = find(full)
    groups: dict[str, list[Candidate]] = {}
    for key, cands_of_key in by_key.items():
        groups.setdefault(find(key), []).extend(cands_of_key)
    return list(groups.values())


def _first_names(by_key: dict[str, list[Candidate]], full_names: list[str],
                 find: Callable[[str], str]) -> list[tuple[str, str]]:
    """Names that open exactly one full name ("Chris" of "Chris Wallace") and are
    joined to nothing else, nor a place ("Paris" stays apart from "Paris Hilton")."""
    pairs = []
    for key, cands in by_key.items():
        if find(key) != key or any(find(f) == key for f in full_names if f != key):
            continue
        words = key.split()
        opened = {find(f) for f in full_names if f != key and leading_part(words, f.split())}
        if len(opened) == 1 and not is_place(cands[0].span.text):
            pairs.append((key, opened.pop()))
    return pairs


def _personish(group: list[Candidate]) -> bool:
    return any(c.label == "PERSON" for c in group)


def _names_one_person(words: list[str], full_words: list[str], last: list[str]) -> bool:
    """The words of a name key are the full name's (or its surname's), spelling variants aside."""
    if len(words) >= len(full_words):
        return len(words) == len(full_words) and all(
            similar(a, b) for a, b in zip(words, full_words, strict=True))
    return len(words) == len(last) and all(
        similar(a, b) for a, b in zip(words, last, strict=True))


def decide_kind(doc: Doc, group: list[Candidate]) -> str | None:
    """The group's kind by votes ("person", "organization", "location"), or None."""
    if all(c.label in WEAK_LABELS for c in group):
        return None
    score: Counter[str] = Counter()
    for cand in group:
        _vote(doc, cand, score)
    name = max((c.span.text for c in group), key=len)
    last_word = name.split()[-1]
    if (last_word in org_suffixes() or "&" in name.split()) and score["person"] < 3:
        score["organization"] += 3  # "Burkhardt & Associates", "Procter & Gamble"
    if last_word in place_suffixes() and score["person"] < 3:
        score["location"] += 3
    acronym = _is_acronym(name) and name not in country_short_forms()
    labels = Counter(c.label for c in group)
    if acronym and labels["GPE"] + labels["LOC"] <= labels["ORG"]:
        score["organization"] += 2  # "CNA", "BBC"; but "B.C." tagged GPE stays a place
    if _gazetteer_says_place(name, group, acronym) and score["person"] < 3:
        score["location"] += 3
    if not score:
        return None
    # Ties: a full name is a person ("from Rick Halloway"), a lone word a place
    # before a person ("EDMONTON, Ky"); an organization before a place.
    order = ("person", "organization", "location") if len(name.split()) > 1 else (
        "organization", "location", "person")
    return max(order, key=lambda k: score[k])


def _gazetteer_says_place(name: str, group: list[Candidate], acronym: bool) -> bool:
    """A name the gazetteer knows is a place, unless a rule made it an institution or team."""
    if name in country_short_forms():
        return True
    return not acronym and is_place(name) and not any(
        c.label.startswith("rule:") for c in group)


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()


def _vote(doc: Doc, cand: Candidate, score: Counter[str]) -> None:
    span = cand.span
    if cand.label.startswith("rule:"):
        score["person" if cand.label == RULE_PERSON else "organization"] += 10
        return
    kind = NER_KIND.get(cand.label)
    if kind == "organization" and len(span) == 1 and not span.text.isupper():
        score[kind] += 0.5  # the small model tags many lone place names ORG ("Crimea")
    elif kind:
        score[kind] += 1
    if role_before(doc, span.start) or role_after(doc, span.end) or _age_after(doc, span.end):
        score["person"] += 3
    if span.start > 0 and doc[span.start - 1].text.casefold().rstrip(".") in honorifics():
        score["person"] += 3
    score["location"] += _place_syntax(doc, span)
    if kind == "person" and _speaks(span):
        score[kind] += 1  # people speak, places only as stand-ins (the model's ORG
        # for a lone surname speaking is as often a person: no vote either way)
    # Cheapest test first; _pronoun_follows looks up two sentences.
    if _who_follows(doc, span) or _country_follows(doc, span) or _pronoun_follows(doc, span):
        score["person"] += 2


def _country_follows(doc: Doc, span: Span) -> bool:
    """"Urska Horvat ( Slovenia )": a full name with its country in brackets (results lists)."""
    after = doc[span.end:span.end + 3]
    return (1 < len(span) <= 3 and all(t.is_title for t in span) and len(after) == 3
            and after[0].text == "(" and after[2].text == ")"
            and any(p.kind == "country" for p in lookup(after[1].text)))


def _speaks(span: Span) -> bool:
    """"Lara said", "Acme announced": the name is the subject of a verb of speech."""
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and lemma(root.head) in reporting_lemmas()


def _who_follows(doc: Doc, span: Span) -> bool:
    """"Lara, who holds the record": organizations take "which"."""
    end = span.end
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who"


def _pronoun_follows(doc: Doc, span: Span) -> bool:
    """"Stoltenberg said ... . He said": the next sentence's subject is he/she."""
    root = span.root
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    sent = span.sent
    if sent.end >= len(doc):
        return False
    nxt = doc[sent.end].sent
    return any(t.lower_ in {"he", "she"} and t.dep_ in {"nsubj", "nsubjpass"}
               for t in nxt[:4])

def _age_after(doc: Doc, end: int) -> bool:
    """"Anastacia Kuleba, 27," -- the news convention for a person's age."""
    return (end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].like_num
            and doc[end + 2].text == "," and doc[end + 1].text.isdigit()
            and 0 < int(doc[end + 1].text) < 120)


def _place_syntax(doc: Doc, span: Span) -> float:
    root = span.root
    if root.dep_ == "compound" and root.head.lower_ in _place_cues("place_noun"):
        return 3
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in {
            "city", "town", "region", "village", "capital", "province"}:
        return 3
    if any(c.dep_ == "appos" and c.lower_ in _place_cues("place_noun") for c in root.children):
        return 3
    if root.dep_ == "pobj" and root.head.lower_ in _place_cues("spatial"):
        return 1
    if root.dep_ == "pobj" and root.head.lower_ == "to" and \
            lemma(root.head.head) in _place_cues("motion"):
        return 1
    if root.dep_ == "dobj" and lemma(root.head) in _place_cues("place_verb"):
        return 1
    if root.dep_ == "conj" and (root.head.ent_type_ in {"GPE", "LOC"} or is_place(root.head.text)):
        return 1
    return 0
