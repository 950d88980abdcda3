"""The JSON Lines output: one line per article, written as results arrive; resumable."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO, Any

import orjson

from ..articles import is_problem


def finished_ids(path: Path) -> set[str]:
    """Ids of the articles with a result in ``path`` (problem lines are tried again).

    A last line cut short by a crash is removed, so that appending starts on a new line.
    """
    if not path.exists():
        return set()
    done: set[str] = set()
    keep = 0  # bytes up to the end of the last complete line
    with path.open("rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            keep += len(raw)
            try:
                line = orjson.loads(raw)
            except orjson.JSONDecodeError:
                continue
            if isinstance(line, dict) and not is_problem(line) and line.get("id") is not None:
                done.add(line["id"])
    if keep < path.stat().st_size:
        os.truncate(path, keep)
    return done


class Output:
    """Appends lines to a file (or writes them to stdout) and flushes each batch."""

    def __init__(self, target: str | None, *, append: bool) -> None:
        if target in (None, "-"):
            self.handle: IO[bytes] = sys.stdout.buffer
            self.owned = False
        else:
            self.handle = open(target, "ab" if append else "wb")  # closed in close()
            self.owned = True

    def write(self, lines: list[dict[str, Any]]) -> None:
        self.handle.write(b"".join(orjson.dumps(line) + b"\n" for line in lines))
        self.handle.flush()

    def close(self) -> None:
        if self.owned:
            self.handle.close()
