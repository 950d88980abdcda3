"""The attribute ruler's matches found through a word/tag index instead of its Matcher.

spaCy's ``attribute_ruler`` (tag -> POS/morph map plus word exceptions) runs its
~180 patterns through a generic ``Matcher`` on every token: about a tenth of the
small pipeline's time. Every pattern it ships is a fixed sequence of tokens whose
conditions are equality, IN/NOT_IN, REGEX or a flag, so the rules that could start
at a token are found by looking up its lowercase form, tag, dependency label or
space flag in a table, and only those few are tested. The lookups are made once per
distinct value of the Doc, not per token: a tag -> POS rule takes every token with
that tag at once, and a REGEX on the first word is tried once per distinct word.
Anything else (a quantifier, another operator) stays in a small ``Matcher``. The
match list is exactly the ruler's own, and so are the annotations written from it
(tested).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

Match = tuple[int, int, int, int]  # (rule number, match id, start, end) like AttributeRuler.match
Test = Callable[[Token], bool]
_STRING_ATTRS = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "POS": "pos_",
                 "ORTH": "orth_", "NORM": "norm_", "LEMMA": "lemma_", "TEXT": "text"}
# Token (not lexeme) attributes: set_token_attrs writes them exactly as from_array does.
_TOKEN_COLUMNS = frozenset({POS, TAG, LEMMA, MORPH, DEP})
# Keys a rule's first token can be looked up by, most selective first.
_INDEX_KEYS = ("LOWER", "TAG", "DEP", "IS_SPACE")


@dataclass(frozen=True, slots=True)
class _Rule:
    number: int
    match_id: int
    tests: tuple[tuple[Test, ...], ...]  # per token; the indexed condition is left out


@dataclass
class RulerIndex:
    """An attribute ruler's rules, filed under the value their first token requires."""

    ruler: AttributeRuler
    tables: dict[str, dict[int, list[_Rule]]] = field(default_factory=dict)
    # One-token rules whose only condition is the filed value (a tag -> POS mapping):
    # every token with that value matches, found with array operations.
    single: dict[str, dict[int, list[int]]] = field(default_factory=dict)
    # Rules whose first token must match a REGEX on an indexed string ("^n[ou]thin'$"):
    # the regex is tried once per distinct value instead of once per token.
    searched: dict[str, list[tuple[Callable[[str], Any], _Rule]]] = field(default_factory=dict)
    rest: Matcher | None = None

    def match(self, doc: Doc) -> list[Match]:
        """What ``ruler.match(doc)`` returns, in the same order."""
        hits, found = self._find(doc)
        strings = doc.vocab.strings
        for number, positions in hits:
            match_id = strings[str(number)]
            found.extend((number, match_id, p, p + 1) for p in positions.tolist())
        found.sort()
        return found

    def __call__(self, doc: Doc) -> Doc:
        hits, found = self._find(doc)
        if self.by_array:
            _write_columns(self.ruler, doc, hits, found)
        else:
            self.ruler.set_annotations(doc, self.match(doc))
        return doc

    @property
    def by_array(self) -> bool:
        """Whether every rule sets only token attributes that ``Doc.from_array`` can write."""
        return all(set(attrs) <= _TOKEN_COLUMNS for attrs in self.ruler.attrs)

    def _find(self, doc: Doc) -> tuple[list[tuple[int, numpy.ndarray]], list[Match]]:
        """The one-token rules' hits as (rule number, token positions), and every other
        rule's matches like ``AttributeRuler.match`` (unsorted)."""
        hits: list[tuple[int, numpy.ndarray]] = []
        found: list[Match] = []
        keys = [key for key in _INDEX_KEYS
                if key in self.tables or key in self.single or key in self.searched]
        if keys and len(doc):
            strings = doc.vocab.strings
            columns = doc.to_array(keys).reshape(len(doc), len(keys))
            for k, key in enumerate(keys):
                single, table = self.single.get(key, {}), self.tables.get(key, {})
                searched = self.searched.get(key, ())
                # Per distinct value, not per token: a few dozen tags, a few hundred words.
                values, inverse = numpy.unique(columns[:, k], return_inverse=True)
                for j, value in enumerate(values.tolist()):
                    numbers, rules = single.get(value), list(table.get(value, ()))
                    rules += [rule for search, rule in searched if search(strings[value])]
                    if not (numbers or rules):
                        continue
                    positions = numpy.flatnonzero(inverse == j)
                    hits.extend((number, positions) for number in numbers or ())
                    for rule in rules:
                        found.extend((rule.number, rule.match_id, p, p + len(rule.tests))
                                     for p in positions.tolist() if _holds(rule, doc, p))
        if self.rest is not None:
            strings = doc.vocab.strings
            for match_id, start, end in self.rest(doc, allow_missing=True, as_spans=False):
                found.append((int(strings[match_id]), match_id, start, end))
        return hits, found


