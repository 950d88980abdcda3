"""Numbers to size a deployment with: articles/s and memory per gunicorn worker, and how
requests spread over the workers with keep-alive clients vs a new connection per request.

    .venv/bin/python bench/capacity.py                 # about 3 minutes on 2 cores
    .venv/bin/python bench/capacity.py --workers 1,2,4 --seconds 30

Each server is the real one (``service.gunicorn_conf``, metrics and JSON logs on); the
spread is read from the worker pid in each request's log record. deploy/README.md and
the README's "Scaling out" section quote its output.
"""

from __future__ import annotations

import argparse
import http.client
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.speedlib import loadgen, memory  # noqa: E402
from bench.speedlib.corpus import build_corpus, count_words  # noqa: E402


class FreshConnectionLoad(loadgen.Load):
    """Like ``Load``, but each request on a new connection (as nginx sends them upstream
    without ``keepalive``): the kernel hands each one to a worker waiting in accept."""

    def _client(self) -> None:
        while (body := self._take()) is not None:
            conn = http.client.HTTPConnection(loadgen.HOST, self.port, timeout=120)
            try:
                self._send(conn, body)
            finally:
                conn.close()


def _peak_rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _spread(log, since: int) -> list[int]:
    """Requests per worker among the extraction records logged after offset ``since``."""
    log.seek(since)
    pids = Counter()
    for line in log.read().splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            if record.get("path") == "/v1/extract" and "status" in record:
                pids[record["pid"]] += 1
    return sorted(pids.values(), reverse=True)


def _spread_run(port: int, log, bodies: list[bytes], load_class, clients: int,
                requests: int) -> list[int]:
    log.flush()
    since = log.seek(0, 2)
    load_class(port, bodies, requests, 120.0).run(clients)
    time.sleep(0.5)  # the last records reach the file
    return _spread(log, since)


def _start_nginx(upstream_port: int, directory: Path) -> tuple[subprocess.Popen, int]:
    """deploy/nginx/nginx.conf in front of the server, on free local ports."""
    port = loadgen.free_port()
    conf = (loadgen.ROOT / "deploy/nginx/nginx.conf").read_text()
    conf = conf.replace("server newsx-app:8000", f"server 127.0.0.1:{upstream_port}")
    conf = conf.replace("listen 8080", f"listen 127.0.0.1:{port}")
    (directory / "nginx.conf").write_text(conf)
    proc = subprocess.Popen(["nginx", "-c", str(directory / "nginx.conf"), "-p",
                             str(directory), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    return proc, port


def _spreads(port: int, log, bodies: list[bytes], workers: int, args) -> dict:
    """Requests per worker, ``args.trials`` times per way of connecting."""
    clients = 4 * workers
    ways = {"keep-alive": (port, loadgen.Load),
            "new connection per request": (port, FreshConnectionLoad)}
    nginx, directory = None, None
    if args.nginx and shutil.which("nginx"):
        directory = Path(tempfile.mkdtemp(prefix="newsx-nginx-"))
        nginx, nginx_port = _start_nginx(port, directory)
        ways["keep-alive via nginx"] = (nginx_port, loadgen.Load)
    try:
        return {way: [_spread_run(p, log, bodies, load, clients, args.spread_requests)
                      for _ in range(args.trials)]
                for way, (p, load) in ways.items()}
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait()
            shutil.rmtree(directory, ignore_errors=True)


def measure(workers: int, articles: list[str], args) -> dict:
    port = loadgen.free_port()
    bodies = [a.encode() for a in articles]
    with tempfile.TemporaryFile("w+") as log:
        proc, ready_s = loadgen.start_server(workers, port, log)
        try:
            result = {"workers": workers, "ready_s": ready_s}
            if workers > 1:  # first, as right after a (re)start
                result["spread"] = _spreads(port, log, bodies, workers, args)
            loadgen.Load(port, bodies[:4], 2 * workers, 60.0).run(workers)  # warm
            result["load"] = loadgen.drive(port, proc.pid, articles, workers, args)
            pids = memory.children(proc.pid)
            result["rss"] = [memory.usage(p)["rss_mib"] for p in pids]
            result["pss"] = [memory.usage(p)["pss_mib"] for p in pids]
            result["peak"] = [_peak_rss_mib(p) for p in pids]
            result["master_rss"] = memory.usage(proc.pid)["rss_mib"]
        finally:
            loadgen.stop_server(proc)
    return result


def _report(results: list[dict], articles: list[str]) -> None:
    words = sum(count_words(a) for a in articles) / len(articles)
    print(f"bench/capacity.py  {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}  "
          f"python {platform.python_version()}  {platform.machine()}")
    print(f"articles: the seeds, {words:.0f} words on average; concurrency = workers")
    print("workers  art/s  art/s/worker  art/CPU-s  p50 ms  p95 ms  RSS MiB/worker "
          "(peak)  PSS MiB/worker  master RSS")
    for r in results:
        load = r["load"]
        rss = "/".join(f"{x:.0f}" for x in r["rss"])
        peak = "/".join(f"{x:.0f}" for x in r["peak"] if x is not None)
        pss = "/".join(f"{x:.0f}" for x in r["pss"] if x is not None)
        print(f"{r['workers']:7d}  {load['articles_s']:5.2f}  "
              f"{load['articles_s'] / r['workers']:12.2f}  {load['articles_cpu_s']:9.2f}  "
              f"{load['p50'] * 1000:6.0f}  {load['p95'] * 1000:6.0f}  {rss:>14} ({peak})  "
              f"{pss:>14}  {r['master_rss']:.0f}")
    for r in results:
        for way, trials in r.get("spread", {}).items():
            print(f"{r['workers']} workers, {4 * r['workers']} clients, requests per worker "
                  f"({way}), trials in order from start: {trials}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=lambda s: [int(x) for x in s.split(",")],
                        default=[1, 2])
    parser.add_argument("--requests", type=int, default=60, help="per load run (at most)")
    parser.add_argument("--seconds", type=float, default=20.0, help="per load run (at most)")
    parser.add_argument("--spread-requests", type=int, default=32)
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--nginx", action="store_true",
                        help="also through deploy/nginx/nginx.conf (needs nginx on PATH)")
    args = parser.parse_args()
    articles = build_corpus(20_000)
    results = [measure(w, articles, args) for w in args.workers]
    _report(results, articles)


if __name__ == "__main__":
    main()
