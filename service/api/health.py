"""Liveness, readiness and build identity."""

from __future__ import annotations

from flask import current_app
from flask_smorest import Blueprint

from schemas import HealthSchema, InfoSchema
from schemas.examples import problem_example

from .. import __version__
from ..problems import PipelineUnavailableProblem
from .spec import document_problems

_NOT_READY = "The spaCy pipeline is not loaded."

bp = Blueprint("health", __name__, description="Health and identity of the service.")


@bp.route("/healthz", methods=["GET"])
@bp.doc(operationId="get_healthz")
@bp.response(200, HealthSchema)
def get_healthz():
    """The process is alive (it may still be loading the pipeline).

    A liveness probe: 200 as soon as the worker answers HTTP; it never looks at the
    pipeline, so a restart is not triggered while the model loads.
    """
    return {"status": "ok", "version": __version__}


@bp.route("/readyz", methods=["GET"])
@bp.doc(operationId="get_readyz")
@bp.response(200, HealthSchema)
@document_problems(bp, {503: "The spaCy pipeline is not loaded yet."}, instance="/readyz",
                   examples={503: problem_example(503, "/readyz", detail=_NOT_READY)})
def get_readyz():
    """The pipeline is loaded and requests can be served.

    A readiness probe: 200 once the worker has loaded the spaCy pipeline, a 503
    problem before (or when the service runs with NEWSX_LOAD_PIPELINE=false).
    """
    if current_app.extensions.get("newsx.nlp") is None:
        raise PipelineUnavailableProblem(_NOT_READY)
    return {"status": "ready", "version": __version__}


@bp.route("/v1/info", methods=["GET"])
@bp.doc(operationId="get_info")
@bp.response(200, InfoSchema)
def get_info():
    """Service version, the spaCy pipeline in use, and the request limits.

    `model.name` is the package `spacy.load` takes; `limits` are the largest request
    body in bytes and the longest article in characters (larger ones get a 413).
    """
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
