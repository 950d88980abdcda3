"""A CPU-time budget per request: an over-long extraction stops with a 422, the worker lives.

Extraction cost grows with the number of tokens, entities and numbers, and a few
extractors grow faster than linearly on inputs no article has (100,000 characters of
place names or numbers). Without a bound, such a request ran until gunicorn's worker
timeout killed the worker, and the client got a closed connection.

``cpu_budget(seconds)`` arms a watchdog thread. When the request's thread has used
``seconds`` of CPU time (its own clock, so waiting for a busy core does not count),
the watchdog raises ``BudgetExceeded`` in it (``PyThreadState_SetAsyncExc``). The
exception arrives at the next Python bytecode the thread runs; C code that does not
return to Python (the tokenizer, one matrix product, a parser's transition loop)
finishes first: ``defuse``, the input limits and the bounded spaCy calls of
``runtime.bounded`` keep those calls short (bench/pathological.py measures the worst).
``BudgetExceeded`` derives from ``BaseException`` so that no ``except Exception`` on
the way swallows it, and the watchdog raises it again if something does.

Only request-local objects are being built when it arrives (the Doc, the records);
the shared pipeline is only read, and caches are filled by C-level calls that an
asynchronous exception cannot split.
"""

from __future__ import annotations

import ctypes
import functools
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from flask import current_app

from .problems import TimeBudgetProblem

_REFIRE_S = 0.2  # raise again this often while the thread is still in the block


class BudgetExceeded(BaseException):
    """Raised asynchronously in a thread that used up its CPU budget."""


@contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Raise ``BudgetExceeded`` in this thread once it used ``seconds`` of CPU time
    inside the block; ``seconds <= 0`` sets no budget."""
    if seconds <= 0:
        yield
        return
    watchdog = _Watchdog(threading.get_ident(), seconds)
    watchdog.start()
    try:
        yield
    finally:
        watchdog.stop()


class _Watchdog(threading.Thread):
    def __init__(self, target: int, seconds: float) -> None:
        super().__init__(name="newsx-budget", daemon=True)
        self._target = target
        self._clock = time.pthread_getcpuclockid(target)
        self._deadline = time.clock_gettime(self._clock) + seconds
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._fired = False

    def run(self) -> None:
        # CPU time never runs faster than the wall clock: sleep until it could be due.
        wait = self._deadline - time.clock_gettime(self._clock)
        while not self._done.wait(max(wait, 0.0)):
            with self._lock:
                if self._done.is_set():
                    return
                left = self._deadline - time.clock_gettime(self._clock)
                if left <= 0:
                    _raise_in(self._target, BudgetExceeded)
                    self._fired = True
            wait = left if left > 0 else _REFIRE_S

    def stop(self) -> None:
        with self._lock:
            self._done.set()
            if self._fired:  # one raised but not yet delivered must not escape the block
                _raise_in(self._target, None)


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


def within_budget(view: Callable[..., Any]) -> Callable[..., Any]:
    """Run ``view`` (parsing, extraction and the response's serialization) within the
    app's ``TIME_BUDGET`` CPU seconds; past it, answer a ``TimeBudgetProblem``."""

    @functools.wraps(view)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        seconds = current_app.config["TIME_BUDGET"]
        try:
            with cpu_budget(seconds):
                return view(*args, **kwargs)
        except BudgetExceeded:
            raise TimeBudgetProblem(
                f"Processing this article took more than {seconds:g} CPU seconds "
                "(NEWSX_TIME_BUDGET); send a shorter or more ordinary text.") from None

    return bounded
