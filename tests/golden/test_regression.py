"""Exact expected responses for the seeds and a fixed sample of eval texts.

The floors in the other golden tests say how good the output is; these say that it
did not change. After an intended change run ``make goldens`` and review the diff.
"""

from __future__ import annotations

import pytest

from tests.golden.regression import (
    EVAL,
    MODEL,
    body,
    eval_records,
    first_difference,
    read,
    seed_texts,
)

SEED_LINES = read("seeds.jsonl")
EVAL_LINES = read("eval.jsonl")
_REGENERATE = "if the change is intended: make goldens, then review git diff tests/golden"


def _check(client, line, text):
    if line["model"] != MODEL:
        pytest.skip(f"goldens were made with {line['model']}, not {MODEL}")
    difference = first_difference(line["response"], body(client, text), line["key"])
    assert difference is None, f"{difference}\n{_REGENERATE}"


@pytest.mark.parametrize("line", SEED_LINES, ids=lambda line: line["key"])
def test_regression_seed_response_is_unchanged(client, line):
    _check(client, line, seed_texts()[line["key"]])


@pytest.mark.parametrize("line", EVAL_LINES, ids=lambda line: line["key"])
def test_regression_eval_response_is_unchanged(client, line, eval_texts):
    if eval_texts is None:
        pytest.skip(f"{EVAL} not found (the eval sets are not part of the repository)")
    _check(client, line, eval_texts[line["source"]][line["key"]])


def test_regression_goldens_cover_every_seed():
    assert sorted(line["key"] for line in SEED_LINES) == sorted(seed_texts())


@pytest.fixture(scope="module")
def eval_texts():
    if not EVAL.is_dir():
        return None
    return {source: eval_records(source) for source in {line["source"] for line in EVAL_LINES}}
