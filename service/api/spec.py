"""How the OpenAPI document is generated: nullable types, enum names, servers, problem responses.

The spec is what client generators read, so it is written for them. It is OpenAPI 3.1:
a nullable nested object is ``anyOf: [{$ref}, {type: 'null'}]``, which openapi-core
validates and openapi-generator and openapi-python-client both type as "the model or
null". (3.0 has no such form that a strict validator accepts: apispec's ``anyOf`` with
a ``{type: object, nullable: true}`` branch lets any object through, and ``allOf`` with
``nullable`` rejects null under 3.0.3's rules.) A nullable enum is a named component
referenced the same way (inline, openapi-python-client makes three enums of it), and
every documented error response carries an example body.
"""

from __future__ import annotations

import http
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin, OpenAPIConverter
from flask_smorest import Blueprint
from flask_smorest.utils import prepare_response
from marshmallow import fields

from schemas import ProblemSchema
from schemas.examples import problem_example

from ..problems import PROBLEM_JSON

View = TypeVar("View", bound=Callable[..., Any])

RULES_DOC = "docs/extraction-rules.md"
# Field metadata key: document the field's choices as the schema component of this name.
ENUM_NAME = "enum_name"

API_DESCRIPTION = (
    "Structured facts from the raw text of one news article: its date, actors, "
    "locations, quotes and figures.\n\n"
    "Offsets are Python str indices (Unicode code points) into the exact submitted "
    "text: text[start:end] equals the item's text; JavaScript clients count UTF-16 "
    "units and must convert.\n\n"
    "Every error is application/problem+json (RFC 9457); its `type` names the problem "
    "and clients should ignore members they do not know.\n\n"
    f"What counts as an actor, a location, a quote or a figure, and how dates are "
    f"resolved, is written down in {RULES_DOC} of the newsextract source repository."
)

# Relative: the API is wherever this document was fetched from.
SERVERS = [{"url": "/", "description": "The server that serves this document."}]


class ClientFriendlyConverter(OpenAPIConverter):
    """apispec's converter, plus enums named by ``metadata["enum_name"]`` as components."""

    def field2choices(self, field: fields.Field, **kwargs: Any) -> dict:
        """Return the choices of ``field``: inline, or a ``$ref`` to its named component."""
        attributes = super().field2choices(field, **kwargs)
        name = field.metadata.get(ENUM_NAME)
        if name is None or "enum" not in attributes:
            return attributes
        ret = kwargs["ret"]
        component = {"type": ret.pop("type"),
                     "enum": [value for value in attributes["enum"] if value is not None],
                     "description": field.metadata.get("description", "")}
        if name not in self.spec.components.schemas:
            self.spec.components.schema(name, component)
        return self.spec.components.get_ref("schema", name)


class SpecPlugin(MarshmallowPlugin):
    """The marshmallow plugin with the converter above."""

    Converter = ClientFriendlyConverter


def spec_kwargs() -> dict[str, Any]:
    """Keyword arguments of flask-smorest's ``Api`` that shape the generated document."""
    return {
        "marshmallow_plugin": SpecPlugin(),
        "info": {"description": API_DESCRIPTION},
        "servers": SERVERS,
    }


def document_problems(bp: Blueprint, errors: Mapping[int, str], *, instance: str,
                      examples: Mapping[int, dict] | None = None) -> Callable[[View], View]:
    """Decorate a view with one problem+json response per status, each with an example.

    Args:
        bp: The view's blueprint.
        errors: Status -> when the view answers with it (the response's description).
        instance: The route's path, the examples' ``instance``.
        examples: Status -> example body, for statuses whose example should differ from
            ``schemas.examples.problem_example(status, instance)``.

    Returns:
        The decorator.
    """
    def decorate(view: View) -> View:
        for status, description in errors.items():
            example = (examples or {}).get(status) or problem_example(status, instance)
            view = bp.alt_response(status, schema=ProblemSchema, content_type=PROBLEM_JSON,
                                   description=description, example=example)(view)
        return view

    return decorate


def register_problem_responses(spec: APISpec) -> None:
    """Register flask-smorest's shared error responses as problem+json, with examples.

    flask-smorest documents them as application/json; ours are application/problem+json.
    They are lazy: only those an operation refers to (``default``) reach the document.
    """
    for status in http.HTTPStatus:
        if 400 <= status < 600:
            _register_problem_response(spec, status.name, status.phrase,
                                       problem_example(status, "/v1/extract"))
    _register_problem_response(spec, "DEFAULT_ERROR", "Any other error, as problem+json.",
                               problem_example(500, "/v1/extract"))


def _register_problem_response(spec: APISpec, name: str, description: str,
                               example: dict) -> None:
    response = {"description": description, "schema": ProblemSchema, "example": example}
    prepare_response(response, spec, PROBLEM_JSON)
    spec.components.response(name, response, lazy=True)
