"""What a number phrase counts or measures (unit and kind), and how sure the text is (qualifier)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..runtime.lemmas import lemma
from . import resources as res
from .base import NumberSpan, token_after, token_before

_TIME_WORDS = {"year": "years", "years": "years", "month": "months", "months": "months",
               "week": "weeks", "weeks": "weeks", "day": "days", "days": "days"}
_PERCENT_WORDS = frozenset({"%", "percent", "per cent", "pct"})
_NUMBER_DEPS = frozenset({"nummod", "compound", "amod", "quantmod", "nmod", "npadvmod", "det"})
_PREPOSITIONAL = frozenset({"over", "under", "above", "below"})  # need the parse to agree
_PERSON_PRONOUNS = frozenset({"he", "she", "who", "i", "you"})
_SKIPPABLE = frozenset({"more", "extra", "additional", "other", "fewer", "less"})


@dataclass(frozen=True, slots=True)
class Reading:
    """The unit and kind of one figure; ``factor`` scales its value (cents -> dollars)."""

    unit: str | None
    kind: str
    factor: float = 1.0


def read_unit(doc: Doc, span: NumberSpan) -> Reading:
    """Unit and kind from the words around the number; count with no unit when nothing fits."""
    if span.vague:
        return _vague(doc, span)
    return (_percent(doc, span) or _money(doc, span) or _age(doc, span)
            or _measure(doc, span) or _count(doc, span))


def _vague(doc: Doc, span: NumberSpan) -> Reading:
    """ "hundreds of soldiers" counts soldiers; "millions of dollars" is money."""
    unit = _counted_noun(doc, span)
    currency = res.currencies().get(unit.lower()) if unit else None
    if currency is not None:
        return Reading(currency.code, "money")
    return Reading(unit, "count")


def read_qualifier(doc: Doc, span: NumberSpan) -> str | None:
    """The approximation phrase right before the number ("about", "more than", "an estimated")."""
    table = res.qualifiers()
    words: list[Token] = []
    while len(words) < res.longest_phrase("qualifiers"):
        before = token_before(doc, words[0].i if words else span.start)
        if before is None:
            break
        words.insert(0, before)
    for size in range(len(words), 0, -1):
        found = table.get(" ".join(t.lower_ for t in words[-size:]))
        if found and _attached(words[-1], span):
            return found
    return None


def _attached(word: Token, span: NumberSpan) -> bool:
    """ "over 100 people" qualifies the number; "over two days" is a preposition."""
    if word.lower_ not in _PREPOSITIONAL:
        return True
    return span.start <= word.head.i < span.end or word.dep_ in ("quantmod", "advmod")


def match_after(doc: Doc, i: int, table: dict, *, longest: int,
                firsts: frozenset[str] | None = None) -> tuple[str, int] | None:
    """Longest table entry written from token ``i`` on: (key, tokens used).

    Keys are lower-case words, or symbols and codes as written ("USD", "Rs"). ``firsts``,
    the first words of the keys, lets most words be turned down before any phrase is built.
    """
    first = token_after(doc, i)
    if first is not None and firsts is not None and firsts.isdisjoint(
            (first.lower_, first.text, first.text.upper())):
        return None
    i = first.i if first is not None else len(doc)
    for size in range(min(longest, len(doc) - i), 0, -1):
        words = doc[i:i + size]
        written = " ".join(t.text for t in words)
        # One capital letter is no unit word ("5G", "3D"); longer words match in any case.
        lowered = " ".join(t.lower_ for t in words) if len(written) > 1 else written
        for key in (lowered, written, written.upper()):
            if key in table:
                return key, size
    return None


def _percent(doc: Doc, span: NumberSpan) -> Reading | None:
    if span.percent_sign:
        return Reading("percent", "percent")
    found = match_after(doc, span.end, res.units(), longest=res.longest_phrase("units"),
                        firsts=res.first_words("units"))
    if found and res.units()[found[0]] == "percent":
        return Reading("percent" if found[0] in _PERCENT_WORDS else found[0], "percent")
    return None


def _money(doc: Doc, span: NumberSpan) -> Reading | None:
    if span.currency is not None:
        return Reading(span.currency.code, "money", span.currency.factor)
    table = res.currencies()
    if span.glued_unit in table:  # "115USD"
        return Reading(table[span.glued_unit].code, "money", table[span.glued_unit].factor)
    start = _after_hyphen(doc, span.end)
    found = match_after(doc, start, table, longest=res.longest_phrase("currencies"),
                        firsts=res.first_words("currencies"))
    if found is None:
        return _pounds(doc, span, start)
    currency = table[found[0]]
    return Reading(currency.code, "money", currency.factor)


def _pounds(doc: Doc, span: NumberSpan, start: int) -> Reading | None:
    """ "361 million pounds" is money; "25 pounds" is a weight."""
    if start >= len(doc) or doc[start].lower_ not in ("pound", "pounds"):
        return None
    if any(t.lower_ in ("million", "billion", "bn", "m") for t in doc[span.start:span.end]):
        return Reading("GBP", "money")
    return None


def _after_hyphen(doc: Doc, i: int) -> int:
    """ "a 12-cent dividend", "a six-mile trip": the unit comes after the hyphen."""
    after = token_after(doc, i)
    if after is None:
        return len(doc)
    return after.i + 1 if after.text == "-" else after.i


def _age(doc: Doc, span: NumberSpan) -> Reading | None:
    words = [t.lower_ for t in doc[span.end:span.end + 8] if t.text != "-" and not t.is_space]
    if words[:1] and words[0] in _TIME_WORDS and words[1:2] and words[1] in ("old", "olds"):
        return Reading(_TIME_WORDS[words[0]], "age")
    if words[:3] and words[0] in _TIME_WORDS and words[1:3] == ["of", "age"]:
        return Reading(_TIME_WORDS[words[0]], "age")
    if words[:1] == ["yo"]:
        return Reading("years", "age")
    before = (token_before(doc, span.start) or doc[span.start]).lower_
    if before in ("aged", "age", "ages") or _appositive_age(doc, span) \
            or _predicate_age(doc, span):
        return Reading("years", "age")
    return None


def _predicate_age(doc: Doc, span: NumberSpan) -> bool:
    """ "Donald Trump, who is 70.": a bare whole number said of a person with "be"."""
    if span.currency or span.percent_sign or not isinstance(span.value, int):
        return False
    root = number_root(doc, span)
    after = token_after(doc, span.end)
    if root.dep_ not in ("attr", "acomp") or lemma(root.head) != "be" or not 0 < span.value < 125:
        return False
    if after is not None and not after.is_punct and after.lower_ not in ("when", "and"):
        return False
    subjects = [t for t in root.head.children if t.dep_ == "nsubj"]
    return any(t.lower_ in _PERSON_PRONOUNS or t.ent_type_ == "PERSON" for t in subjects)


def _appositive_age(doc: Doc, span: NumberSpan) -> bool:
    """ "Anastacia Kuleba, 27, was ...": a small whole number set off after a name."""
    if span.currency or span.percent_sign or not isinstance(span.value, int):
        return False
    comma = token_before(doc, span.start)
    if not 0 < span.value < 125 or comma is None or comma.text != ",":
        return False
    name, after = token_before(doc, comma.i), token_after(doc, span.end)
    closes = after is None or after.text in (",", ")", ".", ";", "—")
    return closes and name is not None and (name.ent_type_ == "PERSON" or name.pos_ == "PROPN")


def _measure(doc: Doc, span: NumberSpan) -> Reading | None:
    units = res.units()
    if span.glued_unit:
        return Reading(span.glued_unit, units.get(span.glued_unit.lower(), "other"))
    start = _after_hyphen(doc, span.end)
    found = match_after(doc, start, units, longest=res.longest_phrase("units"),
                        firsts=res.first_words("units"))
    if found is None or units[found[0]] == "percent":
        return None
    return Reading(doc[start:start + found[1]].text, units[found[0]])


def _count(doc: Doc, span: NumberSpan) -> Reading:
    unit = _counted_noun(doc, span)
    kind = res.units().get(unit.lower(), "count") if unit else "count"
    if kind == "percent":  # "eight and fourteen percent"
        return Reading("percent", "percent")
    return Reading(unit, kind)


def _counted_noun(doc: Doc, span: NumberSpan) -> str | None:
    noun = _head_noun(doc, span) or _of_noun(doc, span) or _next_noun(doc, span)
    return _with_compounds(doc, span, noun) if noun is not None else None


def number_root(doc: Doc, span: NumberSpan) -> Token:
    """The token of the phrase whose head lies outside it (the last one if several)."""
    tokens = doc[span.start:span.end]
    outside = [t for t in tokens if not span.start <= t.head.i < span.end or t.head == t]
    return outside[-1] if outside else tokens[-1]


def _head_noun(doc: Doc, span: NumberSpan) -> Token | None:
    root = number_root(doc, span)
    head = root.head
    if root.dep_ not in _NUMBER_DEPS or not span.end <= head.i <= span.end + 4:
        return None
    between = doc[span.end:head.i]
    if any(t.is_punct and t.text != "-" for t in between):
        return None
    return head if _is_counted(head) else None


def _is_counted(token: Token) -> bool:
    if len(token.text) < 2 or not any(c.isalpha() for c in token.text):
        return False  # "5G", "3D", emoji
    if token.pos_ == "NOUN":
        return True
    # Plural proper nouns count ("5,000 Russians", "a few BTGs"); singular ones are names.
    return token.pos_ == "PROPN" and (token.tag_ == "NNPS" or token.text[:-1].isupper())


def _of_noun(doc: Doc, span: NumberSpan) -> Token | None:
    of = token_after(doc, span.end)
    if of is None or of.lower_ != "of":
        return None
    objects = [t for t in of.children if t.dep_ == "pobj" and _is_counted(t)]
    return objects[0] if objects else None


def _next_noun(doc: Doc, span: NumberSpan) -> Token | None:
    """Fallback when the parse is off: the noun right after a few adjectives."""
    if number_root(doc, span).dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "attr"):
        return None
    i = span.end
    while i < len(doc) and i < span.end + 3 and (
            doc[i].pos_ == "ADJ" or doc[i].lower_ in _SKIPPABLE or doc[i].text == "-"):
        i += 1
    if i >= len(doc) or doc[i].pos_ != "NOUN":
        return None
    while i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN" and doc[i + 1].dep_ != "nsubj":
        i += 1
    return doc[i]


def _with_compounds(doc: Doc, span: NumberSpan, noun: Token) -> str:
    """ "service members": the noun with the lower-case noun compounds right before it."""
    first = noun.i
    while (first - 1 >= span.end and doc[first - 1].dep_ == "compound"
           and doc[first - 1].pos_ == "NOUN" and doc[first - 1].head.i >= first
           and doc[first - 2].text != "-"):  # not "end" of "high-end rooms"
        first -= 1
    return doc[first:noun.i + 1].text
