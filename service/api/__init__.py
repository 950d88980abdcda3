"""HTTP layer: blueprints that parse requests, call the extraction core, dump with schemas."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api

from schemas import ExtractRequestSchema
from schemas.batch import ArticleProblemSchema, BatchRequestSchema

from . import batch, docs, extract, health, stream


def register_blueprints(app: Flask, api: Api) -> None:
    api.spec.components.schema("ExtractRequest", schema=ExtractRequestSchema)
    api.spec.components.schema("BatchRequest", schema=BatchRequestSchema)
    api.spec.components.schema("ArticleProblem", schema=ArticleProblemSchema)
    api.register_blueprint(extract.bp)
    api.register_blueprint(batch.bp)
    api.register_blueprint(stream.bp)
    api.register_blueprint(health.bp)
    app.register_blueprint(docs.bp)
