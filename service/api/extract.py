"""POST /v1/extract: one article in, everything extracted out."""

from __future__ import annotations

import logging

from flask import current_app, request
from flask_smorest import Blueprint

from schemas import ExtractResponseSchema
from schemas.examples import REQUEST_EXAMPLE, REQUEST_TEXT_EXAMPLE, RESPONSE_EXAMPLE

from ..budget import within_budget
from ..extractor import extract_article
from ..observability.metrics import observe_article
from ..problems import PipelineUnavailableProblem
from .article_input import INDIRECT_PARAMETER, read_article
from .spec import RULES_DOC, document_problems

logger = logging.getLogger(__name__)

bp = Blueprint("extract", __name__, description="Extract structured facts from an article "
                                               f"(the rules: {RULES_DOC}).")

_REQUEST_BODY = {
    "required": True,
    "description": "The article: as the whole text/plain body, or as JSON.",
    "content": {
        "text/plain": {"schema": {"type": "string", "minLength": 1, "pattern": r"^\s*\S"},
                       "example": REQUEST_TEXT_EXAMPLE},
        "application/json": {
            "schema": {"$ref": "#/components/schemas/ExtractRequest"},
            "example": REQUEST_EXAMPLE,
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
    400: "Empty body, malformed JSON, invalid UTF-8, or a body shorter than its "
         "Content-Length.",
    408: "The body did not arrive within NEWSX_BODY_TIMEOUT seconds.",
    413: "Body over MAX_CONTENT_LENGTH or text over MAX_TEXT_CHARS.",
    415: "Content-Type is neither text/plain nor application/json.",
    422: "JSON fields missing, of the wrong type, unknown, or an invalid date; or the "
         "article took more than NEWSX_TIME_BUDGET CPU seconds (time-budget-exceeded).",
    500: "Unexpected failure (logged; no details in the body).",
    503: "The spaCy pipeline is not loaded.",
}


@bp.route("/v1/extract", methods=["POST"])
@within_budget
@bp.doc(operationId="post_extract", requestBody=_REQUEST_BODY, parameters=_PARAMETERS)
@bp.response(200, ExtractResponseSchema, example=RESPONSE_EXAMPLE)
@document_problems(bp, _ERRORS, instance="/v1/extract")
def post_extract():
    """Extract date, actors, locations, quotes and figures from one article.

    Send the article as the whole `text/plain` body, or as JSON with its `text`, an
    optional publication date (`published`, which overrides a ` date YYYY-MM-DD` header
    line in the text) and an optional `id` echoed in the response. Relative dates are
    resolved against the publication date, never against the server's clock.

    Every item in the response carries `start`/`end` offsets into the exact text sent
    (Python str indices, i.e. Unicode code points). Failures are problem+json bodies.
    """
    article = read_article(request, max_chars=current_app.config["MAX_TEXT_CHARS"],
                           body_timeout=current_app.config["BODY_TIMEOUT"])
    nlp = current_app.extensions.get("newsx.nlp")
    if nlp is None:
        raise PipelineUnavailableProblem("The pipeline is not loaded; retry when /readyz is 200.")
    observe_article(len(article.text))
    body = extract_article(nlp, article)
    logger.info("extracted %d chars in %.1f ms", len(article.text), body["meta"]["elapsed_ms"])
    # Already dumped by extract_article: a Response is passed through, not dumped again.
    return current_app.json.response(body)
