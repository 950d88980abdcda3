"""Optional timing of the stages of ``run``: the caller installs a recorder, the core reports.

Nothing is recorded unless a caller wraps its work in ``recording(callback)``; the web
layer does so to export per-stage latency (service/observability/metrics.py). The
recorder lives in a context variable, so concurrent requests never share one.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import ParamSpec, TypeVar

Recorder = Callable[[str, float], None]
_RECORDER: ContextVar[Recorder | None] = ContextVar("newsx_stage_recorder", default=None)

P = ParamSpec("P")
R = TypeVar("R")


def stage(name: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a stage function so that each call reports ``(name, seconds)``."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(function)
        def timed(*args: P.args, **kwargs: P.kwargs) -> R:
            record = _RECORDER.get()
            if record is None:
                return function(*args, **kwargs)
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                record(name, time.perf_counter() - started)

        return timed

    return decorate


@contextmanager
def recording(recorder: Recorder) -> Iterator[None]:
    """Report every stage run inside the block to ``recorder``."""
    token = _RECORDER.set(recorder)
    try:
        yield
    finally:
        _RECORDER.reset(token)


def install(recorder: Recorder):
    """Start reporting to ``recorder`` in the current context; returns the token for
    ``uninstall`` (for callers that cannot use a ``with`` block, e.g. request hooks)."""
    return _RECORDER.set(recorder)


def uninstall(token) -> None:
    _RECORDER.reset(token)
