"""Scale-out on Dask distributed: any cluster by its scheduler's address, or a local one.

``--scheduler tcp://HOST:8786`` connects to a running scheduler (started by hand,
by dask-kubernetes, dask-jobqueue ...); ``--scheduler local:N`` starts a
``LocalCluster`` of N single-threaded worker processes. Each worker loads the
pipeline once, when it joins (a worker plugin, then a per-process cache); the input
is cut into chunks, at most a few per worker are in flight, and results are handed
back as each chunk completes. Workers need this package and the spaCy pipeline
installed, at the same versions as the client; a ``LocalCluster``'s workers also get
``WORKER_CONFIG`` (a remote cluster's are configured where they start: README).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from ..articles import Article, failed
from .worker import Settings, extract_chunk, warm

logger = logging.getLogger(__name__)

LOCAL_PREFIX = "local:"

# Without these a task cost a Dask worker 15-20% more CPU than the same chunk in the
# worker's main thread (bench/dask_overhead.py alternates the two):
WORKER_CONFIG = {
    # Dask samples the stack of every running task every 10 ms for its dashboard's
    # profile; spaCy's stacks are deep. About half the difference.
    "distributed.worker.profile.enabled": False,
    # Tasks run in a pool thread. glibc gives a new thread an arena of its own, or,
    # past the arena limit, one of those the worker's earlier threads made, so
    # ``malloc_tuning``'s limit (set when the pipeline loads) comes too late; glibc
    # reads this variable when the process starts. The other half.
    "distributed.nanny.pre-spawn-environ.MALLOC_ARENA_MAX": 1,
}


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline in each worker as it starts (and in workers that join later)."""

    name = "newsextract-pipeline"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        warm(self.settings)


class DaskRunner:
    """Sends chunks to a Dask cluster; yields their results in completion order."""

    def __init__(self, settings: Settings, scheduler: str) -> None:
        self.settings = settings
        self.cluster: LocalCluster | None = None
        if scheduler.startswith(LOCAL_PREFIX):
            workers = int(scheduler[len(LOCAL_PREFIX):])
            if workers < 1:
                raise ValueError(f"{scheduler!r}: need at least one worker")
            # ":0": the scheduler's HTTP routes on a free port; its default 8787 may be
            # taken by another cluster on the machine (a warning, and no cluster, before).
            with dask.config.set(WORKER_CONFIG):  # the nannies pass it on to their workers
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                            processes=True, dashboard_address=":0")
            self.client = Client(self.cluster)
        else:
            self.client = Client(scheduler)
        self.client.register_plugin(PipelinePlugin(settings))

    def map(self, chunks: Iterable[list[Article]]) -> Iterator[list[dict[str, Any]]]:
        window = 2 * max(1, sum(self.client.nthreads().values()))
        running = as_completed()
        sent: dict[str, list[Article]] = {}
        for chunk in chunks:
            future = self.client.submit(extract_chunk, chunk, self.settings, pure=False)
            sent[future.key] = chunk
            running.add(future)
            if len(sent) >= window:
                yield self._result(next(running), sent)
        for future in running:
            yield self._result(future, sent)

    @staticmethod
    def _result(future: Any, sent: dict[str, list[Article]]) -> list[dict[str, Any]]:
        chunk = sent.pop(future.key)
        try:
            return future.result()
        except Exception:  # a worker died or was lost: its articles fail, the run goes on
            logger.exception("a Dask task failed; %d articles get a problem line", len(chunk))
            return [failed(id=a.id, line=a.line).to_dict() for a in chunk]

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
