"""People and organizations, one actor per distinct name."""

from __future__ import annotations

from spacy.tokens import Doc

from .records import Actor, ActorMention, NamedMention

_ACTOR_KINDS = frozenset({"person", "organization"})


def extract_actors(doc: Doc, *, mentions: list[NamedMention]) -> list[Actor]:
    """Group person and organization mentions by exact name."""
    groups: dict[tuple[str, str], list[NamedMention]] = {}
    for mention in mentions:
        if mention.kind in _ACTOR_KINDS:
            groups.setdefault((mention.kind, mention.text), []).append(mention)
    total = max(len(doc), 1)
    actors = []
    for index, ((kind, name), group) in enumerate(
        sorted(groups.items(), key=lambda item: item[1][0].start_char), start=1
    ):
        first = group[0].start_char / max(len(doc.text), 1)
        salience = round(min(1.0, 0.5 * (1 - first) + 0.5 * min(1.0, 20 * len(group) / total)), 3)
        actors.append(
            Actor(
                id=f"a{index}",
                name=name,
                kind=kind,
                mentions=tuple(ActorMention(m.text, m.start_char, m.end_char) for m in group),
                salience=salience,
            )
        )
    return actors
