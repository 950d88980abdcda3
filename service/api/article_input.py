"""Turn a POST body (text/plain or JSON) into a validated article, or raise a problem."""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass
from datetime import date

from flask import Request
from marshmallow import ValidationError

from schemas import ExtractRequestSchema

from ..problems import (
    EmptyBodyProblem,
    InvalidEncodingProblem,
    MalformedJsonProblem,
    TextTooLongProblem,
    UnsupportedMediaTypeProblem,
    ValidationProblem,
)

_REQUEST_SCHEMA = ExtractRequestSchema()


@dataclass(frozen=True, slots=True)
class ArticleInput:
    text: str
    published: date | None
    id: str | None


def read_article(request: Request, *, max_chars: int) -> ArticleInput:
    """Parse and validate the body of POST /v1/extract."""
    mimetype = request.mimetype
    if mimetype not in ("text/plain", "application/json"):
        raise UnsupportedMediaTypeProblem(
            f"Content-Type {request.content_type or '(none)'!r} is not supported; "
            "send text/plain (the article) or application/json ({\"text\": ...})."
        )
    raw = request.get_data()  # Flask raises 413 past MAX_CONTENT_LENGTH
    if not raw:
        raise EmptyBodyProblem("The request body is empty; send the article text.")
    body = _decode(raw, request.mimetype_params.get("charset", "utf-8"))
    if mimetype == "application/json":
        article = _from_json(body)
    else:
        if not body.strip():
            raise ValidationProblem("The article text is only whitespace.",
                                    errors={"text": ["text is empty or only whitespace"]})
        article = ArticleInput(body, None, None)
    if len(article.text) > max_chars:
        raise TextTooLongProblem(
            f"The text has {len(article.text)} characters; the limit is {max_chars}.")
    return article


def read_json(request: Request) -> object:
    """The decoded JSON value of an application/json body, or the problem it is."""
    if request.mimetype != "application/json":
        raise UnsupportedMediaTypeProblem(
            f"Content-Type {request.content_type or '(none)'!r} is not supported; "
            "send application/json.")
    raw = request.get_data()  # Flask raises 413 past the request's max_content_length
    if not raw:
        raise EmptyBodyProblem("The request body is empty.")
    body = _decode(raw, request.mimetype_params.get("charset", "utf-8"))
    try:
        return json.loads(body)
    except ValueError as exc:
        raise MalformedJsonProblem(f"The body is not valid JSON: {exc}.") from exc


def _decode(raw: bytes, charset: str) -> str:
    try:
        codec = codecs.lookup(charset).name
    except LookupError as exc:
        raise UnsupportedMediaTypeProblem(f"Unknown charset {charset!r}.") from exc
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise InvalidEncodingProblem(
            f"The body is not valid {codec}: byte {exc.start} cannot be decoded.") from exc


def _from_json(body: str) -> ArticleInput:
    try:
        payload = json.loads(body)
    except ValueError as exc:
        raise MalformedJsonProblem(f"The body is not valid JSON: {exc}.") from exc
    if not isinstance(payload, dict):
        raise ValidationProblem("The JSON body must be an object with a 'text' field.",
                                errors={"_schema": ["expected a JSON object"]})
    try:
        loaded = _REQUEST_SCHEMA.load(payload)
    except ValidationError as exc:
        errors = {key: value if isinstance(value, list) else [str(value)]
                  for key, value in exc.normalized_messages().items()}
        raise ValidationProblem("The request body has invalid fields.", errors=errors) from exc
    return ArticleInput(loaded["text"], loaded["published"], loaded["id"])
