"""Candidate, the name span the named-mention modules pass around, and its rule labels."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

RULE_ORG = "rule:organization"
RULE_MINISTRY = "rule:ministry"
RULE_TEAM = "rule:team"
RULE_PERSON = "rule:person"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name span and the label that proposed it (an NER label or a ``rule:`` one)."""

    span: Span
    label: str
