"""Rewrite the regression goldens under tests/golden/expected/ (``make goldens``).

Run it after an intended change to the output, then review ``git diff tests/golden``:
every changed line is a text whose response changed. Without ``../shared/eval`` only
the seeds' file is rewritten.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.app import create_app  # noqa: E402
from service.extraction import build_nlp  # noqa: E402
from tests.golden.regression import EVAL, MODEL, generate, write  # noqa: E402


def main() -> None:
    client = create_app({"TESTING": True}, nlp=build_nlp(MODEL)).test_client()
    for name, lines in generate(client):
        write(name, lines)
        print(f"tests/golden/expected/{name}: {len(lines)} texts")
    if not EVAL.is_dir():
        print(f"{EVAL} not found: eval.jsonl left as it is")


if __name__ == "__main__":
    main()
