"""The error body: application/problem+json (RFC 9457)."""

from __future__ import annotations

from marshmallow import INCLUDE, Schema, fields


class ProblemSchema(Schema):
    """Documents every error response; service/problems.py writes them."""

    class Meta:
        # RFC 9457 allows extension members: clients must accept (and may ignore) them.
        unknown = INCLUDE

    type = fields.String(required=True, metadata={
        "description": "URI of the problem type; about:blank for plain HTTP errors.",
        "example": "https://newsextract.dev/problems/text-too-long"})
    title = fields.String(required=True, metadata={"example": "Text too long"})
    status = fields.Integer(required=True, metadata={"example": 413})
    detail = fields.String(required=True, metadata={
        "example": "The text has 120000 characters; the limit is 100000."})
    instance = fields.String(required=True, metadata={"description": "The request path.",
                                                      "example": "/v1/extract"})
    # No "example": openapi-generator warns on a map property's example ("Failed to get the
    # schema name: null"); the 422 response's example shows one.
    errors = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), metadata={
        "description": "Field-level validation messages (422 only), e.g. "
                       '{"text": ["Missing data for required field."]}.'})
    request_id = fields.String(metadata={
        "description": "The request's id, as in the X-Request-ID response header; quote it "
                       "when reporting a problem.",
        "example": "9f1c2e7a4b5d4c1e8a0b3c6d7e8f9a01"})
