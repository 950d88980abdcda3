"""The request option that leaves indirect quotes out: JSON quotes.indirect and the
indirect_quotes query parameter."""

from __future__ import annotations

import pytest

TEXT = "Putin said the troops would stay in Belarus. “We will win,” he added."


def _kinds(response) -> list[str]:
    assert response.status_code == 200
    return [q["kind"] for q in response.get_json()["quotes"]]


def test_post_extract_returns_indirect_quotes_by_default(client):
    assert _kinds(client.post("/v1/extract", json={"text": TEXT})) == ["indirect", "direct"]
    response = client.post("/v1/extract", data=TEXT.encode(), content_type="text/plain")
    assert _kinds(response) == ["indirect", "direct"]


def test_post_extract_returns_200_without_indirect_when_json_says_so(client):
    response = client.post("/v1/extract", json={"text": TEXT, "quotes": {"indirect": False}})
    assert _kinds(response) == ["direct"]


def test_post_extract_returns_200_without_indirect_when_query_says_so(client):
    response = client.post("/v1/extract?indirect_quotes=false", data=TEXT.encode(),
                           content_type="text/plain")
    assert _kinds(response) == ["direct"]


def test_post_extract_json_option_wins_over_the_query_parameter(client):
    response = client.post("/v1/extract?indirect_quotes=false",
                           json={"text": TEXT, "quotes": {"indirect": True}})
    assert _kinds(response) == ["indirect", "direct"]


@pytest.mark.parametrize(("path", "payload"), [
    ("/v1/extract?indirect_quotes=maybe", None),
    ("/v1/extract", {"text": TEXT, "quotes": {"indirect": "sometimes"}}),
    ("/v1/extract", {"text": TEXT, "quotes": {"direct": False}}),
])
def test_post_extract_returns_422_when_the_option_is_invalid(client, path, payload):
    if payload is None:
        response = client.post(path, data=TEXT.encode(), content_type="text/plain")
    else:
        response = client.post(path, json=payload)
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
