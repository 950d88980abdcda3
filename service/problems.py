"""Problem details (RFC 9457): the one place that writes error bodies."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, current_app, g, json, request
from werkzeug.exceptions import HTTPException

from .extraction.errors import ExtractionError

logger = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"


class ApiProblem(Exception):
    """An error the API reports on purpose, with a stable type slug."""

    status = 400
    title = "Bad request"
    slug = "bad-request"

    def __init__(self, detail: str, *, errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors


class EmptyBodyProblem(ApiProblem):
    status, title, slug = 400, "Empty body", "empty-body"


class MalformedJsonProblem(ApiProblem):
    status, title, slug = 400, "Malformed JSON", "malformed-json"


class InvalidEncodingProblem(ApiProblem):
    status, title, slug = 400, "Invalid text encoding", "invalid-encoding"


class IncompleteBodyProblem(ApiProblem):
    status, title, slug = 400, "Incomplete body", "incomplete-body"


class RequestTimeoutProblem(ApiProblem):
    status, title, slug = 408, "Request body too slow", "body-timeout"


class UnsupportedMediaTypeProblem(ApiProblem):
    status, title, slug = 415, "Unsupported media type", "unsupported-media-type"


class ValidationProblem(ApiProblem):
    status, title, slug = 422, "Invalid request", "validation-error"


class TextTooLongProblem(ApiProblem):
    status, title, slug = 413, "Text too long", "text-too-long"


class TimeBudgetProblem(ApiProblem):
    status, title, slug = 422, "Article too costly", "time-budget-exceeded"


class PipelineUnavailableProblem(ApiProblem):
    status, title, slug = 503, "Pipeline not loaded", "pipeline-unavailable"


def problem_response(status: int, title: str, detail: str, *, type_: str = "about:blank",
                     errors: dict[str, Any] | None = None) -> Response:
    body: dict[str, Any] = {"type": type_, "title": title, "status": status,
                            "detail": detail, "instance": request.path}
    if errors is not None:
        body["errors"] = errors
    if "request_id" in g:  # set for every request by service/observability/requests.py
        body["request_id"] = g.request_id
    return Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)


def handle_api_problem(problem: ApiProblem) -> Response:
    base = current_app.config["PROBLEM_TYPE_BASE"]
    return problem_response(problem.status, problem.title, problem.detail,
                            type_=base + problem.slug, errors=problem.errors)


def handle_http_exception(exc: HTTPException) -> Response:
    data = getattr(exc, "data", None) or {}
    errors = data.get("errors") or data.get("messages")
    response = problem_response(exc.code or 500, exc.name, exc.description or exc.name,
                                errors=errors)
    if exc.code == 405 and getattr(exc, "valid_methods", None):
        response.headers["Allow"] = ", ".join(exc.valid_methods)
    return response


def handle_extraction_error(exc: ExtractionError) -> Response:
    logger.error("extraction failed: %s", exc)
    return problem_response(500, "Extraction failed",
                            "The extraction pipeline failed on this article.")


def handle_unexpected(exc: Exception) -> Response:
    if isinstance(exc, HTTPException):  # raised through the generic path
        return handle_http_exception(exc)
    logger.exception("unhandled error on %s %s", request.method, request.path)
    return problem_response(500, "Internal Server Error",
                            "An unexpected error occurred; it has been logged.")


def register_error_handlers(app: Flask) -> None:
    """Install the four handlers that answer every failure with problem+json."""
    app.register_error_handler(ApiProblem, handle_api_problem)
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(ExtractionError, handle_extraction_error)
    app.register_error_handler(Exception, handle_unexpected)
