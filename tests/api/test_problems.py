"""Every bad input gets a clear problem+json 4xx; an unexpected failure a generic 500."""

from __future__ import annotations

import logging

import pytest
from werkzeug.exceptions import default_exceptions

from service.app import create_app


def _assert_problem(response, status: int, slug: str | None = None) -> dict:
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert {"type", "title", "status", "detail", "instance"} <= body.keys()
    assert body["status"] == status
    if slug:
        assert body["type"].endswith("/" + slug)
    return body


def test_post_extract_returns_400_when_body_empty(client):
    _assert_problem(client.post("/v1/extract", data=b"", content_type="text/plain"),
                    400, "empty-body")


def test_post_extract_returns_422_when_text_only_whitespace(client):
    body = _assert_problem(client.post("/v1/extract", data=b" \n\t ",
                                       content_type="text/plain"), 422, "validation-error")
    assert "text" in body["errors"]


def test_post_extract_returns_422_when_json_text_only_whitespace(client):
    body = _assert_problem(client.post("/v1/extract", json={"text": "   "}), 422)
    assert "text" in body["errors"]


@pytest.mark.parametrize("content_type", ["application/xml", "multipart/form-data", None])
def test_post_extract_returns_415_when_content_type_unsupported(client, content_type):
    response = client.post("/v1/extract", data=b"<a/>", content_type=content_type)
    _assert_problem(response, 415, "unsupported-media-type")


def test_post_extract_returns_400_when_json_malformed(client):
    response = client.post("/v1/extract", data=b'{"text": ', content_type="application/json")
    _assert_problem(response, 400, "malformed-json")


@pytest.mark.parametrize("payload", [b"[1, 2]", b'"just a string"', b"42"])
def test_post_extract_returns_422_when_json_not_object(client, payload):
    response = client.post("/v1/extract", data=payload, content_type="application/json")
    _assert_problem(response, 422, "validation-error")


@pytest.mark.parametrize("content_type", ["text/plain", "application/json"])
def test_post_extract_returns_400_when_utf8_invalid(client, content_type):
    response = client.post("/v1/extract", data=b"caf\xe9 \xff", content_type=content_type)
    _assert_problem(response, 400, "invalid-encoding")


@pytest.mark.parametrize(
    ("payload", "field"),
    [({}, "text"), ({"text": 42}, "text"), ({"text": None}, "text"),
     ({"text": "Hi there.", "extra": 1}, "extra"),
     ({"text": "Hi there.", "published": "2022-13-45"}, "published"),
     ({"text": "Hi there.", "published": "last Tuesday"}, "published")],
)
def test_post_extract_returns_422_when_fields_invalid(client, payload, field):
    body = _assert_problem(client.post("/v1/extract", json=payload), 422, "validation-error")
    assert field in body["errors"]


def test_post_extract_returns_413_when_body_over_limit(language):
    client = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 1000}, nlp=language).test_client()
    response = client.post("/v1/extract", data=b"a" * 2000, content_type="text/plain")
    _assert_problem(response, 413)


def test_post_extract_returns_413_when_text_over_character_limit(language):
    client = create_app({"TESTING": True, "MAX_TEXT_CHARS": 50}, nlp=language).test_client()
    response = client.post("/v1/extract", json={"text": "word " * 20})
    body = _assert_problem(response, 413, "text-too-long")
    assert "50" in body["detail"]


def test_get_unknown_path_returns_404(client):
    _assert_problem(client.get("/v2/nothing"), 404)


def test_wrong_method_returns_405(client):
    response = client.get("/v1/extract")
    _assert_problem(response, 405)
    assert "POST" in response.headers["Allow"]


@pytest.mark.parametrize("code", sorted(c for c in default_exceptions if c >= 400))
def test_every_http_error_is_problem_json(language, code):
    app = create_app({"TESTING": True}, nlp=language)

    @app.route("/boom")
    def boom():
        from flask import abort

        abort(code)

    body = _assert_problem(app.test_client().get("/boom"), code)
    assert body["type"] == "about:blank"


def test_unexpected_exception_returns_generic_500(language, monkeypatch, caplog):
    app = create_app({"TESTING": False}, nlp=language)

    def explode(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr("service.api.extract.extract_article", explode)
    with caplog.at_level(logging.ERROR):
        response = app.test_client().post("/v1/extract", data=b"Hello Kyiv.",
                                          content_type="text/plain")
    body = _assert_problem(response, 500)
    assert "secret" not in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)
    assert "unexpected" in body["detail"].lower()
    assert any("secret internal detail" in r.getMessage() or r.exc_info for r in caplog.records)
