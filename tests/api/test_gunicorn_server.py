"""The service as users run it: a real gunicorn process on a local port."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from tests.invariants import check_invariants

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _request(port: int, method: str, path: str, body: bytes | None = None,
             content_type: str | None = None) -> tuple[int, str, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        headers = {"Content-Type": content_type} if content_type else {}
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def server_port():
    port = _free_port()
    env = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1", "WEB_CONCURRENCY": "1",
           "NEWSX_BODY_TIMEOUT": "2"}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:service.gunicorn_conf",
         "service.app:create_app()"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if _request(port, "GET", "/readyz")[0] == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, "gunicorn exited during start-up"
            time.sleep(0.3)
        else:
            pytest.fail("gunicorn did not become ready within 90 s")
        yield port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_gunicorn_serves_a_seed_article(server_port, seed_texts):
    text = seed_texts["000_08824b2ea6d5378f.txt"]
    status, content_type, body = _request(server_port, "POST", "/v1/extract",
                                          text.encode(), "text/plain; charset=utf-8")
    assert status == 200
    assert content_type.startswith("application/json")
    data = json.loads(body)
    assert data["date"]["published"] == "2022-02-03"
    check_invariants(text, data)


def test_gunicorn_answers_bad_input_with_problem_json(server_port):
    status, content_type, body = _request(server_port, "POST", "/v1/extract", b"{",
                                          "application/json")
    assert status == 400
    assert content_type.startswith("application/problem+json")
    assert json.loads(body)["status"] == 400


def test_gunicorn_serves_docs_offline(server_port):
    status, _, body = _request(server_port, "GET", "/docs")
    assert status == 200 and b"/docs/assets/swagger-ui-bundle.js" in body
    assert _request(server_port, "GET", "/docs/assets/swagger-ui-bundle.js")[0] == 200


def _raw_exchange(port: int, head: bytes, body: bytes, *, half_close: bool) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(head + body)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
            if b"\r\n\r\n" in b"".join(chunks) and not half_close:
                break
        return b"".join(chunks)


def _head(length: int) -> bytes:
    return (f"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
            f"Content-Length: {length}\r\n\r\n").encode()


def test_gunicorn_answers_408_when_body_stalls(server_port):
    started = time.monotonic()
    reply = _raw_exchange(server_port, _head(1000), b"Putin said it.", half_close=False)
    assert reply.startswith(b"HTTP/1.1 408"), reply[:200]
    assert b"application/problem+json" in reply
    assert time.monotonic() - started < 15  # NEWSX_BODY_TIMEOUT=2 here, not forever


def test_gunicorn_answers_400_when_body_shorter_than_content_length(server_port):
    reply = _raw_exchange(server_port, _head(1000), b"Putin said it.", half_close=True)
    assert reply.startswith(b"HTTP/1.1 400"), reply[:200]
    assert b"incomplete-body" in reply
