"""Runners on this machine: in this process, or in a pool of worker processes."""

from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from ..articles import Article
from . import in_window
from .worker import Settings, extract_chunk, warm


class InProcessRunner:
    """Extracts in this process, chunk after chunk, in input order."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        warm(settings)  # load before the first article: progress shows real rates

    def map(self, chunks: Iterable[list[Article]]) -> Iterator[list[dict[str, Any]]]:
        for chunk in chunks:
            yield extract_chunk(chunk, self.settings)

    def close(self) -> None:
        """Nothing to release: the pipeline stays cached for this process."""


class ProcessRunner:
    """A pool of ``processes`` workers, each loading the pipeline once.

    Workers fork from a clean forkserver (no threads of ours, no loaded model), so
    each builds its own pipeline. At most ``2 * processes`` chunks are in flight:
    memory stays bounded whatever the input's size. Results come in completion order.
    """

    def __init__(self, settings: Settings, processes: int) -> None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["service.extractor"])
        self.settings = settings
        self.window = 2 * processes
        self.pool = ProcessPoolExecutor(processes, mp_context=context, initializer=warm,
                                        initargs=(settings,))
        # Start every worker now, so the pipeline loads before the first chunk is timed.
        for future in [self.pool.submit(warm, settings) for _ in range(processes)]:
            future.result()

    def map(self, chunks: Iterable[list[Article]]) -> Iterator[list[dict[str, Any]]]:
        return in_window(self.pool, functools.partial(extract_chunk, settings=self.settings),
                         chunks, self.window)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)
