"""Reading resources/en/ data files: one entry per line; blank lines and # comments skipped."""

from __future__ import annotations

import functools
from importlib.resources import files
from importlib.resources.abc import Traversable


def resource_dir() -> Traversable:
    """The folder of the word lists and tables, ``resources/en/`` of this package."""
    return files(__package__).joinpath("resources", "en")


@functools.cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of ``resources/en/<name>``, in file order, read once per process."""
    text = resource_dir().joinpath(name).read_text(encoding="utf-8")
    return tuple(
        line.rstrip("\r")
        for line in text.split("\n")
        if line.strip() and not line.lstrip().startswith("#")
    )


@functools.cache
def word_set(name: str) -> frozenset[str]:
    """``entries(name)`` as a set, built once per process: for membership tests."""
    return frozenset(entries(name))


def load_all() -> None:
    """Read every word list now, so that no request path opens a file later (warm-up)."""
    for path in resource_dir().iterdir():
        if path.name.endswith((".txt", ".tsv")):
            entries(path.name)
