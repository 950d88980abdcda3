"""Optional API keys, the CORS allow-list and the headers on every response."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from service import access
from service.app import create_app

KEY = "k-0123456789abcdef"
OTHER_KEY = "k-fedcba9876543210"
SPEC_FILE = Path(__file__).resolve().parents[2] / "openapi.yaml"


@pytest.fixture(scope="module")
def keyed(language):
    app = create_app({"TESTING": True, "API_KEYS": f"{KEY},{OTHER_KEY}"}, nlp=language)
    return app.test_client()


def test_post_extract_returns_401_problem_without_a_key(keyed):
    response = keyed.post("/v1/extract", data=b"Putin spoke.", content_type="text/plain")
    assert response.status_code == 401
    assert response.content_type == "application/problem+json"
    body = response.get_json()
    assert body["type"].endswith("/unauthorized") and body["status"] == 401
    assert body["instance"] == "/v1/extract" and body["request_id"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_post_extract_returns_401_problem_with_a_wrong_key(keyed):
    response = keyed.post("/v1/extract", data=b"Putin spoke.", content_type="text/plain",
                          headers={"X-API-Key": KEY[:-1] + "X"})
    assert response.status_code == 401
    assert response.get_json()["detail"] == "The API key is not valid."


@pytest.mark.parametrize("headers", [
    {"X-API-Key": KEY}, {"X-API-Key": OTHER_KEY}, {"Authorization": f"Bearer {KEY}"},
    {"Authorization": f"bearer {OTHER_KEY}"}])
def test_post_extract_returns_200_with_a_configured_key(keyed, headers):
    response = keyed.post("/v1/extract", data=b"Putin spoke on Monday.",
                          content_type="text/plain", headers=headers)
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/metrics", "/openapi.json",
                                  "/docs", "/docs/assets/swagger-ui.css"])
def test_exempt_paths_return_200_without_a_key(keyed, path):
    with keyed.get(path) as response:  # closes the file a static asset is sent from
        assert response.status_code == 200


def test_get_info_returns_401_without_a_key(keyed):
    assert keyed.get("/v1/info").status_code == 401


def test_exempt_paths_are_configurable(language):
    app = create_app({"TESTING": True, "API_KEYS": KEY, "API_KEY_EXEMPT": "/healthz"},
                     nlp=language)
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"X-API-Key": KEY}).status_code == 200


def test_no_keys_configured_means_no_authentication(client):
    assert client.get("/v1/info").status_code == 200


def test_key_check_compares_every_key_in_constant_time(monkeypatch):
    calls = []
    real = access.hmac.compare_digest

    def spy(a, b):
        calls.append((len(a), len(b)))
        return real(a, b)

    monkeypatch.setattr(access.hmac, "compare_digest", spy)
    digests = access.key_digests([KEY, OTHER_KEY, "k-another-key-00000"])
    assert access.key_matches(KEY, digests)  # a match on the first key...
    assert len(calls) == 3  # ...still compares against all of them
    assert not access.key_matches("k-0", digests)  # a short guess: same-length digests
    assert set(calls) == {(32, 32)}


def test_cors_is_off_by_default(client):
    response = client.get("/healthz", headers={"Origin": "https://app.example.org"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_allows_listed_origins_only(language):
    app = create_app({"TESTING": True, "CORS_ORIGINS": "https://app.example.org",
                      "API_KEYS": KEY}, nlp=language)
    client = app.test_client()
    preflight = client.options("/v1/extract", headers={
        "Origin": "https://app.example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "X-API-Key, Content-Type"})
    assert preflight.status_code == 200  # no key needed for a preflight
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "x-api-key" in preflight.headers["Access-Control-Allow-Headers"].lower()
    response = client.get("/healthz", headers={"Origin": "https://app.example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "X-Request-ID" in response.headers["Access-Control-Expose-Headers"]
    other = client.get("/healthz", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_post_extract_returns_200_with_nosniff_and_no_store(client):
    response = client.post("/v1/extract", data=b"Putin spoke.", content_type="text/plain")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


def test_post_extract_returns_415_problem_with_nosniff_and_no_store(client):
    response = client.post("/v1/extract", data=b"<a/>", content_type="application/xml")
    assert response.status_code == 415
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


def test_docs_assets_keep_their_own_cache_lifetime(client):
    with client.get("/docs/assets/swagger-ui.css") as response:
        assert "max-age=86400" in response.headers["Cache-Control"]


def test_openapi_declares_the_key_schemes():
    spec = yaml.safe_load(SPEC_FILE.read_text(encoding="utf-8"))
    schemes = spec["components"]["securitySchemes"]
    assert schemes["ApiKeyHeader"] == {"type": "apiKey", "in": "header", "name": "X-API-Key"}
    assert schemes["BearerAuth"]["scheme"] == "bearer"
    assert {} in spec["security"]  # keys are optional until NEWSX_API_KEYS is set
    assert "401" in spec["paths"]["/v1/extract"]["post"]["responses"]
    assert spec["paths"]["/healthz"]["get"]["security"] == []


def test_served_spec_requires_a_key_once_keys_are_configured(keyed):
    spec = keyed.get("/openapi.json").get_json()
    assert {} not in spec["security"]
