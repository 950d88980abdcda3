"""Articles/s of ``newsextract extract`` with 1, 2, 4, 8, 16 worker processes and Dask workers.

Each level runs the real command line (``python -m service extract``) on a corpus of
``--per-worker`` articles per worker (seeds, a 1,003-word and a 49,883-character
article, 250-word articles, in a fixed mix), once with ``--processes N`` and once with
``--scheduler local:N``. The rate is what the command reports: articles over the time
from the first article to the last result, after every worker has loaded the pipeline
(the runner's shut-down excluded); the wall time, start-up included, is printed beside
it. ``--processes 1`` is the in-process runner (the command's default): both columns
are also given over it (``x in-proc``), and the issue's two targets are checked at 2
workers (``--processes 2`` >= 1.8x, ``local:2`` >= 1.6x the in-process runner).
Levels above the machine's cores are skipped unless ``--levels`` names them. About
4-5 minutes on 16 cores:

    .venv/bin/python bench/scaling.py                  # 1 2 4 8 16 (up to the cores)
    .venv/bin/python bench/scaling.py --levels 1 2     # a 2-core machine
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.speedlib.articles import mixed_corpus, run_cli, write_jsonl  # noqa: E402

LEVELS = (1, 2, 4, 8, 16)


def measure(level: int, per_worker: int, chunk: int, tmp: Path) -> dict[str, dict]:
    source = write_jsonl(tmp / f"corpus-{level}.jsonl", mixed_corpus(per_worker * level))
    out = tmp / "out.jsonl"
    common = ("--chunk-size", str(chunk))
    return {"processes": run_cli(source, out, "--processes", str(level), *common),
            "dask": run_cli(source, out, "--scheduler", f"local:{level}", *common)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", type=int, nargs="+",
                        default=[n for n in LEVELS if n <= (os.cpu_count() or 1)])
    parser.add_argument("--per-worker", type=int, default=32,
                        help="articles per worker at each level (default 32)")
    parser.add_argument("--chunk-size", type=int, default=4)
    args = parser.parse_args()
    print(f"bench/scaling.py {time.strftime('%Y-%m-%d %H:%M:%S %Z')}, python "
          f"{sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; {args.per_worker} articles "
          f"per worker, chunks of {args.chunk_size}")
    print(f"{'workers':>7}  {'articles':>8}  {'processes art/s':>15}  {'x in-proc':>9}  "
          f"{'wall s':>7}  {'dask art/s':>10}  {'x in-proc':>9}  {'x dask-1':>8}  {'wall s':>7}")
    base: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for level in args.levels:
            result = measure(level, args.per_worker, args.chunk_size, Path(tmp))
            for kind, run in result.items():
                base.setdefault(kind, run["rate"] / level)
            p, d = result["processes"], result["dask"]
            print(f"{level:>7}  {args.per_worker * level:>8}  {p['rate']:>15.2f}  "
                  f"{p['rate'] / base['processes']:>8.2f}x  {p['wall']:>7.1f}  "
                  f"{d['rate']:>10.2f}  {d['rate'] / base['processes']:>8.2f}x  "
                  f"{d['rate'] / base['dask']:>7.2f}x  {d['wall']:>7.1f}", flush=True)
            if level == 2 and args.levels[0] == 1:
                targets(p["rate"] / base["processes"], d["rate"] / base["processes"])
    print("x in-proc: articles/s over the in-process runner's (--processes 1, 1 worker); "
          "x dask-1: over one Dask worker's (linear scaling is N.00x at N workers); load "
          f"average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def targets(processes: float, dask: float) -> None:
    """The issue's two scale-out targets, at 2 workers against the in-process runner."""
    for what, ratio, target in (("--processes 2", processes, 1.8),
                                ("--scheduler local:2", dask, 1.6)):
        print(f"         {what} / in-process runner: {ratio:.2f}x (target >= {target}x: "
              f"{'ok' if ratio >= target else 'MISSED'})")


if __name__ == "__main__":
    main()
