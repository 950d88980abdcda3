"""A person's roles: titles next to their name, or a nearby description ("the NATO chief")."""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, ENT_TYPE
from spacy.tokens import Doc, Span

from ..lexicon.titles import Role, role_after, role_before
from .base import Entity, mention_span


def find_roles(doc: Doc, entity: Entity) -> list[Role]:
    """The titles before or after each of the entity's mentions, with "of <country>"."""
    roles = []
    for m in entity.mentions:
        span = mention_span(doc, m)
        if span is None:
            continue
        for role in (role_before(doc, span.start), role_after(doc, span.end)):
            if role is not None:
                roles.append(_with_of_country(doc, span, role))
    return roles


def link_descriptions(doc: Doc, people: list[Entity]) -> None:
    """Give an untitled person the role of a nearby description.

    "Stoltenberg said ... . "...," the NATO chief said." -> the last person named;
    "Ukraine's defense minister is urging calm ... Oleksii Reznikov said" -> the next.
    """
    owners = sorted(((m.start_char, e) for e in people for m in e.mentions),
                    key=lambda item: item[0])
    for role, forward in _descriptions(doc):
        if forward:
            near = [e for start, e in owners if start > role.end_char][:1]
        else:
            near = [e for start, e in owners if start < role.start_char][-1:]
        if near and not near[0].roles:
            near[0].roles.append(role)


def _descriptions(doc: Doc) -> list[tuple[Role, bool]]:
    found = []
    for i in _unnamed_subjects(doc):
        token = doc[i]
        first = token.left_edge
        has_the = first.lower_ == "the"
        role = role_before(doc, token.i + 1)
        if role is None or role.end_char != token.idx + len(token):
            continue
        possessive = any(t.text in {"'s", "’s"} for t in doc[first.i:token.i])
        if has_the or possessive:
            found.append((role, possessive and not has_the))
    return found


def _unnamed_subjects(doc: Doc) -> list[int]:
    """Indices of the nsubj/nsubjpass tokens outside any entity, from the DEP and ENT_TYPE
    arrays: a Python pass reading every token's dep_ and ent_type_ was the cost."""
    subject = numpy.array([doc.vocab.strings[d] for d in ("nsubj", "nsubjpass")],
                          dtype=numpy.uint64)
    columns = doc.to_array([DEP, ENT_TYPE])
    return numpy.flatnonzero(numpy.isin(columns[:, 0], subject) & (columns[:, 1] == 0)).tolist()


def _with_of_country(doc: Doc, span: Span, role: Role) -> Role:
    """"President Volodymyr Zelenskyy |of Ukraine|": the country after the name."""
    end = span.end
    if role.affiliation is None and end + 1 < len(doc) and doc[end].lower_ == "of" and (
            doc[end + 1].ent_type_ == "GPE"):
        ent = next((e for e in doc.ents if e.start == end + 1), None)
        if ent is not None:
            return Role(role.title, ent.text, role.start_char, role.end_char)
    return role
