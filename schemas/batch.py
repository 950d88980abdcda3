"""Requests and responses of POST /v1/extract/batch and /v1/extract/stream."""

from __future__ import annotations

from marshmallow import Schema, fields

from .extract import ExtractRequestSchema

# Component names the batch entries and stream lines refer to (registered by the API).
RESULT_REF = "#/components/schemas/ExtractResponse"
ARTICLE_PROBLEM_REF = "#/components/schemas/ArticleProblem"
_RESULT_OR_PROBLEM = {"oneOf": [{"$ref": RESULT_REF}, {"$ref": ARTICLE_PROBLEM_REF}]}


class BatchRequestSchema(Schema):
    """Documents the batch body; each article is validated on its own (its own problem)."""

    articles = fields.List(fields.Nested(ExtractRequestSchema), required=True, metadata={
        "description": "The articles, each as the JSON body of POST /v1/extract. At most "
                       "limits.batch_max_articles of them, and at most "
                       "limits.batch_max_bytes bytes of body (GET /v1/info); over "
                       "either, the whole batch is a 413 problem.",
        "minItems": 1})


class ArticleProblemSchema(Schema):
    """A problem object in the place of one article's result (RFC 9457 members)."""

    type = fields.String(required=True, metadata={
        "description": "URI of the problem type.",
        "example": "https://newsextract.dev/problems/validation-error"})
    title = fields.String(required=True, metadata={"example": "Invalid request"})
    status = fields.Integer(required=True, metadata={
        "description": "The status a single POST /v1/extract would answer for this article.",
        "example": 422})
    detail = fields.String(required=True, metadata={
        "example": "The article has invalid fields."})
    errors = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), metadata={
        "description": "Field-level validation messages (422 only).",
        "example": {"text": ["text is empty or only whitespace"]}})
    id = fields.String(required=True, allow_none=True, metadata={
        "description": "The article's id (a stream line without one: its line number).",
        "example": "story-7"})
    line = fields.Integer(metadata={
        "description": "Line of the NDJSON body the article was on, from 1 (stream only).",
        "example": 3})


class BatchMetaSchema(Schema):
    count = fields.Integer(required=True, metadata={"description": "Articles in the batch.",
                                                    "example": 2})
    failed = fields.Integer(required=True, metadata={
        "description": "Entries that are problems.", "example": 1})
    elapsed_ms = fields.Float(required=True, metadata={"description": "Time for the batch.",
                                                       "example": 212.4})


class BatchResponseSchema(Schema):
    """One entry per article, in request order: its result, or its problem."""

    results = fields.List(fields.Raw(metadata=_RESULT_OR_PROBLEM), required=True, metadata={
        "description": "Entry i is article i's result (the body POST /v1/extract returns) "
                       "or, if it failed, its problem object with its own status."})
    meta = fields.Nested(BatchMetaSchema, required=True)


# A stream response line has the shape of a batch entry.
STREAM_LINE = _RESULT_OR_PROBLEM
