"""People and organizations: one actor per entity, with aliases, titles, affiliation, salience."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .actor_base import Entity, mention_span
from .actor_resources import org_descriptors, organizations
from .actor_roles import find_roles, link_descriptions
from .aliases import acronym_of, name_key, person_tokens, similar, surname
from .gazetteer import lookup
from .records import Actor, ActorMention, NamedMention
from .titles import country_of, role_after, role_before

_ACTOR_KINDS = frozenset({"person", "organization"})
_SPEECH = frozenset({"say", "tell", "add", "tweet", "write", "announce", "warn", "state",
                     "declare", "insist", "claim", "note", "accuse", "deny", "urge"})
_MINISTRY_FIELD = re.compile(
    r"(?:(?P<owner>.+?)'s )?Ministry of(?: the)? (?P<after>.+)|(?P<before>.+?) Ministry")


def extract_actors(doc: Doc, *, mentions: list[NamedMention]) -> list[Actor]:
    """Group person and organization mentions into entities and describe each one."""
    items = sorted((m for m in mentions if m.kind in _ACTOR_KINDS),
                   key=lambda m: (m.start_char, m.end_char))
    if not items:
        return []
    people = _cluster_people(doc, [m for m in items if m.kind == "person"])
    orgs = _cluster_orgs(doc, [m for m in items if m.kind == "organization"])
    for entity in people:
        entity.roles = find_roles(doc, entity)
    link_descriptions(doc, people)
    return _to_records(doc, people + orgs)


# --- people ------------------------------------------------------------------------


def _cluster_people(doc: Doc, mentions: list[NamedMention]) -> list[Entity]:
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
        entity = _pick_by_surname(doc, m, full) or next(
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

    def last_before(entity: Entity) -> int:
        return max((x.start_char for x in entity.mentions if x.start_char < m.start_char),
                   default=-1)

    best = max(candidates, key=last_before)
    if last_before(best) >= 0:
        return best
    return min(candidates, key=lambda e: e.mentions[0].start_char)


def _surname_matches(text: str, entity: Entity) -> bool:
    words = name_key(text).split()
    for m in entity.mentions:
        last = name_key(surname(m.text)).split()
        if len(last) == len(words) and all(similar(a, b) for a, b in
                                           zip(words, last, strict=True)):
            return True
    return False


# --- organizations -------------------------------------------------------------------


def _cluster_orgs(doc: Doc, mentions: list[NamedMention]) -> list[Entity]:
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
    for entity in sorted(entities, key=lambda e: -len(e.name)):
        target = next((t for t in merged if _same_org(doc, entity, t)), None)
        if target is None:
            merged.append(entity)
        else:
            target.mentions.extend(entity.mentions)
            target.mentions.sort(key=lambda m: m.start_char)
    return merged


def _same_org(doc: Doc, short: Entity, long: Entity) -> bool:
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
    return any(_defines(doc, a, b) for a in long.mentions for b in short.mentions)


def _defines(doc: Doc, long: NamedMention, short: NamedMention) -> bool:
    """"Security Service of Ukraine, or SBU", "CNA (Center for Naval Analyses)"."""
    first, second = sorted((long, short), key=lambda m: m.start_char)
    gap = doc.text[first.end_char:second.start_char]
    return gap.strip() in {"(", ", or", "or", ", also known as", "—"} and (
        second.end_char >= len(doc.text) or len(gap) < 16)


# --- records --------------------------------------------------------------------------


def _to_records(doc: Doc, entities: list[Entity]) -> list[Actor]:
    names = _name_index(entities)
    scored = [(_salience(doc, e, entities), e) for e in entities]
    scored.sort(key=lambda item: (-item[0], item[1].mentions[0].start_char))
    actors = []
    for index, (salience, entity) in enumerate(scored, start=1):
        name = entity.name
        aliases = _aliases(entity, name)
        titles = _titles(entity)
        actors.append(Actor(
            id=f"a{index}", name=name, kind=entity.kind, aliases=aliases, titles=titles,
            affiliation=_affiliation(entity, names),
            mentions=tuple(ActorMention(m.text, m.start_char, m.end_char)
                           for m in sorted(entity.mentions, key=lambda m: m.start_char)),
            salience=salience,
        ))
    return actors


def _aliases(entity: Entity, name: str) -> tuple[str, ...]:
    seen = {name}
    aliases = []
    for m in entity.mentions:
        if m.text not in seen:
            seen.add(m.text)
            aliases.append(m.text)
    return tuple(aliases)


def _titles(entity: Entity) -> tuple[str, ...]:
    seen: set[str] = set()
    titles = []
    for role in entity.roles:
        key = name_key(role.title)
        if key not in seen:
            seen.add(key)
            titles.append(role.title)
    return tuple(titles)


def _name_index(entities: list[Entity]) -> dict[str, Entity]:
    index: dict[str, Entity] = {}
    for entity in entities:
        for m in entity.mentions:
            index.setdefault(name_key(m.text), entity)
    return index


def _affiliation(entity: Entity, names: dict[str, Entity], depth: int = 0) -> str | None:
    if entity.kind == "organization":
        return _org_affiliation(entity)
    for role in entity.roles:
        if role.affiliation:
            other = names.get(name_key(role.affiliation))
            if other is not None and other is not entity and depth < 2:
                if other.kind == "person":
                    return _affiliation(other, names, depth + 1)
                return other.name
            return country_of(role.affiliation)
    return None


def _org_affiliation(entity: Entity) -> str | None:
    if entity.key and entity.key[0] == "ministry":
        return entity.key[1] or None
    for m in entity.mentions:
        known = organizations().get(m.text) or organizations().get(
            m.text.removeprefix("the ").removeprefix("The "))
        if known:
            return known
    return None


def _salience(doc: Doc, entity: Entity, entities: list[Entity]) -> float:
    """First position, frequency and speaking, each in [0, 1]."""
    length = max(len(doc.text), 1)
    most = max(len(e.mentions) for e in entities)
    first = min(m.start_char for m in entity.mentions) / length
    frequency = len(entity.mentions) / most
    speaks = any(_is_speaker(doc, m) for m in entity.mentions)
    return round(0.45 * frequency + 0.35 * (1 - first) + 0.2 * speaks, 3)


def _is_speaker(doc: Doc, m: NamedMention) -> bool:
    span = mention_span(doc, m)
    if span is None:
        return False
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in _SPEECH
