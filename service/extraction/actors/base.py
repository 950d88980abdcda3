"""Entity, an actor in the making that the actor modules build, and a mention's span."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..lexicon.titles import Role
from ..lexicon.words import org_descriptors
from ..records import NamedMention


@dataclass
class Entity:
    """The mentions of one person or organization, with its roles and, for ministries, a key."""

    kind: str
    mentions: list[NamedMention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    key: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        texts = [m.text for m in self.mentions
                 if m.label != "propagated" and m.text not in org_descriptors()] or [
            m.text for m in self.mentions]
        # Most words, then longest, then the first written (index from enumerate, not
        # texts.index: that rescanned the list for every mention).
        best = max(enumerate(texts), key=lambda it: (len(it[1].split()), len(it[1]), -it[0]))
        return best[1]


def mention_span(doc: Doc, m: NamedMention) -> Span | None:
    """The tokens covering a mention, widened to whole tokens; None if there are none."""
    return doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
