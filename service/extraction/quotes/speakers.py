"""Resolve the words naming a speaker (a name, a pronoun, a description) to an actor."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ..records import Actor, Speaker, TextSpan
from .descriptions import apposed_name, principal_of, writer_of
from .genders import FEMALE, MALE, SUBJECT_DEPS, Antecedent, vote_genders
from .nouns import SpeakerNoun, noun_of

_NEUTER = frozenset({"it", "its"})
_PLURAL = frozenset({"they", "them", "their"})
_INDEFINITE = frozenset({"a", "an", "one", "some", "many", "several", "two", "three",
                         "other", "another", "any", "few", "most", "all"})
# Words of a description that tell no one apart ("Obama's former campaign strategist").
_UNTELLING = frozenset({"former", "ex", "then", "current", "longtime", "late", "acting",
                        "outgoing", "incoming", "new", "retired", "'s", "’s"})
_LONGEST_NAME = 80
# Antecedents are searched this many paragraphs back (the quote's own included).
_PARAGRAPHS_BACK = 4
_WINDOW_CHARS = 4000  # and never further back than this, even in one-line articles


class SpeakerResolver:
    """Per-document index of actor mentions, genders and titles for resolving speakers."""

    def __init__(self, doc: Doc, text: str, actors: list[Actor],
                 is_reporting: Callable[[Token], bool]) -> None:
        self.doc = doc
        self.actors = actors
        self._is_reporting = is_reporting
        self._sents = list(doc.sents)
        self._sent_starts = [s.start_char for s in self._sents]
        self._para_starts = _paragraph_starts(text)
        self._by_span: dict[tuple[int, int], Actor] = {}
        self._antecedents: list[Antecedent] = []
        self._evidence: dict[str, set[str]] = {a.id: _name_words(a) for a in actors}
        for actor in actors:
            for m in actor.mentions:
                if m.kind == "name":
                    self._by_span[(m.start_char, m.end_char)] = actor
                    self._add_mention(actor, m.start_char, m.end_char)
        self._antecedents.sort(key=lambda a: a.start)
        self._span_keys = sorted(self._by_span)
        self._forms = {a.id: _forms(a) for a in actors}
        self._keys = [a.start for a in self._antecedents]
        self._gender = vote_genders(self.doc, self._antecedents, self._sentence)

    def _add_mention(self, actor: Actor, start: int, end: int) -> None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return
        root = span.root
        self._antecedents.append(
            Antecedent(start, actor, self._sentence(start), self._role(root)))
        if actor.kind == "person":
            self._evidence[actor.id] |= _title_words(span)

    def _role(self, root: Token) -> int:
        if root.dep_ in SUBJECT_DEPS:
            return 2 if self._is_reporting(root.head) else 1
        if root.dep_ == "pobj" and root.head.dep_ == "agent":
            return 2 if self._is_reporting(root.head.head) else 1
        for child in root.children:
            if child.dep_ == "relcl" and self._is_reporting(child):
                return 2
        if root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS:
            return 1
        return 0

    def note(self, actor: Actor, mention: TextSpan) -> None:
        """Record a resolved speaker so later pronouns can find it (speaker role)."""
        k = bisect_right(self._keys, mention.start_char)
        self._keys.insert(k, mention.start_char)
        self._antecedents.insert(
            k, Antecedent(mention.start_char, actor, self._sentence(mention.start_char), 2))

    def resolve(self, words: Span) -> Speaker:
        """The speaker named by ``words``; ``actor`` is None when no actor fits."""
        mention = TextSpan(words.text, words.start_char, words.end_char)
        actor = self._resolve_actor(words)
        if actor is None:
            return Speaker(None, words.text, mention)
        return Speaker(actor.id, actor.name, mention)

    def _resolve_actor(self, words: Span, depth: int = 0) -> Actor | None:
        root = words.root
        lower = root.lower_
        if root.pos_ == "PRON" or lower in MALE | FEMALE | _NEUTER | _PLURAL:
            return self._pronoun(lower, words.start_char, depth)
        if root.pos_ == "PROPN" or root.ent_type_ or self._by_form(words):
            return self._named(words)
        return self._description(words, depth)

    def _named(self, words: Span) -> Actor | None:
        """A proper name: the actor it belongs to; same surname -> the most recent.
        A name in capitals ("PENCE:" heading a transcript turn) matches in any case."""
        owners = [self._by_span[key] for key in self._overlapping(words)]
        full = [a for a in owners if len(a.name.split()) > 1 and a.kind == "person"]
        if len(full) == 1:
            return full[0]  # the actors extractor already told the namesakes apart
        candidates = owners + self._by_form(words)
        shouted = words.text.isupper()
        text = _plain(words.text, shouted)
        fuller = [a for a in self.actors
                  if a.kind == "person" and _surname_of(_plain(a.name, shouted), text)]
        if fuller:
            candidates = fuller  # "Kuleba" alone names a full-name actor: which one?
        candidates = list({a.id: a for a in candidates}.values())
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        return self._most_recent(candidates, words.start_char) or candidates[0]

    def _by_form(self, words: Span) -> list[Actor]:
        """The actors that ``words`` name exactly: their name, an alias or a mention."""
        shouted = words.text.isupper()
        text = _plain(words.text, shouted)
        return [a for a in self.actors
                if any(_plain(form, shouted) == text for form in self._forms[a.id])]

    def _overlapping(self, words: Span) -> list[tuple[int, int]]:
        lo = bisect_left(self._span_keys, (words.start_char - _LONGEST_NAME, 0))
        hi = bisect_left(self._span_keys, (words.end_char, 0))
        return [key for key in self._span_keys[lo:hi]
                if key[0] < words.end_char and words.start_char < key[1]]

    def _most_recent(self, candidates: list[Actor], before: int) -> Actor | None:
        ids = {a.id for a in candidates}
        k = bisect_left(self._keys, before)
        for antecedent in reversed(self._antecedents[:k]):
            if antecedent.actor.id in ids and antecedent.start < before:
                return antecedent.actor
        return None

    def _pronoun(self, lower: str, position: int, depth: int = 0) -> Actor | None:
        if lower in MALE or lower in FEMALE:
            gender = "m" if lower in MALE else "f"
            return self._recent(position, "person", self._fits_gender(gender))
        if lower in _NEUTER:
            document = self._document_before(position)
            writer = writer_of(document) if document is not None and depth == 0 else None
            actor = self._resolve_actor(writer, depth + 1) if writer is not None else None
            return actor or self._recent(position, "organization", lambda a: 0.0)
        return None

    def _document_before(self, position: int) -> Token | None:
        """``An email from X advises …: "…," it said``: the document that is the last
        subject before ``position``, in its sentence or the one before."""
        k = self._sentence(position)
        for sentence in (self._sents[k], self._sents[k - 1] if k > 0 else None):
            if sentence is None:
                continue
            subjects = [t for t in sentence if t.dep_ in SUBJECT_DEPS and t.idx < position
                        and (noun := noun_of(t)) is not None and noun.kind == "document"]
            if subjects:
                return subjects[-1]
        return None

    def _description(self, words: Span, depth: int = 0) -> Actor | None:
        root = words.root
        named = apposed_name(root)
        actor = self._named(named) if named is not None else None
        noun = noun_of(root)
        if actor is not None or noun is None:
            return actor
        referred = self._referred(root, noun, depth)
        tokens = [t for t in words if not (t.is_punct or t.tag_ == "POS")]
        if referred is not None or not tokens or tokens[0].lower_ in _INDEFINITE \
                or root.tag_ in {"NNS", "NNPS"}:
            return referred
        actor_kind = "person" if noun.kind == "person" else "organization"
        here = self._same_sentence_subject(words.start_char, actor_kind, noun.gender)
        if here is not None:
            return here  # "As Sanders spoke, the Vermont senator said …"
        wanted = {t.lower_ for t in tokens if t.dep_ != "det"}
        scored = self._titled(wanted, root.lower_, actor_kind, words.start_char)
        if scored is not None:
            return scored
        return self._recent(words.start_char, actor_kind, self._fits_gender(noun.gender))

    def _same_sentence_subject(self, position: int, kind: str,
                               gender: str | None) -> Actor | None:
        """The one actor of ``kind`` that is a subject earlier in the description's own
        sentence: a definite description there refers back to it."""
        here, fits = self._sentence(position), self._fits_gender(gender)
        found = {a.actor.id: a.actor for a in self._window(position)
                 if a.sentence == here and a.role > 0 and a.actor.kind == kind
                 and fits(a.actor) is not None}
        return next(iter(found.values())) if len(found) == 1 else None

    def _referred(self, root: Token, noun: SpeakerNoun, depth: int) -> Actor | None:
        """The actor a document or a spokesman stands for: its writer, his principal."""
        if depth > 0:
            return None
        other = writer_of(root) if noun.kind == "document" else \
            principal_of(root) if noun.proxy else None
        return self._resolve_actor(other, depth + 1) if other is not None else None

    def _titled(self, wanted: set[str], head: str, kind: str,
                position: int) -> Actor | None:
        """The most recent actor of ``kind`` whose names or titles share the description's
        words besides the head noun ("the NATO chief" -> "NATO Secretary-General ...")."""
        best: tuple[int, int, Actor] | None = None
        for antecedent in self._window(position):
            actor = antecedent.actor
            if actor.kind != kind:
                continue
            shared = wanted & self._evidence[actor.id]
            score = len(shared)
            telling = shared - {head} - _UNTELLING
            if telling and (best is None or (score, antecedent.start) > best[:2]):
                best = (score, antecedent.start, actor)
        return best[2] if best else None

    def _fits_gender(self, gender: str | None) -> Callable[[Actor], float | None]:
        """Fit of each person to a gendered word: 0.5 when the text gave the person that
        gender, 0 when it gave none (or the word has none), None when it gave the other."""
        def fits(actor: Actor) -> float | None:
            known = self._gender.get(actor.id)
            if gender is None or known is None:
                return 0.0
            return 0.5 if known == gender else None
        return fits

    def _recent(self, position: int, kind: str,
                fits: Callable[[Actor], float | None]) -> Actor | None:
        """The antecedent that fits, preferring speakers and subjects, a gender the text
        confirmed, then recency."""
        here = self._sentence(position)
        best: tuple[float, int, Actor] | None = None
        for antecedent in self._window(position):
            actor = antecedent.actor
            fit = fits(actor) if actor.kind == kind else None
            if fit is None:
                continue
            score = antecedent.role - (here - antecedent.sentence) + fit
            if best is None or (score, antecedent.start) >= best[:2]:
                best = (score, antecedent.start, actor)
        return best[2] if best else None

    def _window(self, position: int) -> list[Antecedent]:
        k = bisect_right(self._para_starts, position) - _PARAGRAPHS_BACK
        start = self._para_starts[max(k, 0)] if self._para_starts else 0
        lo = bisect_left(self._keys, max(start, position - _WINDOW_CHARS))
        hi = bisect_left(self._keys, position)
        return self._antecedents[lo:hi]

    def _sentence(self, position: int) -> int:
        return bisect_right(self._sent_starts, position) - 1


def _forms(actor: Actor) -> frozenset[str]:
    return frozenset({actor.name, *actor.aliases,
                      *(m.text for m in actor.mentions if m.kind == "name")})


def _plain(text: str, fold: bool) -> str:
    """Comparison form of a name: straight apostrophes; casefolded when ``fold``."""
    text = text.replace("’", "'")
    return text.casefold() if fold else text


def _surname_of(name: str, text: str) -> bool:
    """Whether ``text`` is the tail of the longer full ``name`` ("Le Drian")."""
    return len(name) > len(text) and name.endswith(" " + text)


def _name_words(actor: Actor) -> set[str]:
    words = {w.lower() for form in (actor.name, *actor.aliases, *actor.titles)
             for w in form.replace("-", " ").split()}
    if actor.affiliation:
        words |= {w.lower() for w in actor.affiliation.split()}
    return words


def _title_words(span: Span) -> set[str]:
    """Words of the role around a person's name: "NATO Secretary-General Jens
    Stoltenberg", "Kuleba, the Ukrainian top diplomat"."""
    root = span.root
    words = {t.lower_ for t in span.doc[root.left_edge.i:span.start]
             if t.is_alpha and t.dep_ != "det"}
    for child in root.children:
        if child.dep_ == "appos":
            words |= {t.lower_ for t in child.subtree if t.is_alpha and t.dep_ != "det"}
    return words


def _paragraph_starts(text: str) -> list[int]:
    starts, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(offset)
        offset += len(line) + 1
    return starts or [0]
