"""Frozen records the extractors return; the HTTP layer dumps them with schemas/."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of the submitted text: ``text == input[start_char:end_char]``."""

    text: str
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression and its ISO 8601 value (None when it cannot be anchored)."""

    text: str
    start_char: int
    end_char: int
    value: str | None
    kind: str  # date | range | month | year | time | duration | other


@dataclass(frozen=True, slots=True)
class DateInfo:
    published: str | None
    source: str | None  # header | request | None
    mentions: tuple[DateMention, ...] = ()


@dataclass(frozen=True, slots=True)
class Byline:
    """A credited reporter or photographer; never an actor."""

    name: str
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str
    start_char: int
    end_char: int
    location: str | None = None  # id of the Location it resolves to


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    dateline: Dateline | None
    bylines: tuple[Byline, ...]
    words: int


@dataclass(frozen=True, slots=True)
class NamedMention:
    """A proper-name mention with the one type decided for its name in this article.

    ``kind`` is ``person``, ``organization`` or ``location``. Actors read the first
    two, locations the third; both read the same decision.
    """

    text: str
    start_char: int
    end_char: int
    kind: str
    label: str  # where it came from: the NER label or the rule that added it


@dataclass(frozen=True, slots=True)
class ActorMention:
    text: str
    start_char: int
    end_char: int
    # name: a proper name; title: a description ("the NATO chief") or
    # pronoun ("he") that the quote resolver linked to this actor.
    kind: str = "name"


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str  # person | organization
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    affiliation: str | None = None
    mentions: tuple[ActorMention, ...] = ()
    salience: float = 0.0

    @property
    def mention_count(self) -> int:
        return len(self.mentions)


@dataclass(frozen=True, slots=True)
class Location:
    id: str
    name: str
    kind: str  # country | city | region | water | landmark | other
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[TextSpan, ...] = ()

    @property
    def mention_count(self) -> int:
        return len(self.mentions)


@dataclass(frozen=True, slots=True)
class Speaker:
    actor: str | None  # Actor.id, or None for a speaker that is no actor
    name: str
    mention: TextSpan | None = None  # the words naming the speaker near this quote


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    text: str
    start_char: int
    end_char: int
    kind: str  # direct | partial | indirect
    cue: str | None  # the verb of saying as written, or "colon"
    cue_span: TextSpan | None = None
    speaker: Speaker | None = None
    contains: tuple[str, ...] = ()  # indirect: ids of the quotes inside its content


@dataclass(frozen=True, slots=True)
class Figure:
    text: str
    start_char: int
    end_char: int
    value: float | int | None
    unit: str | None
    kind: str  # count | percent | money | age | distance | duration | other
    qualifier: str | None = None
    quote: str | None = None  # id of the Quote it sits in


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    date: DateInfo
    article: ArticleInfo
    actors: tuple[Actor, ...] = ()
    locations: tuple[Location, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    model: str = ""
    extras: dict[str, object] = field(default_factory=dict)
