"""gunicorn settings come from the environment with sane defaults."""

from __future__ import annotations

import importlib
import os

import pytest


def _load(monkeypatch, **env):
    for key in ("PORT", "WEB_CONCURRENCY", "GUNICORN_TIMEOUT", "HOST", "GUNICORN_TUNE_MALLOC",
                "PROMETHEUS_MULTIPROC_DIR", "GUNICORN_ACCESSLOG", "NEWSX_LOG_FORMAT"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    import service.gunicorn_conf as conf

    return importlib.reload(conf)


def test_gunicorn_conf_defaults(monkeypatch):
    conf = _load(monkeypatch)
    assert conf.bind == "0.0.0.0:8000"
    assert conf.workers == (os.cpu_count() or 1)
    assert conf.preload_app is True
    assert conf.timeout > 0 and conf.keepalive > 0
    assert conf.worker_class == "gthread"


@pytest.mark.parametrize(("env", "attr", "value"), [
    ({"PORT": "9001"}, "bind", "0.0.0.0:9001"),
    ({"WEB_CONCURRENCY": "3"}, "workers", 3),
    ({"GUNICORN_TIMEOUT": "90"}, "timeout", 90),
])
def test_gunicorn_conf_reads_environment(monkeypatch, env, attr, value):
    assert getattr(_load(monkeypatch, **env), attr) == value


def test_gunicorn_workers_tune_malloc_unless_told_not_to(monkeypatch):
    calls = []
    conf = _load(monkeypatch)
    monkeypatch.setattr(conf.malloc_tuning, "tune_for_extraction", lambda: calls.append(1))
    conf.post_fork(None, None)
    assert calls == [1]
    conf = _load(monkeypatch, GUNICORN_TUNE_MALLOC="0")
    monkeypatch.setattr(conf.malloc_tuning, "tune_for_extraction", lambda: calls.append(1))
    conf.post_fork(None, None)
    assert calls == [1]


def test_gunicorn_conf_recycles_workers(monkeypatch):
    conf = _load(monkeypatch)
    assert conf.max_requests > 0 and 0 < conf.max_requests_jitter < conf.max_requests
    assert conf.max_worker_rss_mb > 0
    assert _load(monkeypatch, GUNICORN_MAX_REQUESTS="0").max_requests == 0


def test_gunicorn_conf_gives_each_instance_its_own_control_socket(monkeypatch):
    monkeypatch.delenv("GUNICORN_CONTROL_SOCKET", raising=False)
    first = _load(monkeypatch, PORT="9001").control_socket
    second = _load(monkeypatch, PORT="9002").control_socket
    assert first != second and not first.endswith("/gunicorn.ctl")
    assert _load(monkeypatch, GUNICORN_CONTROL_SOCKET="off").control_socket_disable is True
    assert _load(monkeypatch, GUNICORN_CONTROL_SOCKET="/run/x.ctl").control_socket == "/run/x.ctl"


def test_worker_is_retired_when_rss_over_bound():
    from service import recycling

    class Worker:
        alive, pid = True, 1
        log = type("Log", (), {"info": staticmethod(lambda *a: None)})()

    worker = Worker()
    assert recycling.retire_if_bloated(worker, 1) is True and worker.alive is False
    kept = Worker()
    assert recycling.retire_if_bloated(kept, 1 << 30) is False and kept.alive is True
    assert recycling.retire_if_bloated(kept, 0) is False
