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
    env = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1", "WEB_CONCURRENCY": "1"}
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


def test_gunicorn_streams_a_chunked_ndjson_body_line_by_line(server_port, seed_texts):
    from service.runners.remote import stream_lines

    texts = list(seed_texts.values())
    lines = [json.dumps({"id": f"n{i}", "text": texts[i % len(texts)]}).encode() + b"\n"
             for i in range(6)]
    lines.insert(3, b"{broken\n")
    answers = list(stream_lines(f"http://127.0.0.1:{server_port}", lines))
    assert [a["id"] for a in answers] == ["n0", "n1", "n2", "4", "n3", "n4", "n5"]
    assert answers[3]["status"] == 400 and answers[3]["line"] == 4


def test_gunicorn_batch_returns_one_entry_per_article(server_port):
    body = json.dumps({"articles": [{"text": "Putin spoke.", "id": "a"}, {"text": ""}]})
    status, content_type, raw = _request(server_port, "POST", "/v1/extract/batch",
                                         body.encode(), "application/json")
    assert status == 200 and content_type.startswith("application/json")
    assert [r.get("status") for r in json.loads(raw)["results"]] == [None, 422]
