"""The articles named on the command line: text files, folders of them, JSON Lines, stdin.

A ``.jsonl``/``.ndjson`` file (and ``-``, standard input) holds one article object per
line (``{"id", "text", "published"?}``); any other file is one article, its id the
path as found; a folder stands for its ``*.txt`` files, recursively, in sorted order.
What cannot be read becomes a problem in the article's place, never a stopped run.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import orjson

from ..articles import Article, ArticleProblem, load_or_problem, malformed, unreadable

STDIN = "-"
JSON_LINES = (".jsonl", ".ndjson")


def iter_articles(inputs: list[str], *, max_chars: int) -> Iterator[Article | ArticleProblem]:
    """Every article of ``inputs``, in order, validated, or the problem in its place."""
    for name in inputs:
        if name == STDIN:
            yield from _lines(sys.stdin.buffer, STDIN, max_chars)
            continue
        for path in _files(Path(name)):
            if path.suffix.lower() in JSON_LINES:
                yield from _json_lines(path, max_chars)
            else:
                yield _text_file(path, max_chars)


def count_articles(inputs: list[str]) -> int | None:
    """How many articles ``inputs`` hold (None with stdin): the progress bar's total."""
    if STDIN in inputs:
        return None
    total = 0
    for name in inputs:
        for path in _files(Path(name)):
            if path.suffix.lower() not in JSON_LINES:
                total += 1
                continue
            try:
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
    return total


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
    else:
        yield path  # a missing file is reported when it is read


def _text_file(path: Path, max_chars: int) -> Article | ArticleProblem:
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        return unreadable(f"Cannot read {path}: {exc.strerror or exc}.", id=str(path))
    except UnicodeDecodeError as exc:
        return unreadable(f"{path} is not UTF-8: byte {exc.start} cannot be decoded.",
                          id=str(path))
    return load_or_problem({"text": text, "id": str(path)}, max_chars=max_chars)


def _json_lines(path: Path, max_chars: int) -> Iterator[Article | ArticleProblem]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield unreadable(f"Cannot read {path}: {exc.strerror or exc}.", id=str(path))
        return
    with handle:
        yield from _lines(handle, str(path), max_chars)


def _lines(handle: BinaryIO, source: str, max_chars: int) -> Iterator[Article | ArticleProblem]:
    """One article per non-blank line; its default id is ``source:line``."""
    for number, raw in enumerate(handle, 1):
        if not raw.strip():
            continue
        where = {"id": f"{source}:{number}", "line": number}
        try:
            payload = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            yield malformed(f"Line {number} of {source} is not valid JSON: {exc}.", **where)
            continue
        yield load_or_problem(payload, max_chars=max_chars, line=number,
                              default_id=where["id"])
