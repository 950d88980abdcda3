"""A runner that sends articles to a running service: POST /v1/extract/batch, concurrently."""

from __future__ import annotations

import http.client
import logging
import socket
import threading
import urllib.parse
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import orjson
import requests

from ..articles import Article, ArticleProblem
from . import in_window

logger = logging.getLogger(__name__)

_TIMEOUT = (10, 600)  # connect, read: a batch of long articles takes a while


def _payload(article: Article) -> dict[str, Any]:
    body: dict[str, Any] = {"text": article.text, "id": article.id}
    if article.published is not None:
        body["published"] = article.published.isoformat()
    return body


class HttpRunner:
    """``concurrency`` requests in flight to the service at ``url``; completion order.

    A chunk goes as one batch request. If the service refuses the batch as a whole
    (a 413 from smaller limits, a 404 from an older version), its articles go one by
    one to POST /v1/extract, so each still gets its own result or problem.
    """

    def __init__(self, url: str, concurrency: int) -> None:
        self.url = url.rstrip("/")
        self.window = 2 * concurrency
        self.pool = ThreadPoolExecutor(concurrency, thread_name_prefix="newsx-http")
        self.local = threading.local()

    def map(self, chunks: Iterable[list[Article]]) -> Iterator[list[dict[str, Any]]]:
        return in_window(self.pool, self._send, chunks, self.window)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)

    def _session(self) -> requests.Session:
        session = getattr(self.local, "session", None)
        if session is None:  # one keep-alive connection per thread
            session = self.local.session = requests.Session()
        return session

    def _send(self, chunk: list[Article]) -> list[dict[str, Any]]:
        try:
            response = self._session().post(
                self.url + "/v1/extract/batch",
                json={"articles": [_payload(a) for a in chunk]}, timeout=_TIMEOUT)
        except requests.RequestException as exc:
            return [_unreachable(a, exc) for a in chunk]
        if response.status_code == 200:
            return response.json()["results"]
        logger.warning("batch refused (%d); sending its %d articles one by one",
                       response.status_code, len(chunk))
        return [self._send_one(article) for article in chunk]

    def _send_one(self, article: Article) -> dict[str, Any]:
        try:
            response = self._session().post(self.url + "/v1/extract", json=_payload(article),
                                            timeout=_TIMEOUT)
        except requests.RequestException as exc:
            return _unreachable(article, exc)
        try:
            body = response.json()
        except ValueError:  # not the service's JSON (a proxy's error page ...)
            return ArticleProblem(502, "Bad response", "bad-response",
                                  f"The service answered {response.status_code} without JSON.",
                                  id=article.id, line=article.line).to_dict()
        if response.status_code != 200:  # the service's problem, for this article
            body = {**body, "id": article.id}
            body.pop("instance", None)
            if article.line is not None:
                body["line"] = article.line
        return body


def _unreachable(article: Article, exc: Exception) -> dict[str, Any]:
    return ArticleProblem(502, "Service unreachable", "service-unreachable",
                          f"The request to the service failed: {type(exc).__name__}.",
                          id=article.id, line=article.line).to_dict()


def stream_lines(url: str, lines: Iterable[bytes], *,
                 timeout: float = 600.0) -> Iterator[dict[str, Any]]:
    """POST ``lines`` (NDJSON, each ending in a newline) to the service's stream endpoint;
    yield each answer line as it arrives.

    The body is sent chunked from a thread while the answers are read here: the
    service answers line by line, so a client that sent everything before reading
    could fill both sides' socket buffers and wait forever.
    """
    parts = urllib.parse.urlsplit(url)
    sock = socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80),
                                    timeout=timeout)
    head = (f"POST {parts.path.rstrip('/')}/v1/extract/stream HTTP/1.1\r\n"
            f"Host: {parts.netloc}\r\nContent-Type: application/x-ndjson\r\n"
            "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").encode()

    def send() -> None:
        try:
            sock.sendall(head)
            for line in lines:
                sock.sendall(b"%x\r\n%s\r\n" % (len(line), line))
            sock.sendall(b"0\r\n\r\n")
        except OSError:
            logger.exception("sending the stream failed")

    sender = threading.Thread(target=send, name="newsx-stream-send", daemon=True)
    sender.start()
    response = http.client.HTTPResponse(sock)
    try:
        response.begin()
        if response.status != 200:
            raise RuntimeError(f"stream refused: {response.status} {response.read()[:500]!r}")
        for raw in response:
            yield orjson.loads(raw)
    finally:
        response.close()
        sock.close()
        sender.join(timeout=5)
