"""POST /v1/extract/stream: NDJSON in, NDJSON out, one line per article as it completes.

The body is read one line at a time from the request stream and each result is
written before the next line is read, so memory stays bounded whatever the body's
size: only one line (at most ``MAX_CONTENT_LENGTH`` bytes) and its result are held.
A client must read the response while it sends (curl -T does; so does
``service.runners.http.stream_lines``): the server answers line by line.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from typing import IO, Any

import orjson
from flask import Response, current_app, request, stream_with_context
from flask_smorest import Blueprint

from schemas.batch import STREAM_LINE

from ..articles import Article, ArticleProblem, load_or_problem, malformed
from ..extractor import extract_item
from ..problems import (
    EmptyBodyProblem,
    PipelineUnavailableProblem,
    UnsupportedMediaTypeProblem,
)
from .spec import document_problems

logger = logging.getLogger(__name__)

bp = Blueprint("stream", __name__, description="Extract from a stream of articles.")

NDJSON = "application/x-ndjson"
_LINES_EXAMPLE = ('{"id": "story-7", "text": " date 2022-02-03 KYIV, Ukraine (AP) — ..."}\n'
                  '{"id": "story-8", "text": " "}\n')
_OUT_EXAMPLE = ('{"id": "story-7", "date": {...}, "article": {...}, "actors": [...], '
                '"locations": [...], "quotes": [...], "figures": [...], "meta": {...}}\n'
                '{"type": "https://newsextract.dev/problems/validation-error", "title": '
                '"Invalid request", "status": 422, "detail": "The article has invalid '
                'fields.", "errors": {"text": ["text is empty or only whitespace"]}, '
                '"id": "story-8", "line": 2}\n')
_DOC = {
    "operationId": "post_extract_stream",
    "requestBody": {"required": True, "description": (
        "One article object per line ({\"text\", \"published\"?, \"id\"?}, as the JSON "
        "body of POST /v1/extract); blank lines are skipped. No limit on the body; a line "
        "is at most limits.stream_max_line_bytes bytes (GET /v1/info)."),
        "content": {NDJSON: {"schema": {"type": "string"}, "example": _LINES_EXAMPLE}}},
    "responses": {"200": {"description": "NDJSON: one line per article.", "content": {NDJSON: {
        "schema": {"type": "string", "description": (
            "One JSON object per line, per input article, written as each completes: "
            "its result (the body POST /v1/extract returns) or its problem object with "
            "its line number. A line without an id gets its line number as id.")},
        "x-line-schema": STREAM_LINE, "example": _OUT_EXAMPLE}}}},
}
_ERRORS = {
    400: "Empty body (no article line).",
    415: "Content-Type is not application/x-ndjson.",
    500: "Unexpected failure before the first line (logged; no details in the body).",
    503: "The spaCy pipeline is not loaded.",
}




@bp.route("/v1/extract/stream", methods=["POST"])
@bp.doc(**_DOC)
@bp.response(200, content_type=NDJSON)
@document_problems(bp, _ERRORS, instance="/v1/extract/stream")
def post_extract_stream():
    """Extract from each line of an NDJSON body, answering each line as it completes.

    One article object per line; one line out per line in, in order, each a result or a
    problem object with the line number. The body is read line by line, so memory stays
    flat whatever its size; a client must read while it sends.
    """
    if request.mimetype != NDJSON:
        raise UnsupportedMediaTypeProblem(
            f"Content-Type {request.content_type or '(none)'!r} is not supported; "
            f"send {NDJSON} (one article object per line).")
    nlp = current_app.extensions.get("newsx.nlp")
    if nlp is None:
        raise PipelineUnavailableProblem("The pipeline is not loaded; retry when /readyz is 200.")
    config = current_app.config
    # No limit on the stream (each line has one). None would mean MAX_CONTENT_LENGTH.
    request.max_content_length = sys.maxsize
    lines = _lines(request.stream, config["MAX_CONTENT_LENGTH"])
    first = next(lines, None)
    if first is None:
        raise EmptyBodyProblem("The request body has no article line.")
    max_chars, base = config["MAX_TEXT_CHARS"], config["PROBLEM_TYPE_BASE"]

    def generate() -> Iterator[bytes]:
        for number, raw in _chain(first, lines):
            item = _item(number, raw, max_chars)
            yield orjson.dumps(extract_item(nlp, item, type_base=base)) + b"\n"

    return Response(stream_with_context(generate()), mimetype=NDJSON)


def _chain(first: tuple[int, bytes | None],
           rest: Iterator[tuple[int, bytes | None]]) -> Iterator[tuple[int, bytes | None]]:
    yield first
    yield from rest


def _lines(stream: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per non-blank line; None for a line over ``max_bytes``.

    Reads at most ``max_bytes + 1`` bytes at a time: the rest of an overlong line is
    skipped in bounded reads, never held.
    """
    number = 0
    while raw := stream.readline(max_bytes + 1):
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while (rest := stream.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        elif raw.strip():
            yield number, raw


def _item(number: int, raw: bytes | None, max_chars: int) -> Article | ArticleProblem:
    where: dict[str, Any] = {"id": str(number), "line": number}
    if raw is None:
        return ArticleProblem(413, "Line too long", "line-too-long",
                              "The line is over limits.stream_max_line_bytes bytes.", **where)
    try:
        payload = orjson.loads(raw)  # also rejects bytes that are not UTF-8
    except orjson.JSONDecodeError as exc:
        return malformed(f"The line is not valid JSON: {exc}.", **where)
    return load_or_problem(payload, max_chars=max_chars, line=number, default_id=str(number))
