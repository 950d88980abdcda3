"""POST /v1/extract: one article in, everything extracted out."""

from __future__ import annotations

import logging

from flask import current_app, request
from flask_smorest import Blueprint

from schemas import ExtractResponseSchema, ProblemSchema
from schemas.examples import REQUEST_TEXT_EXAMPLE, RESPONSE_EXAMPLE

from ..articles import Article
from ..extractor import extract_article
from ..observability.metrics import observe_article
from ..problems import PROBLEM_JSON, PipelineUnavailableProblem
from .article_input import read_article

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
@bp.doc(operationId="post_extract", requestBody=_REQUEST_BODY)
@bp.response(200, ExtractResponseSchema, example=RESPONSE_EXAMPLE)
@_document_errors
def post_extract():
    """Extract date, actors, locations, quotes and figures from one article."""
    article = read_article(request, max_chars=current_app.config["MAX_TEXT_CHARS"])
    nlp = current_app.extensions.get("newsx.nlp")
    if nlp is None:
        raise PipelineUnavailableProblem("The pipeline is not loaded; retry when /readyz is 200.")
    observe_article(len(article.text))
    body = extract_article(nlp, Article(article.text, article.published, article.id))
    logger.info("extracted %d chars in %.1f ms", len(article.text), body["meta"]["elapsed_ms"])
    # Already dumped by extract_article: a Response is passed through, not dumped again.
    return current_app.json.response(body)
