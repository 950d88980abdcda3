"""Prometheus metrics of one app: requests, latency, extraction stages, article size.

Under gunicorn every worker is a process of its own, so the values live in files under
``PROMETHEUS_MULTIPROC_DIR`` (prometheus_client's multiprocess mode, set up by
``service.gunicorn_conf`` before anything imports prometheus_client) and ``GET /metrics``
adds up every worker's files, dead workers' counters included. Without that variable
(tests, ``flask run``) the values are in this process, in the app's own registry.
"""

from __future__ import annotations

import os
import time

from flask import Flask, Response, current_app, g, request
from flask_smorest import Api, Blueprint
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
    values,
)

from ..extraction import stages

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
_STAGE_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
                  2.5, 5.0, 10.0)
_CHAR_BUCKETS = (250, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000)
UNMATCHED_ROUTE = "<unmatched>"


def multiprocess_dir() -> str | None:
    """The directory of multiprocess mode, or None when values stay in this process
    (prometheus_client chose its value class when first imported)."""
    if not getattr(values.ValueClass, "_multiprocess", False):
        return None
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


class Metrics:
    """The app's metric objects, registered in a registry of its own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        reg = self.registry
        self.requests = Counter(
            "newsx_http_requests", "HTTP requests answered, by method, route and status.",
            ["method", "route", "status"], registry=reg)
        self.latency = Histogram(
            "newsx_http_request_duration_seconds",
            "Time from the request's arrival in the app to its response, by route.",
            ["method", "route"], buckets=_LATENCY_BUCKETS, registry=reg)
        self.in_progress = Gauge(
            "newsx_http_requests_in_progress", "Requests being served now.",
            registry=reg, multiprocess_mode="livesum")
        self.stage_seconds = Histogram(
            "newsx_extraction_stage_seconds",
            "Time of each stage of one extraction: preprocess, spacy, mentions, then "
            "one per response field.", ["stage"], buckets=_STAGE_BUCKETS, registry=reg)
        self.article_chars = Histogram(
            "newsx_article_chars", "Characters of each article sent for extraction.",
            buckets=_CHAR_BUCKETS, registry=reg)
        self.pipeline_load = Gauge(
            "newsx_pipeline_load_seconds",
            "Seconds the spaCy pipeline took to load and warm up in this server.",
            registry=reg, multiprocess_mode="max")

    def record_stage(self, name: str, seconds: float) -> None:
        """Recorder for ``extraction.stages``: one observation per stage run."""
        self.stage_seconds.labels(name).observe(seconds)

    def render(self) -> tuple[bytes, str]:
        """The exposition text: every worker's values in multiprocess mode, else ours."""
        directory = multiprocess_dir()
        if directory is None:
            return generate_latest(self.registry), CONTENT_TYPE_LATEST
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry, path=directory)
        return generate_latest(registry), CONTENT_TYPE_LATEST


def _metrics() -> Metrics:
    return current_app.extensions["newsx.metrics"]


def observe_article(chars: int) -> None:
    """Record the size of an article about to be extracted (no-op without metrics)."""
    metrics = current_app.extensions.get("newsx.metrics")
    if metrics is not None:
        metrics.article_chars.observe(chars)


def _route() -> str:
    return request.url_rule.rule if request.url_rule is not None else UNMATCHED_ROUTE


def _before() -> None:
    metrics = _metrics()
    g.newsx_started = time.perf_counter()
    g.newsx_stage_token = stages.install(metrics.record_stage)
    metrics.in_progress.inc()


def _after(response: Response) -> Response:
    metrics = _metrics()
    started = g.pop("newsx_started", None)
    if started is not None:
        route = _route()
        metrics.latency.labels(request.method, route).observe(time.perf_counter() - started)
        metrics.requests.labels(request.method, route, str(response.status_code)).inc()
        metrics.in_progress.dec()
    return response


def _teardown(_exc: BaseException | None) -> None:
    token = g.pop("newsx_stage_token", None)
    if token is not None:
        stages.uninstall(token)


bp = Blueprint("metrics", __name__, description="Operational metrics.")


@bp.route("/metrics", methods=["GET"])
@bp.doc(operationId="get_metrics", responses={"200": {
    "description": "Prometheus text exposition format: every worker's values added up.",
    "content": {"text/plain": {"schema": {"type": "string"}}}}})
def get_metrics() -> Response:
    """Requests by route and status, latency, extraction stages, article sizes.

    Prometheus metrics of every gunicorn worker, added up (prometheus_client's
    multiprocess mode); off with NEWSX_METRICS=false.
    """
    body, content_type = _metrics().render()
    return Response(body, content_type=content_type)


def init_metrics(app: Flask, api: Api) -> None:
    """Create the app's metrics, hook them into every request and serve ``/metrics``
    (unless ``METRICS`` is off)."""
    if not app.config["METRICS"]:
        return
    metrics = Metrics()
    load_seconds = app.extensions.get("newsx.pipeline_load_seconds")
    if load_seconds is not None:
        metrics.pipeline_load.set(load_seconds)
    app.extensions["newsx.metrics"] = metrics
    app.before_request(_before)
    app.after_request(_after)
    app.teardown_request(_teardown)
    api.register_blueprint(bp)