def _write_columns(ruler: AttributeRuler, doc: Doc, hits: list[tuple[int, numpy.ndarray]],
                   matches: list[Match]) -> None:
    """``ruler.set_annotations`` without a Span and a Token per match: as there, the
    highest-numbered rule wins where two set the same attribute of a token."""
    writes: list[tuple[int, Any]] = list(hits)
    for number, _match_id, start, end in matches:
        index = ruler.indices[number]
        target = start + index if index >= 0 else end + index
        if not start <= target < end:  # let the ruler raise its own error
            ruler.set_annotations(doc, sorted(matches))
            return
        writes.append((number, target))
    if not writes:
        return
    columns = sorted({attr for number, _ in writes for attr in ruler.attrs[number]})
    position = {attr: col for col, attr in enumerate(columns)}
    array = doc.to_array(columns).reshape(len(doc), len(columns))
    for number, targets in sorted(writes, key=lambda write: write[0]):
        for attr, value in ruler.attrs[number].items():
            array[targets, position[attr]] = value
    doc.from_array(columns, array)


def _holds(rule: _Rule, doc: Doc, start: int) -> bool:
    if start + len(rule.tests) > len(doc):
        return False
    for offset, tests in enumerate(rule.tests):
        if tests:
            token = doc[start + offset]
            if not all(test(token) for test in tests):
                return False
    return True


def build_index(ruler: AttributeRuler) -> RulerIndex:
    """Index ``ruler``'s rules; done once per pipeline (per worker)."""
    index = RulerIndex(ruler)
    strings = ruler.vocab.strings
    for number in range(len(ruler.attrs)):
        match_id = strings.add(str(number))
        for pattern in ruler.matcher.get(str(number))[1]:
            if not _file(index, number, match_id, pattern):
                if index.rest is None:
                    index.rest = Matcher(ruler.vocab)
                index.rest.add(str(number), [pattern])
    return index


def _file(index: RulerIndex, number: int, match_id: int, pattern: list[dict]) -> bool:
    """File one rule under its first token's key; False when it needs the Matcher."""
    specs = [{key.upper(): value for key, value in spec.items()} for spec in pattern]
    if not specs:
        return False
    for key in _INDEX_KEYS:
        values = _index_values(key, specs[0].get(key), index.ruler.vocab.strings)
        if values is None:
            if _file_searched(index, number, match_id, key, specs):
                return True
            continue
        compiled = _compile_all_but(specs, key)
        if compiled is None:
            return False
        if compiled == ((),) and index.ruler.indices[number] in (0, -1):
            single = index.single.setdefault(key, defaultdict(list))
            for value in values:
                single[value].append(number)
            return True
        rule = _Rule(number, match_id, compiled)
        table = index.tables.setdefault(key, defaultdict(list))
        for value in values:
            table[value].append(rule)
        return True
    return False


def _file_searched(index: RulerIndex, number: int, match_id: int, key: str,
                   specs: list[dict]) -> bool:
    """File a rule whose first token must match a REGEX on a string key (not a flag)."""
    condition = specs[0].get(key)
    if key.startswith("IS_") or not (isinstance(condition, dict) and set(condition) == {"REGEX"}
                                     and isinstance(condition["REGEX"], str)):
        return False
    compiled = _compile_all_but(specs, key)
    if compiled is None:
        return False
    rule = _Rule(number, match_id, compiled)
    # The Matcher's REGEX is re.search on the token's string, as here on the same string.
    search = re.compile(condition["REGEX"]).search
    index.searched.setdefault(key, []).append((search, rule))
    return True


def _compile_all_but(specs: list[dict], key: str) -> tuple[tuple[Test, ...], ...] | None:
    """Tests for every token of a rule, less the first token's ``key`` condition (the
    one it is filed under); None when some condition needs the real Matcher."""
    compiled = [_compile({k: v for k, v in specs[0].items() if k != key})]
    compiled += [_compile(spec) for spec in specs[1:]]
    if any(tests is None for tests in compiled):
        return None
    return tuple(compiled)  # type: ignore[arg-type]


def _index_values(key: str, value: Any, strings: StringStore) -> list[int] | None:
    """The ``Doc.to_array`` values a condition accepts: string ids, or 1 for a true flag."""
    if key.startswith("IS_"):
        return [1] if value is True else None
    # ``strings.add``, not a plain hash: "SYM" or "aux" are symbols with small fixed ids.
    if isinstance(value, str):
        return [strings.add(value)]
    if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
        return [strings.add(member) for member in value["IN"]]
    return None


def _compile(spec: dict[str, Any]) -> tuple[Test, ...] | None:
    """Tests for one token spec, or None when it needs the real Matcher."""
    tests = []
    for key, value in spec.items():
        test = _compile_one(key, value)
        if test is None:
            return None
        tests.append(test)
    return tuple(tests)


def _compile_one(key: str, value: Any) -> Test | None:
    if key.startswith("IS_") and isinstance(value, bool):
        flag = key.lower()
        return lambda token: getattr(token, flag) == value
    name = _STRING_ATTRS.get(key)
    if name is None:
        return None
    if isinstance(value, str):
        return lambda token: getattr(token, name) == value
    if not (isinstance(value, dict) and len(value) == 1):
        return None
    (operator, operand), = value.items()
    if operator in ("IN", "NOT_IN") and isinstance(operand, list):
        members, wanted = frozenset(operand), operator == "IN"
        return lambda token: (getattr(token, name) in members) == wanted
    if operator == "REGEX" and isinstance(operand, str):
        search = re.compile(operand).search  # the Matcher's REGEX is re.search too
        return lambda token: search(getattr(token, name)) is not None
    return None
