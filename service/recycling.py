"""Retire a gunicorn worker whose memory grew past a bound, after the request it served.

A worker keeps the heap of its largest request: 728 MB of RSS after one 100,000-character
article, against about 210 MB in normal use (glibc rarely gives freed memory back, and
malloc_tuning keeps more of it on purpose). gunicorn's ``max_requests`` recycles workers
after a number of requests; this bound recycles one as soon as a huge article swelled it.
The worker finishes the request in flight, exits, and the master forks a fresh one from
the preloaded app in milliseconds.
"""

from __future__ import annotations

import os
from typing import Any

_PAGE = os.sysconf("SC_PAGE_SIZE")
MIB = 1 << 20


def rss_bytes(pid: int | str = "self") -> int:
    """Resident set size of a process, from /proc (0 where /proc is unavailable)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def retire_if_bloated(worker: Any, max_rss_mib: int) -> bool:
    """Ask ``worker`` to exit gracefully when its RSS is over ``max_rss_mib`` (0: never)."""
    if max_rss_mib <= 0:
        return False
    rss = rss_bytes()
    if rss <= max_rss_mib * MIB:
        return False
    worker.log.info("worker %s: RSS %d MiB over GUNICORN_MAX_WORKER_RSS_MB=%d; recycling",
                    worker.pid, rss // MIB, max_rss_mib)
    worker.alive = False  # the worker loop ends after this request; the master forks anew
    return True
