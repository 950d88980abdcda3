"""Word lists for names, titles and organizations, loaded once from resources/en/."""

from __future__ import annotations

import functools

from ..wordlists import entries


def _table(name: str) -> dict[str, str | None]:
    table: dict[str, str | None] = {}
    for line in entries(name):
        key, _, value = line.partition("\t")
        table[key.strip()] = value.strip() or None
    return table


@functools.cache
def organizations() -> dict[str, str | None]:
    """Known institution name -> its country or parent body (or None)."""
    return _table("organizations.tsv")


@functools.cache
def org_descriptors() -> dict[str, str | None]:
    return _table("org_descriptors.tsv")


@functools.cache
def demonyms() -> dict[str, str | None]:
    """Adjective or short form ("Turkish", "U.S.") -> country name."""
    return _table("demonyms.tsv")


@functools.cache
def country_short_forms() -> dict[str, str | None]:
    """"U.S." -> "United States"."""
    return _table("country_short_forms.tsv")


@functools.cache
def place_suffixes() -> frozenset[str]:
    return frozenset(line.strip() for line in entries("place_suffixes.txt"))


@functools.cache
def titles() -> frozenset[str]:
    return frozenset(line.strip().casefold() for line in entries("titles.txt"))


@functools.cache
def title_words() -> frozenset[str]:
    """Every word that occurs in a title ("minister", "secretary", "of", ...)."""
    return frozenset(word for title in titles() for word in title.split())


@functools.cache
def honorifics() -> frozenset[str]:
    """Courtesy words before a name ("mr", "dr"), lower case, without a dot."""
    return frozenset(line.split("\t")[0].strip().casefold() for line in entries("honorifics.txt"))


@functools.cache
def honorific_genders() -> dict[str, str]:
    """The honorifics that tell a person's gender ("mr" -> "m", "ms" -> "f")."""
    table = {}
    for line in entries("honorifics.txt"):
        word, _, gender = line.partition("\t")
        if gender.strip():
            table[word.strip().casefold()] = gender.strip()
    return table


@functools.cache
def name_particles() -> frozenset[str]:
    """Lower-case words inside personal names ("von", "der", "bin")."""
    return frozenset(line.partition("\t")[0].strip() for line in entries("name_particles.txt"))


@functools.cache
def byline_particles() -> tuple[str, ...]:
    """The name particles marked ``byline``, in file order."""
    rows = (line.partition("\t") for line in entries("name_particles.txt"))
    return tuple(word.strip() for word, _, mark in rows if mark.strip() == "byline")


@functools.cache
def org_suffixes() -> frozenset[str]:
    """Last words that make a name an organization ("Committee", "Inc.")."""
    return frozenset(line.partition("\t")[0].strip() for line in entries("org_suffixes.txt"))


@functools.cache
def company_suffixes() -> frozenset[str]:
    """The org suffixes marked ``company``: the forms of a company's name ("Co.", "News")."""
    rows = (line.partition("\t") for line in entries("org_suffixes.txt"))
    return frozenset(word.strip() for word, _, mark in rows if mark.strip() == "company")


@functools.cache
def non_entities() -> frozenset[str]:
    """Currency codes, time zones and units the NER mistakes for names ("UTC", "USD")."""
    return frozenset(line.strip() for line in entries("non_entities.txt"))
