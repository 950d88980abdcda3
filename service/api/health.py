"""Liveness, readiness and build identity."""

from __future__ import annotations

from flask import current_app
from flask_smorest import Blueprint

from schemas import HealthSchema, InfoSchema, ProblemSchema

from .. import __version__
from ..problems import PROBLEM_JSON, PipelineUnavailableProblem

bp = Blueprint("health", __name__, description="Health and identity of the service.")


@bp.route("/healthz", methods=["GET"])
@bp.doc(operationId="get_healthz")
@bp.response(200, HealthSchema)
def get_healthz():
    """The process is alive (it may still be loading the pipeline)."""
    return {"status": "ok", "version": __version__}


@bp.route("/readyz", methods=["GET"])
@bp.doc(operationId="get_readyz")
@bp.response(200, HealthSchema)
@bp.alt_response(503, schema=ProblemSchema, content_type=PROBLEM_JSON,
                 description="The spaCy pipeline is not loaded yet.")
def get_readyz():
    """The pipeline is loaded and requests can be served."""
    if current_app.extensions.get("newsx.nlp") is None:
        raise PipelineUnavailableProblem("The spaCy pipeline is not loaded.")
    return {"status": "ready", "version": __version__}


@bp.route("/v1/info", methods=["GET"])
@bp.doc(operationId="get_info")
@bp.response(200, InfoSchema)
def get_info():
    """Service version, the spaCy pipeline in use, and the request limits."""
    config = current_app.config
    nlp = current_app.extensions.get("newsx.nlp")
    return {
        "version": __version__,
        "model": {"name": config["SPACY_MODEL"],
                  "version": nlp.meta.get("version", "") if nlp is not None else ""},
        "limits": {"max_content_length": config["MAX_CONTENT_LENGTH"],
                   "max_text_chars": config["MAX_TEXT_CHARS"],
                   "batch_max_articles": config["BATCH_MAX_ARTICLES"],
                   "batch_max_bytes": config["BATCH_MAX_BYTES"],
                   "stream_max_line_bytes": config["MAX_CONTENT_LENGTH"]},
    }
