"""Mentions clustered into entities: people by full name and surname, organizations by name."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..lexicon.aliases import (
    acronym_of,
    leading_part,
    name_key,
    person_tokens,
    similar,
    surname,
)
from ..lexicon.gazetteer import lookup
from ..lexicon.titles import country_of, role_after, role_before
from ..lexicon.words import company_suffixes, org_descriptors
from ..records import NamedMention
from .base import Entity, mention_span
from .roles import find_roles

_MINISTRY_FIELD = re.compile(
    r"(?:(?P<owner>.+?)'s )?Ministry of(?: the)? (?P<after>.+)|(?P<before>.+?) Ministry")


# --- people ------------------------------------------------------------------------


def cluster_people(doc: Doc, mentions: list[NamedMention]) -> list[Entity]:
    """Full names first, then surnames to the full name the context points at."""
    full: list[Entity] = []
    short: list[NamedMention] = []
    for m in mentions:
        words = person_tokens(m.text)
        if len(words) > 1 and not _is_surname_of_any(m.text, mentions):
            entity = next((e for e in full if _same_full_name(words, e)), None)
            if entity is None:
                entity = Entity("person")
                full.append(entity)
            entity.mentions.append(m)
        else:
            short.append(m)
    singles: list[Entity] = []
    for m in short:
        entity = _pick_by_surname(doc, m, full) or _pick_by_first_name(m, full) or next(
            (e for e in singles if similar(e.mentions[0].text, m.text)), None)
        if entity is None:
            entity = Entity("person")
            singles.append(entity)
        entity.mentions.append(m)
    return full + singles


def _is_surname_of_any(text: str, mentions: list[NamedMention]) -> bool:
    """"Le Drian" is the surname of "Jean-Yves Le Drian", not a full name of its own."""
    key = name_key(text)
    return any(len(m.text) > len(text) and name_key(surname(m.text)) == key
               and len(person_tokens(m.text)) > len(key.split()) for m in mentions)


def _same_full_name(words: list[str], entity: Entity) -> bool:
    other = person_tokens(entity.mentions[0].text)
    return len(other) == len(words) and all(
        similar(a, b) for a, b in zip(words, other, strict=True))


def _pick_by_surname(doc: Doc, m: NamedMention, full: list[Entity]) -> Entity | None:
    """Two people may share a surname: the context (a title), else the most recent one."""
    candidates = [e for e in full if _surname_matches(m.text, e)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    span = mention_span(doc, m)
    if span is not None and (role_before(doc, span.start) or role_after(doc, span.end)):
        titled = [e for e in candidates if find_roles(doc, e)]
        if len(titled) == 1:
            return titled[0]

    key = name_key(m.text)

    def last_before(entity: Entity) -> int:
        # Mentions with the surname only: after "Melania", a bare "Trump" is not her.
        return max((x.start_char for x in entity.mentions if x.start_char < m.start_char
                    and name_key(x.text).endswith(key)), default=-1)

    best = max(candidates, key=last_before)
    if last_before(best) >= 0:
        return best
    return min(candidates, key=lambda e: e.mentions[0].start_char)


def _pick_by_first_name(m: NamedMention, full: list[Entity]) -> Entity | None:
    """"Chris" alone, when one full name of the article opens with it ("Chris Wallace")."""
    words = person_tokens(m.text)
    opened = [e for e in full if any(leading_part(words, person_tokens(x.text))
                                     for x in e.mentions)]
    return opened[0] if len(opened) == 1 else None


def _surname_matches(text: str, entity: Entity) -> bool:
    words = name_key(text).split()
    for m in entity.mentions:
        last = name_key(surname(m.text)).split()
        if len(last) == len(words) and all(similar(a, b) for a, b in
                                           zip(words, last, strict=True)):
            return True
    return False


# --- organizations -------------------------------------------------------------------


def cluster_orgs(doc: Doc, mentions: list[NamedMention]) -> list[Entity]:
    """Organizations by name, ministries by country and field, then variants merged."""
    entities: list[Entity] = []
    by_key: dict[tuple[str, ...], Entity] = {}
    pending: list[tuple[NamedMention, tuple[str, ...]]] = []
    for m in mentions:
        key = _org_key(doc, m)
        if key[0] == "ministry" and key[1] == "":
            pending.append((m, key))
            continue
        entity = by_key.get(key)
        if entity is None:
            entity = by_key[key] = Entity("organization", key=key)
            entities.append(entity)
        entity.mentions.append(m)
    for m, key in pending:
        _place_bare_ministry(m, key, by_key, entities)
    return _merge_orgs(doc, entities)


def _org_key(doc: Doc, m: NamedMention) -> tuple[str, ...]:
    match = _MINISTRY_FIELD.fullmatch(m.text.replace("’", "'"))
    if m.label != "rule:ministry" or match is None:
        return ("org", name_key(m.text))
    before = match.group("before")
    owner, _, field_words = (before or "").rpartition("'s ")
    if match.group("after"):
        owner, field_words = match.group("owner") or "", match.group("after")
    words = field_words.split()
    if not owner and words and country_of(words[0]) != words[0]:
        owner, words = words[0], words[1:]
    country = country_of(owner) if owner else _sentence_country(doc, m)
    subject = " ".join(words).casefold().replace("defence", "defense")
    return ("ministry", country or "", subject)


def _sentence_country(doc: Doc, m: NamedMention) -> str | None:
    """A bare "the Defense Ministry" belongs to the country its sentence names before it."""
    span = mention_span(doc, m)
    if span is None:
        return None
    for token in reversed(doc[span.sent.start:span.start]):
        country = country_of(token.text)
        if country != token.text or (token.ent_type_ == "GPE" and any(
                p.kind == "country" for p in lookup(token.text))):
            return country
    return None


def _place_bare_ministry(m: NamedMention, key: tuple[str, ...],
                         by_key: dict[tuple[str, ...], Entity], entities: list[Entity]) -> None:
    same = [e for k, e in by_key.items() if k[0] == "ministry" and k[2] == key[2]]
    before = [e for e in same if e.mentions[0].start_char < m.start_char]
    target = (before or same or [None])[-1] if len(same) != 1 else same[0]
    if target is None:
        target = by_key[key] = Entity("organization", key=key)
        entities.append(target)
    target.mentions.append(m)


def _merge_orgs(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """Acronyms, "X, or ACR", suffixes ("Duma"/"State Duma"), descriptors ("Alliance")."""
    merged: list[Entity] = []
    text = doc.text  # Doc.text joins every token on each read: once here, not per pair
    for entity in sorted(entities, key=lambda e: -len(e.name)):
        target = next((t for t in merged if _same_org(text, entity, t)), None)
        if target is None:
            merged.append(entity)
        else:
            target.mentions.extend(entity.mentions)
            target.mentions.sort(key=lambda m: m.start_char)
    return merged


def _same_org(text: str, short: Entity, long: Entity) -> bool:
    if short.key[0] == "ministry" or long.key[0] == "ministry":
        return False
    s, lng = short.name, long.name
    if acronym_of(s, lng):
        return True
    for a, b in ((short, long), (long, short)):
        stands_for = org_descriptors().get(a.name)
        if stands_for and name_key(stands_for) in {name_key(m.text) for m in b.mentions}:
            return True
    s_words, l_words = name_key(s).split(), name_key(lng).split()
    if len(s_words) < len(l_words) and l_words[-len(s_words):] == s_words and len(s) >= 4:
        return True
    if _company_short_form(s, lng):
        return True
    return any(_defines(text, a, b) for a in long.mentions for b in short.mentions)


def _company_short_form(short: str, long: str) -> bool:
    """"Ford" of "Ford Motor Company", "NBC" of "NBC News": a company's name without
    the words that say it is a company."""
    s_words, l_words = short.split(), long.split()
    return (len(s_words) < len(l_words) and l_words[:len(s_words)] == s_words
            and l_words[-1] in company_suffixes())


def _defines(text: str, long: NamedMention, short: NamedMention) -> bool:
    """"Security Service of Ukraine, or SBU", "CNA (Center for Naval Analyses)"."""
    first, second = sorted((long, short), key=lambda m: m.start_char)
    gap = text[first.end_char:second.start_char]
    return gap.strip() in {"(", ", or", "or", ", also known as", "—"} and (
        second.end_char >= len(text) or len(gap) < 16)
