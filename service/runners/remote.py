"""A runner that sends articles to a running service: POST /v1/extract/batch, concurrently."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any

import requests

from ..articles import Article, ArticleProblem

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
        pending: set[Future] = set()
        for chunk in chunks:
            pending.add(self.pool.submit(self._send, chunk))
            if len(pending) >= self.window:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (future.result() for future in done)

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
