"""CPU per article of one worker: in-process, a 1-process pool, and a 1-worker Dask cluster.

The same chunks go, round after round, to each runner in turn (all started before the
first round, so each side sees the same machine load): the in-process runner, a
``ProcessRunner`` of one process, a ``LocalCluster`` of one worker with the runner's
``WORKER_CONFIG`` and one with Dask's stock settings. What is compared is the CPU time
of the process (for the in-process runner: the thread) that extracts, per article, so
that a shared, noisy machine blurs it less than articles/s; both are printed, with each
side over the in-process runner. Every side's results must equal the in-process ones
(apart from ``meta.elapsed_ms``). About 2 minutes on 2 cores:

    .venv/bin/python bench/worker_overhead.py
    .venv/bin/python bench/worker_overhead.py --articles 64 --rounds 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.speedlib.articles import mixed_corpus, write_jsonl  # noqa: E402
from service.cli.inputs import iter_articles  # noqa: E402
from service.runners import cluster  # noqa: E402
from service.runners.local import InProcessRunner, ProcessRunner  # noqa: E402
from service.runners.worker import Settings  # noqa: E402

SIDES = ("in-process", "processes 1", "dask local:1", "dask local:1 stock")


def _process_cpu(pid: int) -> Callable[[], float]:
    process = psutil.Process(pid)
    return lambda: sum(process.cpu_times()[:2])


def start(side: str, settings: Settings) -> tuple[Any, Callable[[], float]]:
    """The runner of ``side`` and a clock of its extracting CPU seconds."""
    if side == "in-process":
        return InProcessRunner(settings), time.thread_time
    if side == "processes 1":
        runner = ProcessRunner(settings, 1)
        return runner, _process_cpu(runner.pool.submit(os.getpid).result())
    stock, ours = {}, cluster.WORKER_CONFIG
    cluster.WORKER_CONFIG = stock if side.endswith("stock") else ours
    try:
        runner = cluster.DaskRunner(settings, "local:1")
    finally:
        cluster.WORKER_CONFIG = ours
    return runner, _process_cpu(next(iter(runner.client.run(os.getpid).values())))


def _comparable(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for result in sorted(results, key=lambda r: r["id"]):
        meta = {k: v for k, v in result.get("meta", {}).items() if k != "elapsed_ms"}
        out.append({**result, "meta": meta})
    return out


def one_round(runner: Any, clock: Callable[[], float],
              chunks: list[list[Any]]) -> tuple[float, float, list[dict[str, Any]]]:
    """articles/s and CPU ms per article of one pass over ``chunks``; the results."""
    cpu, started = clock(), time.perf_counter()
    results = [line for chunk in runner.map(chunks) for line in chunk]
    wall = time.perf_counter() - started
    return len(results) / wall, 1000 * (clock() - cpu) / len(results), results


def report(rates: dict[str, list[float]], costs: dict[str, list[float]]) -> None:
    base_rate = statistics.median(rates["in-process"])
    base_cost = statistics.median(costs["in-process"])
    print(f"{'side':<20} {'CPU ms/article':>15} {'vs in-proc':>10} {'articles/s':>11} "
          f"{'vs in-proc':>10}  rounds (CPU ms/article)")
    for side in rates:
        cost, rate = statistics.median(costs[side]), statistics.median(rates[side])
        print(f"{side:<20} {cost:>15.1f} {cost / base_cost:>9.2f}x {rate:>11.2f} "
              f"{rate / base_rate:>9.2f}x  " + ", ".join(f"{c:.0f}" for c in costs[side]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=32)
    parser.add_argument("--chunk-size", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"bench/worker_overhead.py {time.strftime('%Y-%m-%d %H:%M:%S %Z')}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; {args.articles} "
          f"articles in chunks of {args.chunk_size}, {args.rounds} rounds")
    with tempfile.TemporaryDirectory() as tmp:
        source = write_jsonl(Path(tmp) / "corpus.jsonl", mixed_corpus(args.articles))
        articles = list(iter_articles([str(source)], max_chars=Settings().max_text_chars))
    chunks = [articles[i:i + args.chunk_size] for i in range(0, len(articles), args.chunk_size)]
    runners = {side: start(side, Settings()) for side in SIDES}
    rates: dict[str, list[float]] = {side: [] for side in SIDES}
    costs: dict[str, list[float]] = {side: [] for side in SIDES}
    expected = None
    try:
        for _ in range(args.rounds):
            for side, (runner, clock) in runners.items():
                rate, cost, results = one_round(runner, clock, chunks)
                expected = expected or _comparable(results)
                if _comparable(results) != expected:
                    raise SystemExit(f"{side}: results differ from the in-process runner's")
                rates[side].append(rate)
                costs[side].append(cost)
    finally:
        for runner, _clock in runners.values():
            runner.close()
    report(rates, costs)
    print(f"results identical on every side; load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
