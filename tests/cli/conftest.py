"""Helpers for the command line and runner tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.extractor import Extractor


@pytest.fixture(autouse=True)
def _shared_pipeline(language, monkeypatch):
    """In this process, runners use the session's pipeline instead of loading another
    (worker processes and Dask workers still load their own)."""
    extractor = Extractor(nlp=language)
    monkeypatch.setattr("service.runners.worker.extractor_for", lambda settings: extractor)
    monkeypatch.setattr("service.malloc_tuning.tune_for_extraction", lambda: False)


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def by_id(lines: list[dict]) -> dict[str, dict]:
    """Lines by id, ``meta.elapsed_ms`` removed: the one member that differs run to run."""
    out = {}
    for line in lines:
        line = json.loads(json.dumps(line))
        line.get("meta", {}).pop("elapsed_ms", None)
        out[line["id"]] = line
    return out
