"""The NER labels of the English pipeline, grouped as the extractors read them; each group once."""

from __future__ import annotations

# Every label the model gives a name (OntoNotes), as opposed to a number or a date.
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})
# Names that can speak: a quote's speaker is a person or an organization.
SPEAKER_LABELS = frozenset({"PERSON", "ORG"})
# Names whose whole entity span is the words naming a speaker ("the NATO chief" is not).
SPEAKER_NAME_LABELS = SPEAKER_LABELS | {"GPE", "NORP", "FAC"}
# Entity label -> the kind of named mention it votes for (entities/).
NER_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "location",
            "LOC": "location", "FAC": "location"}
# Labels the model gives names it does not recognise ("Lara" as PRODUCT): such a
# span joins a person/organization group with the same name but never votes.
WEAK_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "NORP", "LAW"})
DATE_LABELS = frozenset({"DATE", "TIME"})
# Amounts a figure may be read from when the token rules missed them.
AMOUNT_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Every label of a number or a date.
NUMERIC_LABELS = DATE_LABELS | AMOUNT_LABELS | {"ORDINAL"}
