"""Examples for the spec: a real request/response pair and one problem body per error status.

The pair is the opening of seed article 000 sent as JSON; `make examples` regenerates
examples.json by running the real service on it. The problem bodies are what the service
answers for the requests listed in tests/contract/test_examples.py, which checks them.
"""

from __future__ import annotations

import http
import json
from importlib import resources

_DATA = json.loads(resources.files(__package__).joinpath("examples.json").read_text("utf-8"))

REQUEST_EXAMPLE: dict = _DATA["request"]
REQUEST_TEXT_EXAMPLE: str = REQUEST_EXAMPLE["text"]
RESPONSE_EXAMPLE: dict = _DATA["response"]

# The default NEWSX_PROBLEM_TYPE_BASE.
PROBLEM_TYPE_BASE = "https://newsextract.dev/problems/"

# status -> (slug or None for about:blank, title, detail, errors or None)
_PROBLEMS: dict[int, tuple[str | None, str, str, dict[str, list[str]] | None]] = {
    400: ("malformed-json", "Malformed JSON",
          "The body is not valid JSON: unexpected character, expected a JSON value: "
          "line 1 column 10 (char 9).", None),
    413: ("text-too-long", "Text too long",
          "The text has 120000 characters; the limit is 100000.", None),
    415: ("unsupported-media-type", "Unsupported media type",
          "Content-Type 'application/xml' is not supported; send text/plain (the article) "
          "or application/json ({\"text\": ...}).", None),
    422: ("validation-error", "Invalid request", "The request body has invalid fields.",
          {"text": ["Missing data for required field."], "published": ["Not a valid date."]}),
    500: (None, "Internal Server Error",
          "An unexpected error occurred; it has been logged.", None),
    503: ("pipeline-unavailable", "Pipeline not loaded",
          "The pipeline is not loaded; retry when /readyz is 200.", None),
}


def problem_example(status: int, instance: str, *, detail: str | None = None) -> dict:
    """The example problem body of ``status`` for a request to ``instance``.

    Args:
        status: HTTP status of the response.
        instance: The request path.
        detail: Replaces the example's ``detail`` (an endpoint words it differently).

    Returns:
        A problem+json body: the service's own problem for the statuses it raises, a
        plain ``about:blank`` one (the HTTP reason phrase as title) for any other status.
    """
    if status in _PROBLEMS:
        slug, title, default_detail, errors = _PROBLEMS[status]
    else:
        phrase = http.HTTPStatus(status)
        slug, title, default_detail, errors = None, phrase.phrase, phrase.description, None
    body: dict = {
        "type": PROBLEM_TYPE_BASE + slug if slug else "about:blank",
        "title": title, "status": int(status), "detail": detail or default_detail,
        "instance": instance,
    }
    if errors is not None:
        body["errors"] = errors
    return body
