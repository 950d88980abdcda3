"""gunicorn settings, read from the environment: `gunicorn -c python:service.gunicorn_conf`."""

from __future__ import annotations

import gc
import os

from service import malloc_tuning
from service.config import check_environment
from service.observability import multiproc
from service.observability.logs import gunicorn_logconfig


def _int_env(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


# A bad NEWSX_ value stops the server here with one line, before the app loads.
try:
    check_environment(os.environ)
except ValueError as exc:
    raise SystemExit(f"newsextract: bad configuration: {exc}") from None

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{_int_env('PORT', 8000)}"
# One worker per core: extraction is CPU-bound, so more workers only queue for the CPU.
workers = _int_env("WEB_CONCURRENCY", os.cpu_count() or 1)
# gthread with one thread keeps HTTP keep-alive (the sync worker closes every connection).
worker_class = "gthread"
threads = _int_env("GUNICORN_THREADS", 1)
timeout = _int_env("GUNICORN_TIMEOUT", 60)
graceful_timeout = 30
keepalive = _int_env("GUNICORN_KEEPALIVE", 5)
# Load the spaCy pipeline once in the master; forked workers share its memory pages.
preload_app = True
# The app logs one JSON record per request, with its id (service/observability);
# GUNICORN_ACCESSLOG=- adds gunicorn's own access line.
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logconfig_dict = gunicorn_logconfig(os.environ.get("NEWSX_LOG_FORMAT", "json"), loglevel,
                                    access=accesslog is not None)
# Prometheus multiprocess mode: every worker writes its metrics under this directory.
metrics_dir = multiproc.prepare_directory(os.environ)
# glibc malloc settings for workers (service/malloc_tuning.py); 0 keeps glibc's defaults.
tune_malloc = _int_env("GUNICORN_TUNE_MALLOC", 1) != 0


def when_ready(server) -> None:
    # Objects alive now (the model, the gazetteer) never need collecting; freezing them
    # keeps the collector from touching their pages, which would un-share them after fork.
    gc.freeze()


def child_exit(server, worker) -> None:
    multiproc.mark_worker_dead(worker.pid)


def post_fork(server, worker) -> None:
    # Fewer page faults per request, one arena for the pool thread: see malloc_tuning.
    if tune_malloc:
        malloc_tuning.tune_for_extraction()
