"""A real gunicorn on a free local port, driven by a bounded keep-alive HTTP client."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from . import memory

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
APP = "service.app:create_app()"
READY_TIMEOUT_S = 120.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(workers: int, port: int, log) -> tuple[subprocess.Popen, float]:
    """Start gunicorn with the project's config; return it and the seconds to /readyz 200."""
    env = {**os.environ, "HOST": HOST, "PORT": str(port), "WEB_CONCURRENCY": str(workers)}
    command = [sys.executable, "-m", "gunicorn", "-c", "python:service.gunicorn_conf", APP]
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    while time.perf_counter() - start < READY_TIMEOUT_S:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode}")
        if _get_status(port, "/readyz") == 200:
            proc.ready_cpu_s = memory.tree_cpu_seconds(proc.pid)  # type: ignore[attr-defined]
            return proc, time.perf_counter() - start
        time.sleep(0.05)
    stop_server(proc)
    raise RuntimeError(f"/readyz not 200 within {READY_TIMEOUT_S:.0f} s")


def stop_server(proc: subprocess.Popen) -> None:
    """Graceful stop of the master we started (it stops its own workers)."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _get_status(port: int, path: str) -> int | None:
    conn = http.client.HTTPConnection(HOST, port, timeout=2)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    except OSError:
        return None
    finally:
        conn.close()


class Load:
    """``concurrency`` threads, each with one keep-alive connection, sharing a request budget."""

    def __init__(self, port: int, bodies: list[bytes], max_requests: int, max_seconds: float):
        self.port, self.bodies = port, bodies
        self.max_requests, self.max_seconds = max_requests, max_seconds
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self._next = 0
        self._lock = threading.Lock()

    def run(self, concurrency: int) -> float:
        """Drive the server; return the wall seconds from first send to last answer."""
        self._deadline = time.perf_counter() + self.max_seconds
        threads = [threading.Thread(target=self._client, daemon=True) for _ in range(concurrency)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - start

    def _take(self) -> bytes | None:
        with self._lock:
            if self._next >= self.max_requests or time.perf_counter() > self._deadline:
                return None
            body = self.bodies[self._next % len(self.bodies)]
            self._next += 1
            return body

    def _client(self) -> None:
        conn = http.client.HTTPConnection(HOST, self.port, timeout=120)
        try:
            while (body := self._take()) is not None:
                self._send(conn, body)
        finally:
            conn.close()

    def _send(self, conn: http.client.HTTPConnection, body: bytes) -> None:
        headers = {"Content-Type": "text/plain; charset=utf-8"}
        start = time.perf_counter()
        try:
            conn.request("POST", "/v1/extract", body=body, headers=headers)
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as exc:
            conn.close()  # the next request reconnects
            with self._lock:
                self.errors.append(type(exc).__name__)
            return
        elapsed = time.perf_counter() - start
        with self._lock:
            if response.status == 200:
                self.latencies.append(elapsed)
            else:
                self.errors.append(f"HTTP {response.status}")


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN when there is nothing to rank."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def drive(port: int, master: int, texts: list[str], concurrency: int, args) -> dict:
    bodies = [t.encode("utf-8") for t in texts]
    load = Load(port, bodies, args.requests, args.seconds)
    cpu_before = memory.tree_cpu_seconds(master)
    wall = load.run(concurrency)
    server_cpu = memory.tree_cpu_seconds(master) - cpu_before
    done = len(load.latencies)
    return {"concurrency": concurrency, "done": done, "errors": len(load.errors),
            "error_kinds": sorted(set(load.errors)), "wall_s": wall,
            "articles_s": done / wall if wall else 0.0,
            "articles_cpu_s": done / server_cpu if server_cpu else 0.0,
            "p50": percentile(load.latencies, 50), "p95": percentile(load.latencies, 95),
            "p99": percentile(load.latencies, 99)}


def paired(port: int, texts: list[str], local, rounds: int = 1) -> dict:
    """Each text over HTTP (one keep-alive connection), then through ``local`` in this
    process, alternately: both sides see the same minutes of a shared machine, which a
    comparison with the in-process phase, run minutes earlier, does not."""
    conn = http.client.HTTPConnection(HOST, port, timeout=120)
    over_http: list[float] = []
    in_process: list[float] = []
    try:
        for _ in range(rounds):
            for text in texts:
                body = text.encode("utf-8")
                start = time.perf_counter()
                conn.request("POST", "/v1/extract", body=body,
                             headers={"Content-Type": "text/plain; charset=utf-8"})
                response = conn.getresponse()
                response.read()
                over_http.append(time.perf_counter() - start)
                if response.status != 200:
                    raise RuntimeError(f"HTTP {response.status} in the paired run")
                start = time.perf_counter()
                local(text)
                in_process.append(time.perf_counter() - start)
    finally:
        conn.close()
    return {"n": len(over_http), "http_s": sum(over_http), "local_s": sum(in_process),
            "http_p50": percentile(over_http, 50), "local_p50": percentile(in_process, 50)}


def measure_server(workers: int, articles: list[str], short: str, args,
                   local=None) -> dict:
    """Start, warm, load at each concurrency, time the 1,000-word article, read memory;
    with one worker and a ``local`` pipeline, also the paired HTTP/in-process runs."""
    port = free_port()
    with tempfile.TemporaryFile("w+") as log:
        proc, ready_s = start_server(workers, port, log)
        try:
            warm = Load(port, [a.encode() for a in articles[:4]], 2 * workers, 60.0)
            warm.run(workers)
            levels = [drive(port, proc.pid, articles, c, args) for c in args.concurrency]
            single = Load(port, [short.encode()], max(5, args.requests // 4), args.seconds)
            single.run(1)
            pairs = None
            if workers == 1 and local is not None:
                pairs = {"articles": paired(port, articles, local),
                         "short": paired(port, [short] * 15, local)}
            mem = memory.of_tree(proc.pid)
        except Exception:
            log.seek(0)
            sys.stderr.write(log.read()[-4000:])
            raise
        finally:
            stop_server(proc)
    return {"workers": workers, "ready_s": ready_s, "ready_cpu_s": proc.ready_cpu_s,
            "levels": levels,
            "short_p50": percentile(single.latencies, 50), "short_n": len(single.latencies),
            "paired": pairs, "memory": mem}
