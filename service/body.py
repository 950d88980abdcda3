"""Read a request body within a deadline, and refuse one shorter than its Content-Length.

gunicorn's gthread worker reads the body in the thread that runs the request, on a
blocking socket with no timeout: a client that sent its headers and then one byte a
second held a worker for as long as it liked, and a body cut short by a half-closed
connection was served as if it were the whole article. Production deployments put a
buffering reverse proxy in front (deploy/nginx/nginx.conf: the proxy reads the whole
body before gunicorn sees the request); this module is the bound for a gunicorn that
faces clients directly.

Under gunicorn (``environ["gunicorn.socket"]``) a timer shuts the socket's reading side
down when the deadline passes: the blocked read returns at once, and the request is
answered 408. Elsewhere (Flask's test client, another server) the body is read as is.
"""

from __future__ import annotations

import socket
import threading

from flask import Request
from werkzeug.exceptions import HTTPException

from .problems import IncompleteBodyProblem, RequestTimeoutProblem


def read_body(request: Request, *, timeout: float) -> bytes:
    """The whole body of ``request``, read within ``timeout`` seconds.

    Raises:
        RequestTimeoutProblem: the body did not arrive within ``timeout`` (408).
        IncompleteBodyProblem: the connection ended before ``Content-Length`` bytes (400).
        werkzeug's RequestEntityTooLarge: over ``MAX_CONTENT_LENGTH`` (413).
    """
    sock = request.environ.get("gunicorn.socket")
    timer = None
    if isinstance(sock, socket.socket) and timeout > 0:
        timer = _ReadDeadline(sock, timeout)
    try:
        if timer is not None:
            timer.start()
        raw = request.get_data(cache=True)
    except HTTPException:
        raise
    except Exception as exc:  # gunicorn's NoMoreData, a malformed chunk size ...
        if timer is not None and timer.fired:
            raise _timeout(timeout) from exc
        raise IncompleteBodyProblem(
            "The request body could not be read to its end (connection closed, or a "
            "malformed chunked encoding).") from exc
    finally:
        if timer is not None:
            timer.cancel()
    expected = request.content_length
    if expected is not None and len(raw) < expected:
        if timer is not None and timer.fired:
            raise _timeout(timeout)
        raise IncompleteBodyProblem(
            f"The body ended after {len(raw)} of its {expected} bytes (Content-Length); "
            "the connection closed early.")
    return raw


def _timeout(timeout: float) -> RequestTimeoutProblem:
    return RequestTimeoutProblem(
        f"The request body did not arrive within {timeout:g} seconds (NEWSX_BODY_TIMEOUT).")


class _ReadDeadline(threading.Timer):
    """Shut the socket's reading side at the deadline: a blocked ``recv`` returns EOF."""

    def __init__(self, sock: socket.socket, timeout: float) -> None:
        super().__init__(timeout, self._shut)
        self.daemon = True
        self._sock = sock
        self.fired = False

    def _shut(self) -> None:
        self.fired = True
        try:
            self._sock.shutdown(socket.SHUT_RD)
        except OSError:  # already closed by the client
            pass
