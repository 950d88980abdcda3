"""Slow clients against gunicorn, directly and behind the shipped nginx (deploy/nginx).

Two (then four) clients send their headers and then their body at one byte a second; one second
later a normal client posts a 1,000-word article. The delay is its latency minus the
same request's latency with no slow client. Directly, gunicorn (2 workers, 1 thread
each) gives both workers to the slow bodies until NEWSX_BODY_TIMEOUT; behind nginx, the
proxy holds the slow bodies and the workers stay free.

    .venv/bin/python bench/slow_clients.py            # needs nginx on PATH for the proxied row
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.robustlib import HOST, gunicorn, post  # noqa: E402
from bench.speedlib import corpus, loadgen  # noqa: E402

CONF = Path(__file__).resolve().parents[1] / "deploy" / "nginx" / "nginx.conf"


def slow_client(port: int, seconds: int, results: list) -> None:
    """Headers, then one body byte a second for ``seconds``; records the status line."""
    started = time.monotonic()
    try:
        with socket.create_connection((HOST, port), timeout=seconds + 30) as sock:
            sock.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                         + f"Content-Length: {seconds}\r\n\r\n".encode())
            for _ in range(seconds):
                sock.sendall(b"a")
                time.sleep(1)
            reply = sock.recv(200)
    except OSError as exc:
        reply = f"error {exc}".encode()
    results.append((reply.split(b"\r\n", 1)[0].decode(errors="replace"),
                    time.monotonic() - started))


def timed_post(port: int, body: bytes) -> tuple[int, float]:
    started = time.perf_counter()
    status, _ = post(port, body, "text/plain; charset=utf-8")
    return status, time.perf_counter() - started


def scenario(port: int, body: bytes, seconds: int, clients: int) -> dict:
    baseline = min(timed_post(port, body)[1] for _ in range(3))
    results: list = []
    threads = [threading.Thread(target=slow_client, args=(port, seconds, results))
               for _ in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    status, latency = timed_post(port, body)
    for thread in threads:
        thread.join()
    return {"baseline": baseline, "status": status, "latency": latency,
            "delay": latency - baseline, "slow": results}


def start_nginx(upstream: int, listen: int, workdir: Path) -> subprocess.Popen:
    conf = CONF.read_text()
    conf = conf.replace("server newsx-app:8000", f"server 127.0.0.1:{upstream}")
    conf = conf.replace("listen 8080;", f"listen 127.0.0.1:{listen};")
    conf = conf.replace("/tmp/", f"{workdir}/")
    conf = conf.replace("access_log /dev/stdout newsx_json;", "access_log off;")
    (workdir / "nginx.conf").write_text(conf)
    proc = subprocess.Popen([shutil.which("nginx"), "-c", str(workdir / "nginx.conf"),
                             "-g", "daemon off;", "-e", str(workdir / "error.log")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection((HOST, listen), timeout=1).close()
            return proc
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("nginx did not start")


def report(name: str, r: dict) -> None:
    slow = ", ".join(f"{line!r} after {t:.1f} s" for line, t in r["slow"])
    print(f"  {name:<22} normal request: {r['status']} in {r['latency']:.2f} s "
          f"(alone {r['baseline']:.2f} s; delay {r['delay']:+.2f} s, target <= 1 s: "
          f"{'ok' if r['delay'] <= 1 else 'MISSED'}); slow clients: {slow}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=15, help="slow body length (s)")
    args = parser.parse_args()
    body = corpus.short_article(1000).encode()
    print(f"bench/slow_clients.py: 2 and 4 slow bodies of {args.seconds} bytes at 1 byte/s, "
          "gunicorn 2 workers, NEWSX_BODY_TIMEOUT=10")
    with gunicorn(2, NEWSX_BODY_TIMEOUT="10") as (port, _master):
        for clients in (2, 4):
            report(f"direct, {clients} slow", scenario(port, body, args.seconds, clients))
        if shutil.which("nginx") is None:
            print("  behind nginx: skipped (nginx not on PATH; apt-get install nginx)")
            return
        with tempfile.TemporaryDirectory() as tmp:
            listen = loadgen.free_port()
            proxy = start_nginx(port, listen, Path(tmp))
            try:
                for clients in (2, 4):
                    report(f"nginx, {clients} slow",
                           scenario(listen, body, args.seconds, clients))
            finally:
                proxy.terminate()
                proxy.wait(timeout=10)


if __name__ == "__main__":
    main()
