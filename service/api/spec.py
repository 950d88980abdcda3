"""How the OpenAPI document is generated: nullable references, enum names, servers, problems.

The spec is what client generators read, so it is written for them. A nullable nested
object is ``anyOf: [{$ref}, {type: object, nullable: true, enum: [null]}]``: the second
branch admits null and nothing else, so openapi-core validates it strictly and
openapi-generator (python, typescript-fetch) and openapi-python-client all type the
field as "the model or null". apispec's own form, whose second branch is a bare
``{type: object, nullable: true}``, lets any object through and gives generators an
untyped class; ``allOf`` with ``nullable`` rejects null under OpenAPI 3.0.3's rules; and
OpenAPI 3.1's ``{type: 'null'}`` is not rendered by the bundled Swagger UI (4.x). A
nullable enum is a named component referenced the same way (inline, openapi-python-client
makes three enums of it), and every documented error response carries an example body.
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
from schemas.extract import RULES_DOC

from ..problems import PROBLEM_JSON

View = TypeVar("View", bound=Callable[..., Any])

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
    f"resolved, is written down in {RULES_DOC} of the newsextract source repository.\n\n"
    "To see the extraction highlighted in an article rather than as JSON, open "
    "[the demo page](/)."
)

# Relative: the API is wherever this document was fetched from.
SERVERS = [{"url": "/", "description": "The server that serves this document."}]


class ClientFriendlyConverter(OpenAPIConverter):
    """apispec's converter with typed nullable references and named enums."""

    def field2nullable(self, field: fields.Field, ret: dict) -> dict:
        """Return the nullability of ``field``; a reference becomes "it or null"."""
        if not field.allow_none or self.openapi_version.major != 3 or (
                self.openapi_version.minor != 0):
            return super().field2nullable(field, ret)
        if "$ref" in ret:
            return {"anyOf": [{"$ref": ret.pop("$ref")}, _null_only()]}
        if "allOf" in ret:  # a reference with siblings (a description) in 3.0
            return {"anyOf": [*ret.pop("allOf"), _null_only()]}
        return {"nullable": True}

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


def _null_only() -> dict:
    """The second branch of a nullable reference: null, and nothing else (a new dict each
    time, so the YAML dump writes no anchors)."""
    return {"type": "object", "nullable": True, "enum": [None]}


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
