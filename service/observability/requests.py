"""Request ids (from ``X-Request-ID`` or generated) and one access-log record per request."""

from __future__ import annotations

import logging
import re
import time
import uuid

from flask import Flask, Response, g, request

logger = logging.getLogger(__name__)

REQUEST_ID_HEADER = "X-Request-ID"
# What a caller's id may look like: printable, no spaces, short. Anything else (a
# newline that would forge a log line, a 10 kB header) is replaced by a fresh id.
_VALID_ID = re.compile(r"[A-Za-z0-9._:/+=@-]{1,128}")


def request_id() -> str:
    """The current request's id (set before any view or hook of ours runs)."""
    return g.request_id


def _assign_id() -> None:
    given = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = given if _VALID_ID.fullmatch(given) else uuid.uuid4().hex
    g.newsx_arrived = time.perf_counter()


def _echo_and_log(response: Response) -> Response:
    rid = g.get("request_id")
    if rid is not None:
        response.headers[REQUEST_ID_HEADER] = rid
    arrived = g.get("newsx_arrived")
    duration_ms = round((time.perf_counter() - arrived) * 1000, 1) if arrived else None
    logger.info("%s %s %s %s ms", request.method, request.path, response.status_code,
                duration_ms, extra={
                    "method": request.method, "path": request.path,
                    "status": response.status_code, "duration_ms": duration_ms,
                    "response_bytes": response.content_length,
                    "request_bytes": request.content_length,
                    "remote_addr": request.remote_addr})
    return response


def init_request_ids(app: Flask) -> None:
    """Give every request an id, echo it in the response and log the request once.

    Registered before the other hooks, so the id is set when they run (and when an
    error handler writes a problem body, which carries it as ``request_id``).
    """
    app.before_request(_assign_id)
    app.after_request(_echo_and_log)
