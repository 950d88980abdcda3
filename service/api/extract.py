"""POST /v1/extract: one article in, everything extracted out."""

from __future__ import annotations

import logging
import time

from flask import current_app, request
from flask_smorest import Blueprint

from schemas import ExtractResponseSchema, ProblemSchema
from schemas.examples import REQUEST_TEXT_EXAMPLE, RESPONSE_EXAMPLE

from .. import __version__
from ..extraction import run
from ..problems import PROBLEM_JSON, PipelineUnavailableProblem
from .article_input import INDIRECT_PARAMETER, read_article

logger = logging.getLogger(__name__)

bp = Blueprint("extract", __name__, description="Extract structured facts from an article.")

_REQUEST_BODY = {
    "required": True,
    "description": "The article: as the whole text/plain body, or as JSON.",
    "content": {
        "text/plain": {"schema": {"type": "string"}, "example": REQUEST_TEXT_EXAMPLE},
        "application/json": {
            "schema": {"$ref": "#/components/schemas/ExtractRequest"},
            "example": {"text": REQUEST_TEXT_EXAMPLE, "published": "2022-02-03",
                        "id": "seed-000"},
        },
    },
}
_PARAMETERS = [{
    "name": INDIRECT_PARAMETER, "in": "query", "required": False,
    "description": "false leaves out quotes of kind indirect (reported speech without "
                   "quotation marks); a JSON body's quotes.indirect wins. Default true.",
    "schema": {"type": "boolean", "default": True},
}]
_ERRORS = {
    400: "Empty body, malformed JSON or invalid UTF-8.",
    413: "Body over MAX_CONTENT_LENGTH or text over MAX_TEXT_CHARS.",
    415: "Content-Type is neither text/plain nor application/json.",
    422: "JSON fields missing, of the wrong type, unknown, or an invalid date.",
    500: "Unexpected failure (logged; no details in the body).",
    503: "The spaCy pipeline is not loaded.",
}


def _document_errors(view):
    for status, description in _ERRORS.items():
        view = bp.alt_response(status, schema=ProblemSchema, content_type=PROBLEM_JSON,
                               description=description)(view)
    return view


@bp.route("/v1/extract", methods=["POST"])
@bp.doc(operationId="post_extract", requestBody=_REQUEST_BODY, parameters=_PARAMETERS)
@bp.response(200, ExtractResponseSchema, example=RESPONSE_EXAMPLE)
@_document_errors
def post_extract():
    """Extract date, actors, locations, quotes and figures from one article."""
    article = read_article(request, max_chars=current_app.config["MAX_TEXT_CHARS"])
    nlp = current_app.extensions.get("newsx.nlp")
    if nlp is None:
        raise PipelineUnavailableProblem("The pipeline is not loaded; retry when /readyz is 200.")
    started = time.perf_counter()
    result = run(nlp, article.text, published=article.published,
                 indirect_quotes=article.indirect_quotes)
    elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
    logger.info("extracted %d chars in %.1f ms", len(article.text), elapsed_ms)
    return {
        "id": article.id, "date": result.date, "article": result.article,
        "actors": result.actors, "locations": result.locations, "quotes": result.quotes,
        "figures": result.figures,
        "meta": {"version": __version__, "model": result.model, "elapsed_ms": elapsed_ms},
    }
