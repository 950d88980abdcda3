"""glibc malloc settings for a long-lived process that extracts one article after another.

Each request builds the model's activation arrays again, many of them larger than
glibc's mmap threshold (128 KiB at start, raised only as large blocks happen to be
freed). Those blocks are mapped and unmapped per request, and every page of a fresh
mapping costs a page fault: 3,000-8,000 faults per 1,000-word article, 4-7% of its
time. A fixed threshold keeps them in the heap, and a higher trim threshold keeps
the heap from being given back and faulted in again on the next request. The price
is memory: a worker keeps its largest request's heap (about 25 MiB more after the
speed corpus).
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable

# mallopt() parameters, from glibc's <malloc.h>.
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8

MIB = 1 << 20
# glibc refuses an mmap threshold above half its largest heap: 32 MiB on 64-bit.
MMAP_THRESHOLD = 32 * MIB
TRIM_THRESHOLD = 32 * MIB
# gthread runs each request in a pool thread, and glibc gives that thread a malloc
# arena of its own: extraction ran 3-9% slower there than in a main thread
# (alternating the two in one process). The GIL runs one request at a time anyway.
ARENA_MAX = 1

SETTINGS = {M_ARENA_MAX: ARENA_MAX, M_MMAP_THRESHOLD: MMAP_THRESHOLD,
            M_TRIM_THRESHOLD: TRIM_THRESHOLD}


def _mallopt() -> Callable[[int, int], int] | None:
    name = ctypes.util.find_library("c")
    try:
        function = ctypes.CDLL(name).mallopt if name else None
    except (OSError, AttributeError):
        return None
    if function is not None:
        function.argtypes, function.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return function


def tune_for_extraction() -> bool:
    """Apply SETTINGS to this process; False where the C library is not glibc or
    refuses one of them (musl, macOS: nothing changes there)."""
    mallopt = _mallopt()
    if mallopt is None:
        return False
    return all(mallopt(param, value) == 1 for param, value in SETTINGS.items())
