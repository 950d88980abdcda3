"""Turn a POST body (text/plain or JSON) into a validated article, or raise a problem."""

from __future__ import annotations

import codecs
import re

import orjson
from flask import Request
from marshmallow import ValidationError

from schemas import ExtractRequestSchema

from ..articles import Article
from ..body import read_body
from ..problems import (
    EmptyBodyProblem,
    InvalidEncodingProblem,
    MalformedJsonProblem,
    TextTooLongProblem,
    UnsupportedMediaTypeProblem,
    ValidationProblem,
)

_REQUEST_SCHEMA = ExtractRequestSchema()
# A lone surrogate is no character: spaCy and the JSON encoder both refuse it (a 500 before).
_SURROGATE = re.compile("[\ud800-\udfff]")
# Query parameter that leaves indirect quotes out; a JSON body's "quotes" object wins.
INDIRECT_PARAMETER = "indirect_quotes"
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


def read_article(request: Request, *, max_chars: int, body_timeout: float = 0) -> Article:
    """Parse and validate the body of POST /v1/extract."""
    mimetype = request.mimetype
    if mimetype not in ("text/plain", "application/json"):
        raise UnsupportedMediaTypeProblem(
            f"Content-Type {request.content_type or '(none)'!r} is not supported; "
            "send text/plain (the article) or application/json ({\"text\": ...})."
        )
    raw = read_body(request, timeout=body_timeout)  # 413 past MAX_CONTENT_LENGTH
    if not raw:
        raise EmptyBodyProblem("The request body is empty; send the article text.")
    body = _decode(raw, request.mimetype_params.get("charset", "utf-8"))
    indirect = _indirect_parameter(request)
    if mimetype == "application/json":
        article = _from_json(body, indirect)
    else:
        if not body.strip():
            raise ValidationProblem("The article text is only whitespace.",
                                    errors={"text": ["text is empty or only whitespace"]})
        article = Article(body, indirect_quotes=indirect)
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
    try:  # orjson, as for one article: no RecursionError on deep nesting
        return orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise MalformedJsonProblem(f"The body is not valid JSON: {exc}.") from exc


def _decode(raw: bytes, charset: str) -> str:
    try:
        codec = codecs.lookup(charset).name
    except LookupError as exc:
        raise UnsupportedMediaTypeProblem(f"Unknown charset {charset!r}.") from exc
    try:
        body = raw.decode(codec)
    except LookupError as exc:  # a bytes-to-bytes codec: base64, rot13, zlib ...
        raise UnsupportedMediaTypeProblem(f"Charset {charset!r} is not a text encoding.") from exc
    except UnicodeDecodeError as exc:
        raise InvalidEncodingProblem(
            f"The body is not valid {codec}: byte {exc.start} cannot be decoded.") from exc
    except UnicodeError as exc:  # punycode, idna ... raise the base class
        raise InvalidEncodingProblem(f"The body is not valid {codec}.") from exc
    surrogate = _SURROGATE.search(body)
    if surrogate:  # utf-7, unicode_escape ... can spell one
        raise InvalidEncodingProblem(
            f"The body decodes to a lone surrogate at character {surrogate.start()}.")
    return body


def _indirect_parameter(request: Request) -> bool:
    """The ``indirect_quotes`` query parameter (true/false, 1/0); default true."""
    value = request.args.get(INDIRECT_PARAMETER)
    if value is None:
        return True
    if value.lower() not in _BOOLEANS:
        raise ValidationProblem(
            f"The query parameter {INDIRECT_PARAMETER} must be true or false.",
            errors={INDIRECT_PARAMETER: [f"not a boolean: {value!r}"]})
    return _BOOLEANS[value.lower()]


def _from_json(body: str, indirect: bool) -> Article:
    try:  # orjson: refuses lone surrogates and nesting past 1,024 levels (no RecursionError)
        payload = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
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
    options = loaded["quotes"]
    return Article(loaded["text"], loaded["published"], loaded["id"],
                   indirect_quotes=options["indirect"] if options is not None else indirect)
