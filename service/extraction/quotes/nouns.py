"""The head nouns of speaker descriptions (resources/en/speaker_nouns.txt), read once."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from ..runtime.lemmas import lemma
from ..wordlists import entries


@dataclass(frozen=True, slots=True)
class SpeakerNoun:
    """A head noun of speaker descriptions (resources/en/speaker_nouns.txt)."""

    kind: str  # person | organization | document
    gender: str | None  # "m" | "f" for nouns with a gender ("mother", "businessman")
    proxy: bool  # speaks for someone else ("spokesman")


@functools.cache
def speaker_nouns() -> dict[str, SpeakerNoun]:
    """Head nouns of speaker descriptions -> what they tell about the speaker."""
    table = {}
    for line in entries("speaker_nouns.txt"):
        parts = line.split()
        if len(parts) >= 2:
            gender = parts[2] if len(parts) > 2 and parts[2] in {"m", "f"} else None
            table[parts[0]] = SpeakerNoun(parts[1], gender, "proxy" in parts[2:])
    return table


def noun_of(token: Token) -> SpeakerNoun | None:
    """The speaker noun ``token`` is, by its lemma or its own form."""
    nouns = speaker_nouns()
    return nouns.get(lemma(token).lower()) or nouns.get(token.lower_)
