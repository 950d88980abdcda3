"""Every runner gives exactly the in-process results (apart from meta.elapsed_ms)."""

from __future__ import annotations

import threading

import pytest
from werkzeug.serving import make_server

from service.cli import main

from .conftest import by_id, read_lines

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seed_texts):
    """The seeds plus short articles and a bad one: several chunks of two."""
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in seed_texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "short.txt").write_text("Kuleba said 300 troops left Kyiv on Monday.",
                                      encoding="utf-8")
    (folder / "blank.txt").write_text("   \n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def in_process(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("ref") / "out.jsonl"
    assert main(["extract", "--no-progress", str(corpus), "-o", str(out)]) == 0
    return by_id(read_lines(out))


def _compare(corpus, tmp_path, in_process, *options: str) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--no-progress", "--chunk-size", "2", str(corpus), "-o", str(out),
                 *options]) == 0
    assert by_id(read_lines(out)) == in_process
    assert len(in_process) == 6 and in_process[str(corpus / "blank.txt")]["status"] == 422


def test_runner_two_processes_equal_in_process(corpus, tmp_path, in_process):
    _compare(corpus, tmp_path, in_process, "--processes", "2")


def test_runner_dask_local_cluster_of_two_equals_in_process(corpus, tmp_path, in_process):
    _compare(corpus, tmp_path, in_process, "--scheduler", "local:2")


def test_runner_http_service_equals_in_process(corpus, tmp_path, in_process, app):
    # One request at a time: the app shares the session's pipeline between requests.
    server = make_server("127.0.0.1", 0, app, threaded=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        _compare(corpus, tmp_path, in_process, "--url", f"http://127.0.0.1:{server.port}",
                 "--concurrency", "2")
    finally:
        server.shutdown()


def test_runner_http_unreachable_service_gives_problem_lines(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--no-progress", str(corpus), "-o", str(out),
                 "--url", "http://127.0.0.1:9"]) == 0
    lines = read_lines(out)
    assert len(lines) == 6
    assert {line["status"] for line in lines} == {502, 422}
