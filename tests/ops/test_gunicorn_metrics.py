"""/metrics under a real gunicorn with two workers: every worker's requests are counted.

Also: NEWSX_LOG_LEVEL in lower case boots the server (it used to crash), and every
line it logs is one JSON object.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import ROOT
from tests.live_server import free_port as _free_port

pytestmark = pytest.mark.slow


def _get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)  # one per request
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _records(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text().splitlines() if line.strip()]


def _served_by(log: Path, path: str) -> list[int]:
    return [r["pid"] for r in _records(log)
            if r["logger"] == "service.observability.requests" and r["path"] == path]


def _sample(port: int, name: str, **labels) -> float:
    status, body = _get(port, "/metrics")
    assert status == 200
    for family in text_string_to_metric_families(body.decode()):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v
                                           for k, v in labels.items()):
                return sample.value
    return 0.0


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    tmp = tmp_path_factory.mktemp("gunicorn-metrics")
    log = tmp / "stderr.log"
    env = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1", "WEB_CONCURRENCY": "2",
           "PROMETHEUS_MULTIPROC_DIR": str(tmp / "metrics"), "NEWSX_LOG_LEVEL": "debug",
           "NEWSX_LOAD_PIPELINE": "False"}
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "python:service.gunicorn_conf",
             "service.app:create_app()"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr,
            start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while len(set(_booted(log))) < 2 or not _up(port):
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "gunicorn did not start two workers in 60 s"
            time.sleep(0.2)
        yield port, log
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _booted(log: Path) -> list[int]:
    return [r["pid"] for r in _records(log) if r["message"].startswith("Booting worker")]


def _up(port: int) -> bool:
    try:
        return _get(port, "/healthz")[0] == 200
    except OSError:
        return False


def test_metrics_count_the_requests_of_every_worker(server):
    port, log = server
    for _ in range(300):  # new connections until both workers have served some
        assert _get(port, "/healthz")[0] == 200
        pids = _served_by(log, "/healthz")
        if len(set(pids)) == 2 and min(pids.count(p) for p in set(pids)) >= 3:
            break
    else:
        pytest.fail(f"one worker served every request: {set(pids)}")
    # One scrape, answered by one worker, adds up both workers' files.
    assert _sample(port, "newsx_http_requests_total", method="GET", route="/healthz",
                   status="200") == len(pids)
    # A worker that dies (gunicorn starts another) keeps its counts.
    os.kill(pids[0], signal.SIGTERM)
    deadline = time.monotonic() + 30
    while len(set(_booted(log))) < 3:
        assert time.monotonic() < deadline, "gunicorn did not replace the worker"
        time.sleep(0.2)
    assert _sample(port, "newsx_http_requests_total", method="GET", route="/healthz",
                   status="200") == len(_served_by(log, "/healthz"))
    assert _sample(port, "newsx_http_requests_in_progress") == 1  # the scrape itself


def test_every_log_line_is_json_with_timestamp_and_level(server):
    _port, log = server
    records = _records(log)
    assert records and all("timestamp" in r and "level" in r for r in records)
    assert any(r["logger"] == "gunicorn.error" for r in records)
    assert all(r["request_id"] != "-" for r in records
               if r["logger"] == "service.observability.requests")
