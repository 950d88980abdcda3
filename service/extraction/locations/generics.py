"""Place names built on a generic word and "of": "Bay of Biscay", "Gulf of Aden", "Isle of Man".

The NER often cuts them in two ("Bay" and "Biscay"), and each half then finds a namesake
(a Somali region called Bay). The whole name is one place.
"""

from __future__ import annotations

import functools
import re

_GENERICS = ("Bay", "Gulf", "Sea", "Strait", "Straits", "Isle", "Isles", "Island", "Islands",
             "Cape", "Lake", "Mount", "Peninsula", "Bight", "Firth", "Mouth")


@functools.cache
def _pattern() -> re.Pattern[str]:
    heads = "|".join(sorted(set(_GENERICS), key=len, reverse=True))
    return re.compile(rf"\b(?:{heads}) of (?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?")


def generic_names(text: str) -> list[tuple[str, int, int]]:
    """Every "<generic> of <Name>" in ``text``: its words and offsets."""
    return [(m.group(), m.start(), m.end()) for m in _pattern().finditer(text)]
