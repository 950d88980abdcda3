"""gunicorn settings come from the environment with sane defaults."""

from __future__ import annotations

import importlib
import os

import pytest


def _load(monkeypatch, **env):
    for key in ("PORT", "WEB_CONCURRENCY", "GUNICORN_TIMEOUT", "HOST"):
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


def test_gunicorn_workers_keep_to_one_malloc_arena(monkeypatch):
    conf = _load(monkeypatch)
    assert callable(conf.post_fork)
    # glibc (Debian, the Docker image): the setting takes; extraction in gthread's pool
    # thread then allocates from the main arena like in-process runs do.
    assert conf.use_one_malloc_arena() is True
