"""Candidate, the name span the named-mention modules pass around, and its labels."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

NER_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "location",
            "LOC": "location", "FAC": "location"}
# Labels the model gives names it does not recognise ("Lara" as PRODUCT): such a
# span joins a person/organization group with the same name but never votes.
WEAK_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "NORP", "LAW"})
RULE_ORG = "rule:organization"
RULE_MINISTRY = "rule:ministry"
RULE_TEAM = "rule:team"
RULE_PERSON = "rule:person"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name span and the label that proposed it (an NER label or a ``rule:`` one)."""

    span: Span
    label: str
