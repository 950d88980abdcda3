"""gunicorn settings, read from the environment: `gunicorn -c python:service.gunicorn_conf`."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os


def _int_env(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


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
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


def when_ready(server) -> None:
    # Objects alive now (the model, the gazetteer) never need collecting; freezing them
    # keeps the collector from touching their pages, which would un-share them after fork.
    gc.freeze()


# glibc's mallopt() parameter for the number of malloc arenas.
_M_ARENA_MAX = -8


def post_fork(server, worker) -> None:
    # gthread runs each request in a pool thread, and glibc gives that thread a malloc
    # arena of its own: extraction ran 3-9% slower there than in a main thread
    # (measured, alternating the two in one process). The GIL runs one request at a
    # time anyway, so the worker keeps to the main arena.
    use_one_malloc_arena()


def use_one_malloc_arena() -> bool:
    """Limit glibc malloc to one arena; False where the C library is not glibc."""
    name = ctypes.util.find_library("c")
    try:
        mallopt = ctypes.CDLL(name).mallopt if name else None
    except (OSError, AttributeError):
        mallopt = None
    return bool(mallopt and mallopt(_M_ARENA_MAX, 1) == 1)
