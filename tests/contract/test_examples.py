"""The spec's examples are real: each problem example is what the service answers."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import yaml

from schemas.examples import REQUEST_EXAMPLE, RESPONSE_EXAMPLE
from service.app import create_app

SPEC_FILE = Path(__file__).resolve().parents[2] / "openapi.yaml"
PROBLEM_JSON = "application/problem+json"

# (path, status) -> a request that gets that answer: (method, body, content type)
_PROVOKE = {
    ("/v1/extract", 400): ("POST", b'{"text": }', "application/json"),
    ("/v1/extract", 413): ("POST", b"word " * 24_000, "text/plain"),
    ("/v1/extract", 415): ("POST", b"<a/>", "application/xml"),
    ("/v1/extract", 422): ("POST", b'{"published": "someday"}', "application/json"),
    ("/v1/extract", 500): ("POST", b"Hello Kyiv.", "text/plain"),
    ("/v1/extract", 503): ("POST", b"Hello Kyiv.", "text/plain"),
    ("/readyz", 503): ("GET", None, None),
}


@pytest.fixture(scope="module")
def spec() -> dict:
    return yaml.safe_load(SPEC_FILE.read_text(encoding="utf-8"))


def _problem_examples(spec: dict):
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                media = response.get("content", {}).get(PROBLEM_JSON)
                if media is not None:
                    yield path, method, status, media


def test_openapi_every_problem_response_has_an_example(spec):
    missing = [(path, method, status) for path, method, status, media in
               _problem_examples(spec) if "example" not in media]
    assert not missing
    default = spec["components"]["responses"]["DEFAULT_ERROR"]["content"][PROBLEM_JSON]
    assert default["example"]["status"] == 500


@pytest.mark.parametrize(("path", "status"), sorted(_PROVOKE))
def test_openapi_problem_example_is_the_real_response(spec, language, monkeypatch, caplog,
                                                      path, status):
    method, body, content_type = _PROVOKE[(path, status)]
    documented = spec["paths"][path][method.lower()]["responses"][str(status)]
    example = documented["content"][PROBLEM_JSON]["example"]
    app = create_app({"TESTING": False, "LOAD_PIPELINE": status != 503},
                     nlp=None if status == 503 else language)
    if status == 500:
        def explode(*args, **kwargs):
            raise RuntimeError("example failure")

        monkeypatch.setattr("service.api.extract.extract_article", explode)
    with caplog.at_level(logging.CRITICAL):
        response = app.test_client().open(path, method=method, data=body,
                                          content_type=content_type)
    assert response.status_code == status
    assert response.mimetype == PROBLEM_JSON
    real = response.get_json()
    # Members the example leaves out (a future extension member) are not compared.
    assert {key: real.get(key) for key in example} == example


def test_openapi_request_and_response_examples_are_one_exchange(spec, client):
    media = spec["paths"]["/v1/extract"]["post"]["requestBody"]["content"]
    assert media["application/json"]["example"] == REQUEST_EXAMPLE
    assert media["text/plain"]["example"] == REQUEST_EXAMPLE["text"]
    response = client.post("/v1/extract", json=REQUEST_EXAMPLE)
    real = response.get_json()
    assert real["id"] == REQUEST_EXAMPLE["id"]
    # `make examples` regenerates the pair when the extraction changes.
    assert {**real, "meta": None} == {**RESPONSE_EXAMPLE, "meta": None}, (
        "the spec's response example is stale: run `make examples` then `make openapi`")
