"""The committed openapi.yaml is valid, current, and matches the routes both ways."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import validate

from service.app import create_app

SPEC_FILE = Path(__file__).resolve().parents[2] / "openapi.yaml"
REGENERATE = "make openapi"


@pytest.fixture(scope="module")
def committed() -> dict:
    return yaml.safe_load(SPEC_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def generated() -> dict:
    app = create_app({"LOAD_PIPELINE": False})
    return app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()


def test_openapi_file_is_a_valid_openapi_document(committed):
    validate(committed)


def test_openapi_file_equals_what_the_code_generates(committed, generated):
    assert committed == generated, (
        f"openapi.yaml is stale: run `{REGENERATE}` and commit the result")


def _routes(app, *, api: bool) -> set[tuple[str, str]]:
    """(path, method) of the routes of blueprints registered through the Api (``api=True``),
    or of every other route: pages and files (the demo page, Swagger UI, /openapi.yaml,
    static files) served by plain Flask blueprints, which are not API operations.
    """
    api_blueprints = app.extensions["flask-smorest"]["blp_name_to_api"]
    return {
        (rule.rule, method.lower())
        for rule in app.url_map.iter_rules()
        if (rule.endpoint.partition(".")[0] in api_blueprints) == api
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }


def test_openapi_routes_and_documented_paths_match_both_ways(committed):
    app = create_app({"LOAD_PIPELINE": False})
    documented = {
        (path, method) for path, operations in committed["paths"].items()
        for method in operations if method != "parameters"
    }
    assert _routes(app, api=True) == documented


def test_openapi_routes_outside_the_api_only_read_pages_and_files():
    # What the spec leaves out may not change anything: every write is an API operation.
    app = create_app({"LOAD_PIPELINE": False})
    others = _routes(app, api=False)
    assert ("/", "get") in others
    assert {method for _, method in others} == {"get"}


def test_openapi_every_operation_documents_its_errors_as_problem_json(committed):
    extract = committed["paths"]["/v1/extract"]["post"]["responses"]
    for status in ("400", "413", "415", "422", "500", "503"):
        assert "application/problem+json" in extract[status]["content"], status
    assert "example" in extract["200"]["content"]["application/json"]
    batch = committed["paths"]["/v1/extract/batch"]["post"]["responses"]
    for status in ("400", "413", "415", "422", "500", "503"):
        assert "application/problem+json" in batch[status]["content"], status
    stream = committed["paths"]["/v1/extract/stream"]["post"]["responses"]
    for status in ("400", "415", "500", "503"):
        assert "application/problem+json" in stream[status]["content"], status
    assert "example" in stream["200"]["content"]["application/x-ndjson"]


def _schemas_in(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _schemas_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from _schemas_in(value)


def test_openapi_nullable_values_are_typed_for_client_generators(committed):
    # A branch such as {type: object, nullable: true} would accept any object and give
    # generators an untyped class: every anyOf is "this model, or null and nothing else".
    unions = [node["anyOf"] for node in _schemas_in(committed["components"]) if "anyOf" in node]
    assert unions
    for branches in unions:
        assert len(branches) == 2 and "$ref" in branches[0], branches
        assert branches[1] == {"type": "object", "nullable": True, "enum": [None]}, branches
    article = committed["components"]["schemas"]["Article"]["properties"]
    assert article["dateline"]["anyOf"][0] == {"$ref": "#/components/schemas/Dateline"}


def test_openapi_operations_have_descriptions_tags_and_a_relative_server(committed):
    assert [server["url"] for server in committed["servers"]] == ["/"]
    for path, operations in committed["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary") and operation.get("description"), (path, method)
            assert operation.get("tags"), (path, method)


def test_openapi_problem_is_open_to_extension_members(committed):
    # RFC 9457 section 3.2: problem types may add members; clients must accept them.
    assert committed["components"]["schemas"]["Problem"]["additionalProperties"] is True


def test_openapi_links_to_extraction_rules_resolve():
    # The spec's descriptions send users to docs/extraction-rules.md#<section>.
    rules = SPEC_FILE.parent / "docs" / "extraction-rules.md"
    headings = {line[3:].strip().lower().replace(" ", "-")
                for line in rules.read_text(encoding="utf-8").splitlines()
                if line.startswith("## ")}
    anchors = set(re.findall(r"docs/extraction-rules\.md#([a-z-]+)",
                             SPEC_FILE.read_text(encoding="utf-8")))
    assert anchors and anchors <= headings, anchors - headings
