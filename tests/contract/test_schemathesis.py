"""schemathesis against a live gunicorn: every generated request, positive and negative,
is answered as the spec says (status, content type, body schema; valid data accepted)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bench.robustlib import gunicorn
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

# Bounded: about 100-200 requests, ~10 s once the server is up.
MAX_EXAMPLES = 20


# Every operation with every check, but:
# - the stream's NDJSON body has no schemathesis serializer (its own tests cover it);
# - a batch answers an invalid *article* with that article's own problem entry inside a
#   200 (one bad article never fails the batch, by design), which the negative-data
#   check would call "schema-violating request accepted": the batch runs every other check.
RUNS = {
    "all but batch and stream": ["--checks", "all",
                                 "--exclude-path-regex", "^/v1/extract/(batch|stream)$"],
    "batch": ["--checks", "all", "--exclude-checks", "negative_data_rejection",
              "--include-path", "/v1/extract/batch"],
}


@pytest.mark.parametrize("options", RUNS.values(), ids=RUNS.keys())
def test_schemathesis_finds_no_failure_against_gunicorn(options):
    with gunicorn(1) as (port, _master):
        result = subprocess.run(
            [sys.executable, "-m", "schemathesis.cli", "run",
             f"http://127.0.0.1:{port}/openapi.json", *options,
             "--max-examples", str(MAX_EXAMPLES), "--generation-deterministic",
             "--request-timeout", "30", "--no-color"],
            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "No issues found" in result.stdout

