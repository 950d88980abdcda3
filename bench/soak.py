"""Soak and worker-kill runs against a real gunicorn (2 workers, concurrency 8).

soak: 10,000 requests (seed paragraphs, 40-250 words each) on 8 keep-alive connections;
errors counted, and the workers' RSS compared between the end of a warm-up (the first
1,000 requests) and the end. Worker recycling (max_requests) is off for this run, so a
leak would show.

kill: the same load for 12 s; 4 s in, one worker gets SIGKILL. Failed requests are
compared with the requests in flight at that moment, and recovery is the time until the
master's replacement worker is up and the service answers again.

    .venv/bin/python bench/soak.py [--requests 10000] [--skip-kill]
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.robustlib import HOST, gunicorn, workers_of  # noqa: E402
from bench.speedlib import corpus  # noqa: E402
from service.recycling import rss_bytes  # noqa: E402

CONCURRENCY = 8


def rss_mib(pids: list[int]) -> list[int]:
    return [rss_bytes(pid) >> 20 for pid in pids]


class Load:
    """CONCURRENCY keep-alive clients posting bodies in turn; counts and timestamps."""

    def __init__(self, port: int, bodies: list[bytes], total: int | None, seconds: float | None):
        self.port, self.bodies, self.total, self.seconds = port, bodies, total, seconds
        self.lock = threading.Lock()
        self.sent = self.ok = 0
        self.errors: list[tuple[float, str]] = []
        self.in_flight = 0
        self.successes: list[float] = []
        self.started = time.monotonic()

    def _next(self) -> bytes | None:
        with self.lock:
            over_time = self.seconds and time.monotonic() - self.started > self.seconds
            if (self.total is not None and self.sent >= self.total) or over_time:
                return None
            self.sent += 1
            self.in_flight += 1
            return self.bodies[self.sent % len(self.bodies)]

    def _client(self) -> None:
        conn = http.client.HTTPConnection(HOST, self.port, timeout=120)
        while (body := self._next()) is not None:
            try:
                conn.request("POST", "/v1/extract", body=body,
                             headers={"Content-Type": "text/plain; charset=utf-8"})
                response = conn.getresponse()
                response.read()
                outcome = "" if response.status == 200 else f"status {response.status}"
            except (OSError, http.client.HTTPException) as exc:
                outcome = type(exc).__name__
                conn.close()
                conn = http.client.HTTPConnection(HOST, self.port, timeout=120)
            with self.lock:
                self.in_flight -= 1
                now = time.monotonic()
                if outcome:
                    self.errors.append((now, outcome))
                else:
                    self.ok += 1
                    self.successes.append(now)
        conn.close()

    def start(self) -> list[threading.Thread]:
        threads = [threading.Thread(target=self._client, daemon=True)
                   for _ in range(CONCURRENCY)]
        for thread in threads:
            thread.start()
        return threads


def _bodies() -> list[bytes]:
    paragraphs = [p for p in corpus._paragraphs() if 40 <= corpus.count_words(p) <= 250]
    return [p.encode() for p in paragraphs]


def soak(total: int) -> None:
    with gunicorn(2, GUNICORN_MAX_REQUESTS="0", GUNICORN_MAX_WORKER_RSS_MB="0") as (port, m):
        load = Load(port, _bodies(), total, None)
        threads = load.start()
        warm = None
        while any(t.is_alive() for t in threads):
            if warm is None and load.sent >= min(1000, total // 10):
                warm = rss_mib(workers_of(m))
            time.sleep(0.2)
        end = rss_mib(workers_of(m))
        elapsed = time.monotonic() - load.started
    growth = (sum(end) - sum(warm)) / sum(warm) * 100 if warm else float("nan")
    print(f"soak: {load.sent} requests, concurrency {CONCURRENCY}, 2 workers, "
          f"{elapsed:.0f} s ({load.sent / elapsed:.1f}/s); ok {load.ok}, errors "
          f"{len(load.errors)}")
    print(f"  worker RSS MiB after warm-up {warm}, at the end {end}: growth {growth:+.1f}% "
          f"(target <= 5%: {'ok' if growth <= 5 else 'MISSED'})")


def kill(seconds: float = 12.0, at: float = 4.0) -> None:
    with gunicorn(2) as (port, master):
        load = Load(port, _bodies(), None, seconds)
        threads = load.start()
        time.sleep(at)
        victim = workers_of(master)[0]
        with load.lock:
            in_flight = load.in_flight
            killed_at = time.monotonic()
            os.kill(victim, signal.SIGKILL)
        replaced = None
        while replaced is None and time.monotonic() - killed_at < 10:
            current = workers_of(master)
            if len(current) == 2 and victim not in current:
                replaced = time.monotonic() - killed_at
            time.sleep(0.01)
        for thread in threads:
            thread.join()
    after = [t for t in load.successes if t > killed_at]
    gaps = [b - a for a, b in zip([killed_at, *after], after, strict=False)]
    print(f"kill -9 of worker {victim} under load (concurrency {CONCURRENCY}): "
          f"{load.sent} requests, failed {len(load.errors)} "
          f"({sorted({e for _, e in load.errors})}), in flight at the kill {in_flight} "
          f"(target failed <= in flight: {'ok' if len(load.errors) <= in_flight else 'MISSED'})")
    print(f"  replacement worker up {replaced:.2f} s after the kill; first success after the "
          f"kill {after[0] - killed_at:.2f} s, longest gap between successes after it "
          f"{max(gaps):.2f} s (target recovery < 1 s: "
          f"{'ok' if replaced is not None and replaced < 1 else 'MISSED'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--skip-kill", action="store_true")
    parser.add_argument("--skip-soak", action="store_true")
    args = parser.parse_args()
    if not args.skip_soak:
        soak(args.requests)
    if not args.skip_kill:
        kill()


if __name__ == "__main__":
    main()
