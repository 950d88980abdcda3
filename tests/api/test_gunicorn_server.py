"""The service as users run it: a real gunicorn process on a local port."""

from __future__ import annotations

import json
import socket
import time

import pytest

from tests.invariants import check_invariants
from tests.live_server import request as _request

pytestmark = pytest.mark.slow


def test_gunicorn_serves_a_seed_article(live_server_port, seed_texts):
    text = seed_texts["000_08824b2ea6d5378f.txt"]
    status, content_type, body = _request(live_server_port, "POST", "/v1/extract",
                                          text.encode(), "text/plain; charset=utf-8")
    assert status == 200
    assert content_type.startswith("application/json")
    data = json.loads(body)
    assert data["date"]["published"] == "2022-02-03"
    check_invariants(text, data)


def test_gunicorn_answers_bad_input_with_problem_json(live_server_port):
    status, content_type, body = _request(live_server_port, "POST", "/v1/extract", b"{",
                                          "application/json")
    assert status == 400
    assert content_type.startswith("application/problem+json")
    assert json.loads(body)["status"] == 400


def test_gunicorn_serves_docs_offline(live_server_port):
    status, _, body = _request(live_server_port, "GET", "/docs")
    assert status == 200 and b"/docs/assets/swagger-ui-bundle.js" in body
    assert _request(live_server_port, "GET", "/docs/assets/swagger-ui-bundle.js")[0] == 200


def test_gunicorn_streams_a_chunked_ndjson_body_line_by_line(live_server_port, seed_texts):
    from service.runners.remote import stream_lines

    texts = list(seed_texts.values())
    lines = [json.dumps({"id": f"n{i}", "text": texts[i % len(texts)]}).encode() + b"\n"
             for i in range(6)]
    lines.insert(3, b"{broken\n")
    answers = list(stream_lines(f"http://127.0.0.1:{live_server_port}", lines))
    assert [a["id"] for a in answers] == ["n0", "n1", "n2", "4", "n3", "n4", "n5"]
    assert answers[3]["status"] == 400 and answers[3]["line"] == 4


def test_gunicorn_batch_returns_one_entry_per_article(live_server_port):
    body = json.dumps({"articles": [{"text": "Putin spoke.", "id": "a"}, {"text": ""}]})
    status, content_type, raw = _request(live_server_port, "POST", "/v1/extract/batch",
                                         body.encode(), "application/json")
    assert status == 200 and content_type.startswith("application/json")
    assert [r.get("status") for r in json.loads(raw)["results"]] == [None, 422]


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


def test_gunicorn_answers_408_when_body_stalls(live_server_port):
    started = time.monotonic()
    reply = _raw_exchange(live_server_port, _head(1000), b"Putin said it.", half_close=False)
    assert reply.startswith(b"HTTP/1.1 408"), reply[:200]
    assert b"application/problem+json" in reply
    assert time.monotonic() - started < 15  # NEWSX_BODY_TIMEOUT=2 here, not forever


def test_gunicorn_answers_400_when_body_shorter_than_content_length(live_server_port):
    reply = _raw_exchange(live_server_port, _head(1000), b"Putin said it.", half_close=True)
    assert reply.startswith(b"HTTP/1.1 400"), reply[:200]
    assert b"incomplete-body" in reply
