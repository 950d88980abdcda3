"""Hook request ids, the access log and metrics into the app, in the order they must run."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api

from .metrics import init_metrics
from .requests import init_request_ids


def init_observability(app: Flask, api: Api) -> None:
    """Request ids first (every later hook and error body uses the id), then metrics.

    Call it before ``access.init_access``, so a request refused for its key is still
    counted and logged with its id.
    """
    init_request_ids(app)
    init_metrics(app, api)
