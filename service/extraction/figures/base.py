"""NumberSpan, the record the figure modules pass around, and whitespace-aware token steps."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .numerals import Number
from .resources import Currency

Tokens = list[Token]  # a Doc's tokens without its whitespace tokens


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """Tokens ``start:end`` of one number phrase and what the phrase itself says."""

    start: int  # first token, a currency symbol included
    end: int
    start_char: int
    end_char: int
    value: Number | None
    vague: bool = False
    currency: Currency | None = None  # from a symbol or code before the number
    glued_unit: str | None = None  # "lbs" in "200lbs"
    percent_sign: bool = False


def token_before(doc: Doc, i: int) -> Token | None:
    """The nearest token before index ``i`` past spaces ("Future\xa045"); None at a line break."""
    i -= 1
    while i >= 0 and _blank(doc[i]):
        i -= 1
    return doc[i] if i >= 0 and not doc[i].is_space else None


def token_after(doc: Doc, i: int) -> Token | None:
    """The token at ``i`` or the first one past spaces; None at a line break or the end.

    A headline's number never reads the dateline on the next line ("falls below 9,000" /
    "October 9, 2008").
    """
    while i < len(doc) and _blank(doc[i]):
        i += 1
    return doc[i] if i < len(doc) and not doc[i].is_space else None


def _blank(token: Token) -> bool:
    return token.is_space and "\n" not in token.text
