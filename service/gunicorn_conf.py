"""gunicorn settings, read from the environment: `gunicorn -c python:service.gunicorn_conf`."""

from __future__ import annotations

import gc
import os

from service import malloc_tuning, recycling
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

# Every interface on purpose: the container's port is published; HOST=127.0.0.1 narrows it.
bind = f"{os.environ.get('HOST', '0.0.0.0')}:{_int_env('PORT', 8000)}"  # nosec B104
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
# --- Robustness (issue 16): recycling, control socket ---
# Recycle each worker after about GUNICORN_MAX_REQUESTS requests (jitter spreads the
# restarts so workers do not all recycle at once), and after any request that left its
# RSS above GUNICORN_MAX_WORKER_RSS_MB (service/recycling.py). 0 disables either.
max_requests = _int_env("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int_env("GUNICORN_MAX_REQUESTS_JITTER", 100)
max_worker_rss_mb = _int_env("GUNICORN_MAX_WORKER_RSS_MB", 450)
# gunicorn's default control socket is one path per user ($XDG_RUNTIME_DIR or
# ~/.gunicorn/gunicorn.ctl): a second instance on the host took it over, and the first
# one stopping deleted it. One socket per bound port; "off" disables it.
_control = os.environ.get("GUNICORN_CONTROL_SOCKET", "").strip()
control_socket_disable = _control.lower() == "off"
control_socket = _control if _control and not control_socket_disable else os.path.join(
    os.environ.get("XDG_RUNTIME_DIR") or os.path.join(os.path.expanduser("~"), ".gunicorn"),
    f"newsextract-{bind.replace(':', '-').replace('/', '_')}.ctl")
# --- end robustness ---
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


def post_request(worker, req, environ, resp) -> None:
    recycling.retire_if_bloated(worker, max_worker_rss_mb)
