"""gunicorn's gthread worker, accepting new connections only while it has a free thread.

Every worker waits on the same listening socket, and gthread's main thread accepts
whenever a connection arrives, busy or not. With keep-alive clients that pins load
unevenly: two clients of a two-worker server could both land on one worker and queue
there while the other idled (bench/speed.py saw two workers at concurrency 2 serve no
more than one). Extraction is CPU-bound and runs one request per thread, so a worker
whose threads are all running leaves new connections to the others; when all are busy,
connections wait in the kernel's backlog for the first worker to finish, as with
gunicorn's sync worker. Connections a worker already holds (keep-alive) stay with it.
"""

from __future__ import annotations

from gunicorn.workers.gthread import ThreadWorker


class FreeThreadWorker(ThreadWorker):
    """gthread worker that stops accepting while all its threads are running requests."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.running = 0  # requests handed to the thread pool and not finished

    def has_free_thread(self) -> bool:
        return self.running < self.cfg.threads

    def set_accept_enabled(self, enabled: bool) -> None:
        super().set_accept_enabled(enabled and self.has_free_thread())

    def enqueue_req(self, conn) -> None:
        self.running += 1
        self._update_accepting()
        super().enqueue_req(conn)

    def finish_request(self, conn, fs) -> None:
        self.running -= 1
        super().finish_request(conn, fs)  # may hand a read-ahead request back to the pool
        self._update_accepting()

    def _update_accepting(self) -> None:
        if self.alive:
            self.set_accept_enabled(self.nr_conns < self.worker_connections)
