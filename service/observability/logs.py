"""Log records as one JSON object per line (or text), each with a timestamp and request id.

The app's records go to the root logger's one handler installed here; gunicorn's own
loggers get the same format through ``gunicorn_logconfig`` (``service.gunicorn_conf``).
Article text is never logged: views log its length only.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from flask import g, has_request_context
from pythonjsonlogger.json import JsonFormatter

_OURS = "_newsx_handler"
_JSON_FIELDS = ("levelname", "name", "message", "request_id", "process")
_RENAMES = {"levelname": "level", "name": "logger", "process": "pid"}
_TEXT_FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s [%(request_id)s] %(message)s"


class RequestIdFilter(logging.Filter):
    """Stamps every record with the id of the request being served ("-" outside one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = (g.get("request_id", "-") if has_request_context() else "-")
        return True


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at emit time (test runners swap it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:  # StreamHandler.__init__ assigns it
        pass


def json_formatter() -> JsonFormatter:
    """One JSON object per record: timestamp (ISO 8601, UTC), level, logger, message,
    request_id, pid, and any ``extra`` fields."""
    return JsonFormatter(list(_JSON_FIELDS), rename_fields=dict(_RENAMES),
                         defaults={"timestamp": None}, timestamp=True)


def text_formatter() -> logging.Formatter:
    """A line for a terminal, with the same timestamp, level and request id."""
    return logging.Formatter(_TEXT_FORMAT, defaults={"request_id": "-"})


def configure_logging(level: str, fmt: str) -> None:
    """Install (or replace) the root logger's handler; ``level`` is a checked level name."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _OURS, False)]:
        root.removeHandler(handler)
    handler = _StderrHandler()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(json_formatter() if fmt == "json" else text_formatter())
    setattr(handler, _OURS, True)
    root.addHandler(handler)
    root.setLevel(level)


def gunicorn_logconfig(fmt: str, level: str = "info", *, access: bool = False
                       ) -> dict[str, Any]:
    """gunicorn's ``logconfig_dict``: its error log (and its access log, if ``access``)
    in our format. The root logger keeps no handler here: ``create_app`` installs it.
    """
    factory = "service.observability.logs." + (
        "json_formatter" if fmt.strip().lower() != "text" else "text_formatter")
    stream = {"class": "logging.StreamHandler", "formatter": "newsx",
              "filters": ["request_id"]}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "root": {"level": "INFO", "handlers": []},
        "loggers": {
            "gunicorn.error": {"level": level.upper(), "handlers": ["stderr"],
                               "propagate": False},
            # Any logconfig_dict turns gunicorn's access log on: its level silences it.
            "gunicorn.access": {"level": "INFO" if access else "WARNING",
                                "handlers": ["stdout"], "propagate": False},
        },
        "filters": {"request_id": {"()": "service.observability.logs.RequestIdFilter"}},
        "formatters": {"newsx": {"()": factory}},
        "handlers": {
            "stderr": {**stream, "stream": "ext://sys.stderr"},
            "stdout": {**stream, "stream": "ext://sys.stdout"},
        },
    }
