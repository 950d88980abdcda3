"""Batch, stream, CLI and Dask throughput: the targets of the archives-and-pipelines release.

Each ratio pair is measured in one run, alternating its two sides round by round:

  http    batch endpoint vs one request per article, one gunicorn worker (long seeds and
          250-word articles), target >= 1.2x
  cli     newsextract --processes 2 vs --processes 1 (target >= 1.8x), and
          --scheduler local:2 vs the in-process runner (target >= 1.6x), which is what
          --processes 1 runs; rates as the command reports them (first to last result)
  stream  5,000 short articles through /v1/extract/stream, one worker: RSS growth after
          warm-up (target <= 5%), every id answered once, in order of completion

    .venv/bin/python bench/batch.py                 # all three, ~10 min on 2 cores
    .venv/bin/python bench/batch.py --only cli
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.speedlib import loadgen, memory  # noqa: E402
from bench.speedlib.articles import mixed_corpus, run_cli, short_articles, write_jsonl  # noqa: E402
from bench.speedlib.corpus import build_corpus  # noqa: E402
from service.runners.remote import stream_lines  # noqa: E402

BATCH = 16


def _post(conn: http.client.HTTPConnection, path: str, body: dict) -> dict:
    conn.request("POST", path, body=json.dumps(body).encode(),
                 headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    if response.status != 200:
        raise RuntimeError(f"{path}: {response.status} {data[:300]!r}")
    return json.loads(data)


def _singles(port: int, texts: list[str]) -> float:
    conn = http.client.HTTPConnection(loadgen.HOST, port, timeout=600)
    start = time.perf_counter()
    for i, text in enumerate(texts):
        _post(conn, "/v1/extract", {"text": text, "id": str(i)})
    conn.close()
    return len(texts) / (time.perf_counter() - start)


def _batches(port: int, texts: list[str]) -> float:
    conn = http.client.HTTPConnection(loadgen.HOST, port, timeout=600)
    start = time.perf_counter()
    for i in range(0, len(texts), BATCH):
        chunk = texts[i:i + BATCH]
        body = _post(conn, "/v1/extract/batch",
                     {"articles": [{"text": t, "id": str(i + k)} for k, t in enumerate(chunk)]})
        assert len(body["results"]) == len(chunk) and body["meta"]["failed"] == 0
    conn.close()
    return len(texts) / (time.perf_counter() - start)


def bench_http(rounds: int) -> None:
    corpora = {"seeds (1,176 words)": build_corpus(20_000)[:16],
               "250-word articles": short_articles(64)}
    port = loadgen.free_port()
    with tempfile.TemporaryFile() as log:
        proc, ready = loadgen.start_server(1, port, log)
        try:
            _singles(port, short_articles(8))  # warm the worker
            for name, texts in corpora.items():
                single, batch = [], []
                for _ in range(rounds):
                    single.append(_singles(port, texts))
                    batch.append(_batches(port, texts))
                _ratio_line(f"http, 1 worker, {name}, {len(texts)} articles: batch of {BATCH}",
                            "single requests", batch, single, 1.2)
        finally:
            loadgen.stop_server(proc)


def bench_cli(rounds: int, count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = write_jsonl(Path(tmp) / "corpus.jsonl", mixed_corpus(count))
        out = Path(tmp) / "out.jsonl"
        sides: dict[str, list[dict]] = {"p1": [], "p2": [], "dask": []}
        options = {"p1": ("--processes", "1"), "p2": ("--processes", "2"),
                   "dask": ("--scheduler", "local:2")}
        for _ in range(rounds):
            for side in sides:
                sides[side].append(run_cli(source, out, *options[side]))
        rates = {side: [r["rate"] for r in runs] for side, runs in sides.items()}
        walls = {side: statistics.median(r["wall"] for r in runs) for side, runs in sides.items()}
        print(f"cli, {count} articles (seeds, a 1,003-word and a 49,883-char article, "
              f"250-word articles); median wall incl. start-up: "
              + ", ".join(f"{side} {wall:.1f} s" for side, wall in walls.items()))
        # --processes 1 is the in-process runner (no pool): the base of both targets
        _ratio_line("cli --processes 2", "--processes 1 (in-process runner)", rates["p2"],
                    rates["p1"], 1.8)
        _ratio_line("cli --scheduler local:2", "in-process runner (--processes 1)",
                    rates["dask"], rates["p1"], 1.6)


def bench_stream(count: int, warm: int) -> None:
    texts = short_articles(200, words=60)
    lines = (json.dumps({"id": f"s{i:05d}", "text": texts[i % len(texts)]}).encode() + b"\n"
             for i in range(count))
    port = loadgen.free_port()
    with tempfile.TemporaryFile() as log:
        proc, _ = loadgen.start_server(1, port, log)
        try:
            worker = memory.children(proc.pid)[0]
            ids, rss, peak = [], {}, 0.0
            start = time.perf_counter()
            for answer in stream_lines(f"http://{loadgen.HOST}:{port}", lines):
                ids.append(answer.get("id"))
                if len(ids) % 100 == 0:
                    peak = max(peak, memory.usage(worker)["rss_mib"] or 0.0)
                if len(ids) == warm:
                    rss["warm"] = memory.usage(worker)["rss_mib"]
            elapsed = time.perf_counter() - start
            rss["end"] = memory.usage(worker)["rss_mib"]
        finally:
            loadgen.stop_server(proc)
    expected = [f"s{i:05d}" for i in range(count)]
    growth = (rss["end"] - rss["warm"]) / rss["warm"]
    print(f"stream, 1 worker, {count} articles of ~60 words: {count / elapsed:.1f} articles/s; "
          f"answers {len(ids)}, complete and in order: {ids == expected}")
    print(f"  worker RSS after {warm} articles {rss['warm']:.1f} MiB, at the end "
          f"{rss['end']:.1f} MiB, peak {peak:.1f} MiB: growth {growth:+.1%} "
          f"(target <= 5%: {'ok' if growth <= 0.05 else 'MISSED'})")


def _ratio_line(what: str, versus: str, ours: list[float], base: list[float],
                target: float) -> None:
    ratio = statistics.median(ours) / statistics.median(base)
    print(f"{what}: {_rates(ours)} articles/s vs {versus}: {_rates(base)} -> "
          f"{ratio:.2f}x (target >= {target}x: {'ok' if ratio >= target else 'MISSED'})")


def _rates(values: list[float]) -> str:
    return "[" + ", ".join(f"{v:.2f}" for v in values) + f"] median {statistics.median(values):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("http", "cli", "stream"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cli-articles", type=int, default=48)
    parser.add_argument("--stream-articles", type=int, default=5000)
    args = parser.parse_args()
    print(f"bench/batch.py {time.strftime('%Y-%m-%d %H:%M:%S %Z')}, python "
          f"{sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.only in (None, "http"):
        bench_http(args.rounds)
    if args.only in (None, "cli"):
        bench_cli(args.rounds, args.cli_articles)
    if args.only in (None, "stream"):
        bench_stream(args.stream_articles, warm=500)
    print(f"load average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
