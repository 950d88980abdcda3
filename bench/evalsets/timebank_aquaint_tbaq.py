"""TimeBank + AQUAINT (TBAQ-cleaned): the platinum date scoring on 256 older newswire documents.

Internal evaluation only (see the data folder's README). ``path`` is the folder (both
files, TimeBank first) or one of its .jsonl files.
"""

from __future__ import annotations

from pathlib import Path

from . import Extract
from .tempeval3_platinum import evaluate_files

_FILES = ("timebank.jsonl", "aquaint.jsonl")


def evaluate(path: Path, extract: Extract, *, limit: int | None = None) -> dict[str, float]:
    """Score date mentions and values against the TIMEX3 type DATE gold."""
    path = Path(path)
    files = [path / name for name in _FILES] if path.is_dir() else [path]
    return evaluate_files(files, extract, limit=limit)
