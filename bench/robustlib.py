"""Shared by the robustness benches: a gunicorn with extra settings, raw HTTP, worker pids."""

from __future__ import annotations

import contextlib
import http.client
import os
import socket
import subprocess
import time
from collections.abc import Iterator

from bench.speedlib import loadgen, memory

HOST = loadgen.HOST


@contextlib.contextmanager
def gunicorn(workers: int, port: int | None = None, **env: str) -> Iterator[tuple[int, int]]:
    """A gunicorn of this checkout with ``env`` added; yields (port, master pid)."""
    port = port or loadgen.free_port()
    saved = dict(os.environ)
    os.environ.update({"GUNICORN_CONTROL_SOCKET": "off", **env})
    try:
        proc, _ = loadgen.start_server(workers, port, subprocess.DEVNULL)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    try:
        deadline = time.monotonic() + 60  # /readyz answers once the first worker is up
        while len(memory.children(proc.pid)) < workers and time.monotonic() < deadline:
            time.sleep(0.05)
        yield port, proc.pid
    finally:
        loadgen.stop_server(proc)


def workers_of(master: int) -> list[int]:
    return sorted(memory.children(master))


def post(port: int, body: bytes, content_type: str, timeout: float = 60,
         path: str = "/v1/extract") -> tuple[int, bytes]:
    """One request on a fresh connection: (status, body); status 0 when no response came."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("POST", path, body=body, headers={"Content-Type": content_type})
        response = conn.getresponse()
        return response.status, response.read()
    except (OSError, http.client.HTTPException):
        return 0, b""
    finally:
        conn.close()


def raw(port: int, data: bytes, timeout: float = 60) -> bytes:
    """Send raw bytes, half-close, read the whole reply (b"" when the server closed)."""
    with socket.create_connection((HOST, port), timeout=timeout) as sock:
        try:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
            return b"".join(chunks)
        except OSError:
            return b""


def status_of(reply: bytes) -> int:
    try:
        return int(reply.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return 0
