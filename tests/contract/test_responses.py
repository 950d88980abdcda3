"""Real responses, success and every documented error, validate against openapi.yaml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from openapi_schema_validator import OAS30Validator
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from service.app import create_app

SPEC_FILE = Path(__file__).resolve().parents[2] / "openapi.yaml"
NDJSON = "application/x-ndjson"


@pytest.fixture(scope="module")
def openapi() -> OpenAPI:
    # openapi-core knows application/json only; problem+json bodies are JSON too.
    # NDJSON bodies are documented as strings; their lines are checked one by one.
    config = Config(extra_media_type_deserializers={"application/problem+json": json.loads,
                                                    NDJSON: bytes.decode})
    return OpenAPI.from_dict(yaml.safe_load(SPEC_FILE.read_text(encoding="utf-8")),
                             config=config)


def _call(openapi: OpenAPI, client, method: str, path: str, data: bytes = b"",
          content_type: str | None = None):
    """Send a request and validate its response; return the response.

    The view reads the body once, so the validator gets its own request built from
    the same method, path, body and content type.
    """
    response = client.open(path, method=method, data=data, content_type=content_type)
    request = Request(EnvironBuilder(path=path, method=method, data=data,
                                     content_type=content_type).get_environ())
    openapi.validate_response(WerkzeugOpenAPIRequest(request),
                              WerkzeugOpenAPIResponse(response))
    return response


def test_extract_success_validates_for_every_seed(openapi, client, seed_texts):
    for text in seed_texts.values():
        response = _call(openapi, client, "POST", "/v1/extract", text.encode(), "text/plain")
        assert response.status_code == 200


def test_extract_json_success_validates(openapi, client):
    data = json.dumps({"text": "Putin said “no” on Thursday.", "published": "2022-02-03",
                       "id": "x"}).encode()
    response = _call(openapi, client, "POST", "/v1/extract", data, "application/json")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("data", "content_type", "status"),
    [(b"", "text/plain", 400), (b"{", "application/json", 400),
     (b"\xff", "text/plain", 400), (b"<a/>", "application/xml", 415),
     (b'{"text": 1}', "application/json", 422), (b"[]", "application/json", 422)],
)
def test_extract_errors_validate(openapi, client, data, content_type, status):
    response = _call(openapi, client, "POST", "/v1/extract", data, content_type)
    assert response.status_code == status


def test_extract_413_and_503_validate(openapi, language):
    small = create_app({"TESTING": True, "MAX_TEXT_CHARS": 10}, nlp=language).test_client()
    response = _call(openapi, small, "POST", "/v1/extract", b'{"text": "' + b"x" * 20 + b'"}',
                     "application/json")
    assert response.status_code == 413
    unloaded = create_app({"TESTING": True, "LOAD_PIPELINE": False}).test_client()
    assert _call(openapi, unloaded, "POST", "/v1/extract", b"Hi.",
                 "text/plain").status_code == 503
    assert _call(openapi, unloaded, "GET", "/readyz").status_code == 503


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/v1/info"])
def test_health_endpoints_validate(openapi, client, path):
    assert _call(openapi, client, "GET", path).status_code == 200


def test_batch_success_and_problem_entries_validate(openapi, client):
    data = json.dumps({"articles": [
        {"text": "Putin said “no” on Thursday.", "published": "2022-02-03", "id": "x"},
        {"text": " ", "id": "blank"}, {"text": "Kuleba, 27, spoke."}]}).encode()
    response = _call(openapi, client, "POST", "/v1/extract/batch", data, "application/json")
    assert response.status_code == 200
    assert [r.get("status") for r in response.get_json()["results"]] == [None, 422, None]


@pytest.mark.parametrize(
    ("data", "content_type", "status"),
    [(b"", "application/json", 400), (b"{", "application/json", 400),
     (b"x", "text/plain", 415), (b'{"articles": []}', "application/json", 422)],
)
def test_batch_errors_validate(openapi, client, data, content_type, status):
    response = _call(openapi, client, "POST", "/v1/extract/batch", data, content_type)
    assert response.status_code == status


def test_batch_413_and_503_validate(openapi, language):
    small = create_app({"TESTING": True, "BATCH_MAX_ARTICLES": 1}, nlp=language).test_client()
    data = b'{"articles": [{"text": "a"}, {"text": "b"}]}'
    assert _call(openapi, small, "POST", "/v1/extract/batch", data,
                 "application/json").status_code == 413
    unloaded = create_app({"TESTING": True, "LOAD_PIPELINE": False}).test_client()
    assert _call(openapi, unloaded, "POST", "/v1/extract/batch", b'{"articles": [{"text": '
                 b'"a"}]}', "application/json").status_code == 503


@pytest.fixture(scope="module")
def stream_line_validator():
    """Each NDJSON line against the spec's line schema (the body itself is a string)."""
    spec = yaml.safe_load(SPEC_FILE.read_text(encoding="utf-8"))
    media = spec["paths"]["/v1/extract/stream"]["post"]["responses"]["200"]["content"]
    schema = {**media[NDJSON]["x-line-schema"], "components": spec["components"]}
    return OAS30Validator(schema)


def test_stream_lines_validate(openapi, client, stream_line_validator):
    data = (json.dumps({"text": "Putin said “no” on Thursday.", "id": "x"}) + "\n{\n"
            + json.dumps({"text": ""}) + "\n").encode()
    response = _call(openapi, client, "POST", "/v1/extract/stream", data, NDJSON)
    assert response.status_code == 200
    lines = [json.loads(line) for line in response.get_data().splitlines()]
    assert [line.get("status") for line in lines] == [None, 400, 422]
    for line in lines:
        stream_line_validator.validate(line)


@pytest.mark.parametrize(("data", "content_type", "status"),
                         [(b"", NDJSON, 400), (b'{"text": "a"}', "application/json", 415)])
def test_stream_errors_validate(openapi, client, data, content_type, status):
    assert _call(openapi, client, "POST", "/v1/extract/stream", data,
                 content_type).status_code == status
