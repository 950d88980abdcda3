"""One article of a batch, a stream or a file, and the problem that replaces a failed one.

Flask-free: the batch and stream views, the command line and the Dask workers share it.
A failed article becomes a problem object (RFC 9457 members plus the article's ``id``,
and ``line`` where it came from a line of NDJSON) in the place of its result; the
titles and slugs are those of ``service.problems`` for the same failure of one request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from marshmallow import ValidationError

from schemas import ExtractRequestSchema

from .config import DefaultConfig

PROBLEM_TYPE_BASE = DefaultConfig.PROBLEM_TYPE_BASE
_REQUEST_SCHEMA = ExtractRequestSchema()


@dataclass(frozen=True, slots=True)
class Article:
    """A validated article: what ``extractor.extract_article`` takes."""

    text: str
    published: date | None = None
    id: str | None = None
    line: int | None = None  # its line in an NDJSON input, counted from 1
    indirect_quotes: bool = True  # False: "quotes": {"indirect": false}


class ArticleProblem(Exception):
    """Why one article has no result; ``to_dict`` is the line or entry that replaces it."""

    def __init__(self, status: int, title: str, slug: str, detail: str, *,
                 errors: dict[str, list[str]] | None = None, id: str | None = None,
                 line: int | None = None) -> None:
        super().__init__(detail)
        self.status, self.title, self.slug, self.detail = status, title, slug, detail
        self.errors, self.id, self.line = errors, id, line

    def to_dict(self, type_base: str = PROBLEM_TYPE_BASE) -> dict[str, Any]:
        """The problem object, JSON-ready."""
        body: dict[str, Any] = {"type": type_base + self.slug, "title": self.title,
                                "status": self.status, "detail": self.detail}
        if self.errors is not None:
            body["errors"] = self.errors
        body["id"] = self.id
        if self.line is not None:
            body["line"] = self.line
        return body


def invalid(detail: str, errors: dict[str, list[str]], **where: Any) -> ArticleProblem:
    """422: the article's fields are missing, of the wrong type or unknown."""
    return ArticleProblem(422, "Invalid request", "validation-error", detail,
                          errors=errors, **where)


def malformed(detail: str, **where: Any) -> ArticleProblem:
    """400: a line that is not JSON."""
    return ArticleProblem(400, "Malformed JSON", "malformed-json", detail, **where)


def unreadable(detail: str, **where: Any) -> ArticleProblem:
    """400: an input file that cannot be read or decoded."""
    return ArticleProblem(400, "Unreadable input", "unreadable-input", detail, **where)


def failed(**where: Any) -> ArticleProblem:
    """500: the pipeline raised on this article (logged; no internals in the detail)."""
    return ArticleProblem(500, "Extraction failed", "extraction-failed",
                          "The extraction pipeline failed on this article; it has been logged.",
                          **where)


def is_problem(line: dict[str, Any]) -> bool:
    """A problem object, not a result (results have no ``status``)."""
    return "status" in line and "type" in line


def load_article(payload: Any, *, max_chars: int, line: int | None = None,
                 default_id: str | None = None) -> Article:
    """Validate one article object ``{"text", "published"?, "id"?}``.

    Args:
        payload: the decoded JSON value.
        max_chars: the longest text accepted (``MAX_TEXT_CHARS``).
        line: where it was read from, for the problem.
        default_id: the id when the object has none.

    Raises:
        ArticleProblem: 422 for a bad object, 413 for a text over ``max_chars``.
    """
    where = {"id": _id_of(payload, default_id), "line": line}
    if not isinstance(payload, dict):
        raise invalid("An article must be a JSON object with a 'text' field.",
                      {"_schema": ["expected a JSON object"]}, **where)
    try:
        loaded = _REQUEST_SCHEMA.load(payload)
    except ValidationError as exc:
        errors = {key: value if isinstance(value, list) else [str(value)]
                  for key, value in exc.normalized_messages().items()}
        raise invalid("The article has invalid fields.", errors, **where) from exc
    text = loaded["text"]
    if len(text) > max_chars:
        raise ArticleProblem(413, "Text too long", "text-too-long",
                             f"The text has {len(text)} characters; the limit is {max_chars}.",
                             **where)
    options = loaded.get("quotes")
    return Article(text, loaded["published"], loaded["id"] or default_id, line,
                   options["indirect"] if options is not None else True)


def _id_of(payload: Any, default_id: str | None) -> str | None:
    value = payload.get("id") if isinstance(payload, dict) else None
    return value if isinstance(value, str) else default_id


def load_or_problem(payload: Any, *, max_chars: int, line: int | None = None,
                    default_id: str | None = None) -> Article | ArticleProblem:
    """``load_article``, with the problem returned instead of raised."""
    try:
        return load_article(payload, max_chars=max_chars, line=line, default_id=default_id)
    except ArticleProblem as problem:
        return problem
