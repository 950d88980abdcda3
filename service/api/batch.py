"""POST /v1/extract/batch: many articles in one JSON request, one entry per article out."""

from __future__ import annotations

import logging
import time

from flask import current_app, request
from flask_smorest import Blueprint

from schemas.batch import BatchResponseSchema
from schemas.examples import PROBLEM_TYPE_BASE, REQUEST_TEXT_EXAMPLE, RESPONSE_EXAMPLE

from ..articles import is_problem, load_or_problem
from ..extractor import extract_articles
from ..problems import ApiProblem, PipelineUnavailableProblem, ValidationProblem
from .article_input import read_json
from .spec import document_problems

logger = logging.getLogger(__name__)

bp = Blueprint("batch", __name__, description="Extract from many articles at once.")


class BatchTooLargeProblem(ApiProblem):
    status, title, slug = 413, "Batch too large", "batch-too-large"


_PROBLEM_EXAMPLE = {
    "type": "https://newsextract.dev/problems/validation-error", "title": "Invalid request",
    "status": 422, "detail": "The article has invalid fields.",
    "errors": {"text": ["text is empty or only whitespace"]}, "id": "story-8"}
_REQUEST_BODY = {
    "required": True,
    "description": "The articles; each is validated on its own, and a bad one gets its own "
                   "problem entry instead of failing the batch.",
    "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/BatchRequest"},
        "example": {"articles": [
            {"text": REQUEST_TEXT_EXAMPLE, "published": "2022-02-03", "id": "story-7"},
            {"text": " ", "id": "story-8"}]}}},
}
_RESPONSE_EXAMPLE = {"results": [{**RESPONSE_EXAMPLE, "id": "story-7"}, _PROBLEM_EXAMPLE],
                     "meta": {"count": 2, "failed": 1, "elapsed_ms": 212.4}}
_ERRORS = {
    400: "Empty body, malformed JSON or invalid UTF-8.",
    413: "Body over BATCH_MAX_BYTES (about:blank) or more than BATCH_MAX_ARTICLES articles "
         "(batch-too-large).",
    415: "Content-Type is not application/json.",
    422: "The body is not an object with a non-empty 'articles' list (a bad article is "
         "its own entry, not this).",
    500: "Unexpected failure (logged; no details in the body).",
    503: "The spaCy pipeline is not loaded.",
}


_PATH = "/v1/extract/batch"
# The 413 users meet most: too many articles (an oversized body is a plain 413).
_EXAMPLES = {413: {
    "type": PROBLEM_TYPE_BASE + BatchTooLargeProblem.slug, "title": BatchTooLargeProblem.title,
    "status": 413, "detail": "The batch has 250 articles; the limit is 100.", "instance": _PATH}}


@bp.route("/v1/extract/batch", methods=["POST"])
@bp.doc(operationId="post_extract_batch", requestBody=_REQUEST_BODY)
@bp.response(200, BatchResponseSchema, example=_RESPONSE_EXAMPLE)
@document_problems(bp, _ERRORS, instance=_PATH, examples=_EXAMPLES)
def post_extract_batch():
    """Extract from up to BATCH_MAX_ARTICLES articles; entries keep the request's order.

    Each entry is the article's result (the body POST /v1/extract answers) or its own
    problem object with its status and id: one bad article never fails the batch. Short
    articles are annotated together. The limits are in GET /v1/info.
    """
    config = current_app.config
    request.max_content_length = config["BATCH_MAX_BYTES"]
    payloads = _articles(read_json(request), config["BATCH_MAX_ARTICLES"])
    nlp = current_app.extensions.get("newsx.nlp")
    if nlp is None:
        raise PipelineUnavailableProblem("The pipeline is not loaded; retry when /readyz is 200.")
    started = time.perf_counter()
    items = [load_or_problem(p, max_chars=config["MAX_TEXT_CHARS"]) for p in payloads]
    results = list(extract_articles(nlp, items, type_base=config["PROBLEM_TYPE_BASE"]))
    elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
    failed = sum(1 for r in results if is_problem(r))
    logger.info("batch of %d articles (%d failed) in %.1f ms", len(results), failed, elapsed_ms)
    return current_app.json.response({"results": results, "meta": {
        "count": len(results), "failed": failed, "elapsed_ms": elapsed_ms}})


def _articles(payload: object, limit: int) -> list:
    """The 'articles' list of the body, or the problem with the body as a whole."""
    articles = payload.get("articles") if isinstance(payload, dict) else None
    if not isinstance(articles, list) or not articles or set(payload) != {"articles"}:
        raise ValidationProblem(
            "The body must be a JSON object with one member, 'articles': a non-empty list "
            "of article objects.", errors={"articles": ["expected a non-empty list"]})
    if len(articles) > limit:
        raise BatchTooLargeProblem(
            f"The batch has {len(articles)} articles; the limit is {limit} "
            "(limits.batch_max_articles in GET /v1/info).")
    return articles
