"""gunicorn's side of prometheus_client's multiprocess mode (imports no prometheus_client).

``PROMETHEUS_MULTIPROC_DIR`` must be in the environment before prometheus_client is
first imported (it picks its value class then), i.e. before the app loads: so
``service.gunicorn_conf`` calls ``prepare_directory`` while gunicorn reads its config.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import MutableMapping
from pathlib import Path

ENV = "PROMETHEUS_MULTIPROC_DIR"


def prepare_directory(environ: MutableMapping[str, str]) -> str:
    """Use ``$PROMETHEUS_MULTIPROC_DIR`` (emptied of a previous run's files) or a fresh
    temporary directory, removed when the server exits; returns the directory."""
    given = environ.get(ENV, "").strip()
    if given:
        directory = Path(given)
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.glob("*.db"):  # a restarted container keeps its emptyDir
            stale.unlink()
    else:
        directory = Path(tempfile.mkdtemp(prefix="newsx-metrics-"))
        atexit.register(shutil.rmtree, directory, ignore_errors=True)
    environ[ENV] = str(directory)
    return str(directory)


def mark_worker_dead(pid: int) -> None:
    """gunicorn ``child_exit``: drop a dead worker's live gauges (its counters stay)."""
    from prometheus_client import multiprocess  # the app has imported it by now

    multiprocess.mark_process_dead(pid)
