"""Inputs that once answered 500 (issue 16, item 2): each is now a 4xx problem+json."""

from __future__ import annotations

import pytest

PROBLEM = "application/problem+json"


@pytest.fixture()
def strict_client(language):
    """TESTING off: an unexpected exception is answered as the real 500, not raised."""
    from service.app import create_app

    return create_app({"TESTING": False}, nlp=language).test_client()


def _post(client, body: bytes, content_type: str):
    return client.post("/v1/extract", data=body, content_type=content_type)


@pytest.mark.parametrize("body", [
    b'{"text": "Putin said \\ud800 it."}',
    b'{"text": "Putin said it.", "id": "\\ud800"}',
    b'{"text": "Putin said \\udc00\\ud800 it."}',
])
def test_post_extract_returns_400_when_json_has_lone_surrogate(strict_client, body):
    response = _post(strict_client, body, "application/json")
    assert response.status_code == 400
    assert response.mimetype == PROBLEM
    assert response.get_json()["type"].endswith("/malformed-json")


@pytest.mark.parametrize("body", [
    b"[" * 10_000 + b"]" * 10_000,
    b'{"text": ' + b"[" * 10_000 + b"]" * 10_000 + b"}",
    b'{"text": ' + b'{"a": ' * 5_000 + b"1" + b"}" * 5_001,
])
def test_post_extract_returns_400_when_json_nested_deep(strict_client, body):
    response = _post(strict_client, body, "application/json")
    assert response.status_code == 400
    assert response.mimetype == PROBLEM


@pytest.mark.parametrize("charset", ["base64", "rot13", "zlib", "hex", "bz2"])
def test_post_extract_returns_415_when_charset_not_a_text_encoding(strict_client, charset):
    response = _post(strict_client, b"SGVsbG8gd29ybGQ=", f"text/plain; charset={charset}")
    assert response.status_code == 415
    assert response.mimetype == PROBLEM
    assert response.get_json()["type"].endswith("/unsupported-media-type")


@pytest.mark.parametrize(("charset", "body"), [
    ("unicode_escape", b"Putin said \\ud800 it."),
    ("raw_unicode_escape", b"Putin said \\ud800 it."),
    ("utf-7", b"Putin said +2AA- it."),
    ("utf-16-le", "Putin said ".encode("utf-16-le") + b"\x00\xd8"),
])
def test_post_extract_returns_400_when_charset_decodes_to_lone_surrogate(
        strict_client, charset, body):
    for content_type in (f"text/plain; charset={charset}",
                         f"application/json; charset={charset}"):
        payload = body if content_type.startswith("text") else b'"' + body + b'"'
        response = _post(strict_client, payload, content_type)
        assert response.status_code == 400, content_type
        assert response.mimetype == PROBLEM


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-02", "9999-12-31", "9999-12-30"])
def test_post_extract_returns_200_when_published_at_calendar_edge(strict_client, published):
    text = ("Putin said last year, last month, on Monday and yesterday that next year, "
            "next month, on Friday, tomorrow and in 3 weeks it would be over.")
    response = strict_client.post("/v1/extract", json={"text": text, "published": published})
    assert response.status_code == 200
    assert response.get_json()["date"]["published"] == published


@pytest.mark.parametrize("header", [" date 9999-12-31 ", " date 0001-01-01 "])
def test_post_extract_returns_200_when_header_date_at_calendar_edge(strict_client, header):
    text = header + "Putin said on Friday that tomorrow, next year, it would end."
    response = _post(strict_client, text.encode(), "text/plain")
    assert response.status_code == 200
    assert response.get_json()["date"]["source"] == "header"


@pytest.mark.parametrize("charset", ["punycode", "idna"])
def test_post_extract_returns_400_when_codec_raises_plain_unicode_error(strict_client, charset):
    response = _post(strict_client, b"\x00 \xff", f"text/plain; charset={charset}")
    assert response.status_code == 400  # found by tests/api/test_fuzz_http.py
    assert response.mimetype == PROBLEM
