"""Names the article itself presents as made things: products are not actors.

"Tiger, the newest version of the system" and "web browser Safari" set a name
beside a noun for a made thing, and a name only ever written as the modifier of one
("Macintosh computers") names a product line, not its maker
(resources/en/artifact_nouns.txt). The NER often types such names PERSON or ORG.
A person with a title keeps the name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..runtime.lemmas import lemma
from ..wordlists import word_set
from .base import Entity, mention_span


def drop_artifacts(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """The entities less those a mention presents as a product, unless titled."""
    return [e for e in entities if e.roles or not _named_artifact(doc, e)]


def _named_artifact(doc: Doc, entity: Entity) -> bool:
    """One mention set beside a product noun, or every mention a product's modifier
    ("Macintosh computers", "the Quartz user interface")."""
    spans = [s for s in (mention_span(doc, m) for m in entity.mentions) if s is not None]
    if any(_beside_artifact_noun(span) for span in spans):
        return True
    return bool(spans) and all(_modifies_artifact(span) for span in spans)


def _modifies_artifact(span: Span) -> bool:
    """The name is a modifier in a compound whose head names a made thing."""
    token = span.root
    for _ in range(3):
        if token.dep_ not in ("compound", "nmod") or token.head.i < span.end:
            return False
        token = token.head
        if _is_artifact(token):
            return True
    return False


def _beside_artifact_noun(span: Span) -> bool:
    """The name's head has an artifact noun in apposition or as its modifier ("the
    browser Safari"), or is itself in apposition to one ("the browser, Safari")."""
    root = span.root
    for child in root.children:
        # a modifier stands before the name, an apposition after it
        placed = (child.dep_ == "compound" and child.i < span.start
                  or child.dep_ == "appos" and child.i >= span.end and _set_off(child))
        if placed and _is_artifact(child):
            return True
    return root.dep_ == "appos" and root.head.i < span.start and _is_artifact(root.head)


def _set_off(token: Token) -> bool:
    """An apposition proper: its phrase follows a comma or a dash ("Tiger, the version")."""
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].text in (",", "—", "–")


def _is_artifact(token: Token) -> bool:
    if token.pos_ != "NOUN":
        return False
    word = lemma(token).lower()
    if word in word_set("artifact_nouns.txt"):
        return True
    # "the code name for the system": a name given to a thing, not a person's name
    return word == "name" and any(
        c.dep_ == "compound" and c.lower_ == "code" for c in token.children)
