"""Name keys and the tests that say two surface forms name the same entity."""

from __future__ import annotations

import functools
import unicodedata

from .words import honorifics, name_particles

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


# Pure string functions called tens of thousands of times per article on a few
# hundred distinct names: memoised (bounded) so each name is normalised once.
@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Normalised form for comparing names: no accents, case, "the", possessive or dots."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.removeprefix("the ").removesuffix("'s").removesuffix("'")
    return " ".join(text.replace(".", "").replace("-", " ").split())


def person_tokens(name: str) -> list[str]:
    """The words of a person's name without honorifics ("Dr. Jane Roe" -> Jane, Roe)."""
    words = name_key(name).split()
    while len(words) > 1 and words[0] in honorifics():
        words = words[1:]
    return words


@functools.lru_cache(maxsize=65536)
def surname(name: str) -> str:
    """The family name: the last word with its particles ("von der Leyen", "Le Drian")."""
    words = name.split()
    if len(words) <= 1:
        return name
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in name_particles():
        start -= 1
    if start == len(words) - 1 and start > 1 and words[start - 1] in {"Le", "La", "De", "Van"}:
        start -= 1
    return " ".join(words[start:])


@functools.lru_cache(maxsize=65536)
def similar(a: str, b: str) -> bool:
    """Spelling variants of one word: Zelensky/Zelenskyy, Ilya/llya (normalised distance)."""
    a, b = name_key(a), name_key(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0] and a[1:] != b[1:]:
        return False
    return _distance(a, b) <= max(1, min(len(a), len(b)) // 6)


def leading_part(words: list[str], full_words: list[str]) -> bool:
    """``words`` open the longer name ``full_words``: a first name alone ("Chris" of
    "Chris Wallace"), or the first half of a name of four words or more ("Aung San").

    Two words of three are not enough: "Donald Trump" is not "Donald Trump Jr.".
    """
    if len(words) != 1 and len(full_words) < len(words) + 2:
        return False
    return len(words) < len(full_words) and full_words[:len(words)] == words


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def acronym_of(short: str, long: str) -> bool:
    """``short`` spells the initials of ``long``: "EU"/"European Union"."""
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()):
        return False
    words = [w for w in long.replace("-", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words) == letters
