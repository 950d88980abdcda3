"""Speaker mentions back to actors: the pronouns and descriptions quotes resolved to them."""

from __future__ import annotations

from dataclasses import replace

from ..records import Actor, ActorMention, Quote


def link_speaker_mentions(actors: list[Actor], quotes: list[Quote]) -> list[Actor]:
    """Add the pronouns and descriptions the quote resolver linked to each actor's mentions."""
    linked: dict[str, list[ActorMention]] = {}
    for quote in quotes:
        speaker = quote.speaker
        if speaker and speaker.actor and speaker.mention:
            m = speaker.mention
            linked.setdefault(speaker.actor, []).append(
                ActorMention(m.text, m.start_char, m.end_char, kind="title")
            )
    result = []
    for actor in actors:
        known = {(m.start_char, m.end_char) for m in actor.mentions}
        extra = [m for m in linked.get(actor.id, []) if (m.start_char, m.end_char) not in known]
        if extra:
            merged = sorted({(m.start_char, m.end_char): m for m in [*actor.mentions, *extra]}
                            .values(), key=lambda m: m.start_char)
            actor = replace(actor, mentions=tuple(merged))
        result.append(actor)
    return result
