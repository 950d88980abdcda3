"""FreeThreadWorker: no new connections while its threads are all running requests."""

from __future__ import annotations

import selectors
import socket
from concurrent.futures import Future

import pytest
from gunicorn.config import Config

from service.gunicorn_worker import FreeThreadWorker


class _Pool:
    """Thread pool stand-in: keeps the submitted work instead of running it."""

    def __init__(self):
        self.submitted: list[Future] = []

    def submit(self, fn, *args):
        future: Future = Future()
        self.submitted.append(future)
        return future


class _Conn:
    closed = False

    def close(self, graceful: bool = False) -> None:
        self.closed = True


@pytest.fixture
def worker():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    cfg = Config()
    cfg.set("threads", 1)
    w = FreeThreadWorker(age=1, ppid=0, sockets=[listener], app=None, timeout=30,
                         cfg=cfg, log=None)
    w.poller, w.tpool = selectors.DefaultSelector(), _Pool()
    w.method_queue.defer = lambda callback, *args: None  # finish_request is called by hand
    w.alive = True
    w.set_accept_enabled(True)
    yield w
    w.poller.close()
    w.tmp.close()  # the heartbeat file gunicorn's base worker opens
    listener.close()


def _listening(worker) -> bool:
    return any(key.fileobj in worker.sockets for key in worker.poller.get_map().values())


def test_worker_stops_accepting_while_its_thread_runs_a_request(worker):
    assert _listening(worker)
    conn = _Conn()
    worker.nr_conns = 1
    worker.enqueue_req(conn)
    assert worker.running == 1 and not _listening(worker)
    # The run loop asks to accept again on every turn; a busy worker still declines.
    worker.set_accept_enabled(True)
    assert not _listening(worker)
    future = worker.tpool.submitted[0]
    future.set_result(False)  # the request ended and the client closed the connection
    worker.finish_request(conn, future)
    assert worker.running == 0 and conn.closed and _listening(worker)


def test_worker_with_spare_threads_keeps_accepting(worker):
    worker.cfg.set("threads", 2)
    worker.nr_conns = 1
    worker.enqueue_req(_Conn())
    assert _listening(worker)
    worker.nr_conns = 2
    worker.enqueue_req(_Conn())
    assert not _listening(worker)


def test_stopping_worker_does_not_start_accepting_again(worker):
    conn = _Conn()
    worker.nr_conns = 1
    worker.enqueue_req(conn)
    worker.alive = False
    future = worker.tpool.submitted[0]
    future.set_result(False)
    worker.finish_request(conn, future)
    assert not _listening(worker)
