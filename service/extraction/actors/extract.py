"""People and organizations: one actor per entity, with aliases, titles, affiliation, salience."""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon.aliases import name_key
from ..lexicon.titles import country_of
from ..lexicon.words import organizations
from ..records import Actor, ActorMention, NamedMention
from .artifacts import drop_artifacts
from .base import Entity
from .clusters import cluster_orgs, cluster_people
from .roles import find_roles, link_descriptions
from .salience import salience_of

_ACTOR_KINDS = frozenset({"person", "organization"})


def extract_actors(doc: Doc, *, mentions: list[NamedMention]) -> list[Actor]:
    """Group person and organization mentions into entities and describe each one."""
    items = sorted((m for m in mentions if m.kind in _ACTOR_KINDS),
                   key=lambda m: (m.start_char, m.end_char))
    if not items:
        return []
    people = cluster_people(doc, [m for m in items if m.kind == "person"])
    orgs = cluster_orgs(doc, [m for m in items if m.kind == "organization"])
    for entity in people:
        entity.roles = find_roles(doc, entity)
    link_descriptions(doc, people)
    return _to_records(doc, drop_artifacts(doc, people + orgs))


# --- records --------------------------------------------------------------------------


def _to_records(doc: Doc, entities: list[Entity]) -> list[Actor]:
    names = _name_index(entities)
    scored = [(salience_of(doc, e, entities), e) for e in entities]
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
