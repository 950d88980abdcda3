"""POST /v1/extract/batch through Flask's test client."""

from __future__ import annotations

import pytest

from service.app import create_app

PROBLEM_BASE = "https://newsextract.dev/problems/"


def _without_elapsed(body: dict) -> dict:
    return {**body, "meta": {k: v for k, v in body["meta"].items() if k != "elapsed_ms"}}


def test_post_extract_batch_returns_200_with_entries_in_request_order(client, seed_texts):
    texts = list(seed_texts.values())
    articles = [{"text": text, "id": f"seed-{i}"} for i, text in enumerate(texts)]
    articles.insert(1, {"text": "Putin said on Thursday that talks would go on.",
                        "published": "2022-02-04", "id": "short"})
    response = client.post("/v1/extract/batch", json={"articles": articles})
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert [r["id"] for r in body["results"]] == [a["id"] for a in articles]
    assert body["meta"]["count"] == len(articles) and body["meta"]["failed"] == 0
    for article, result in zip(articles, body["results"], strict=True):
        single = client.post("/v1/extract", json=article).get_json()
        assert _without_elapsed(result) == _without_elapsed(single)


def test_post_extract_batch_keeps_a_bad_article_to_its_own_entry(client):
    articles = [{"text": "Kuleba said 300 troops left Kyiv.", "id": "ok"},
                {"text": "   ", "id": "blank"}, {"text": 7}, "not an object",
                {"text": "Hi.", "published": "yesterday", "id": "bad-date"},
                {"text": "Hi.", "colour": "red", "id": "unknown-field"}]
    body = client.post("/v1/extract/batch", json={"articles": articles}).get_json()
    ok, *bad = body["results"]
    assert ok["id"] == "ok" and ok["figures"]
    assert [(p["status"], p["type"], p["id"]) for p in bad] == [
        (422, PROBLEM_BASE + "validation-error", "blank"),
        (422, PROBLEM_BASE + "validation-error", None),
        (422, PROBLEM_BASE + "validation-error", None),
        (422, PROBLEM_BASE + "validation-error", "bad-date"),
        (422, PROBLEM_BASE + "validation-error", "unknown-field")]
    assert "text" in bad[0]["errors"] and "published" in bad[3]["errors"]
    assert body["meta"] == {**body["meta"], "count": 6, "failed": 5}


def test_post_extract_batch_article_over_max_text_chars_is_its_own_413(language):
    client = create_app({"TESTING": True, "MAX_TEXT_CHARS": 20}, nlp=language).test_client()
    body = client.post("/v1/extract/batch", json={"articles": [
        {"text": "x" * 21, "id": "long"}, {"text": "Putin spoke.", "id": "short"}]}).get_json()
    assert body["results"][0]["status"] == 413
    assert body["results"][0]["type"] == PROBLEM_BASE + "text-too-long"
    assert body["results"][1]["id"] == "short" and "actors" in body["results"][1]


def test_post_extract_batch_an_article_that_breaks_the_pipeline_fails_alone(client, monkeypatch):
    from service.extraction import registry

    real = registry.extract_figures

    def explode(doc, **kwargs):
        if "boom" in doc.text:
            raise RuntimeError("secret")
        return real(doc, **kwargs)

    monkeypatch.setattr(registry, "extract_figures", explode)
    body = client.post("/v1/extract/batch", json={"articles": [
        {"text": "Putin said boom.", "id": "a"}, {"text": "Kuleba spoke.", "id": "b"}]}
    ).get_json()
    assert body["results"][0]["status"] == 500
    assert body["results"][0]["type"] == PROBLEM_BASE + "extraction-failed"
    assert "secret" not in body["results"][0]["detail"]
    assert body["results"][1]["id"] == "b" and "actors" in body["results"][1]


def test_post_extract_batch_returns_413_when_over_the_article_count(language):
    client = create_app({"TESTING": True, "BATCH_MAX_ARTICLES": 2}, nlp=language).test_client()
    response = client.post("/v1/extract/batch", json={"articles": [{"text": "a"}] * 3})
    assert response.status_code == 413
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["type"] == PROBLEM_BASE + "batch-too-large"


def test_post_extract_batch_returns_413_when_over_the_byte_limit(language):
    client = create_app({"TESTING": True, "BATCH_MAX_BYTES": 100}, nlp=language).test_client()
    response = client.post("/v1/extract/batch", json={"articles": [{"text": "a" * 200}]})
    assert response.status_code == 413
    assert response.mimetype == "application/problem+json"


def test_post_extract_batch_accepts_a_body_over_max_content_length(language):
    client = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 100}, nlp=language).test_client()
    response = client.post("/v1/extract/batch", json={"articles": [
        {"text": "Putin spoke. " * 10, "id": str(i)} for i in range(3)]})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("data", "content_type", "status"),
    [(b"", "application/json", 400), (b"{", "application/json", 400),
     (b"\xff", "application/json", 400), (b"x", "text/plain", 415),
     (b"[]", "application/json", 422), (b'{"articles": []}', "application/json", 422),
     (b'{"articles": {}}', "application/json", 422),
     (b'{"articles": [{"text": "a"}], "more": 1}', "application/json", 422)],
)
def test_post_extract_batch_returns_problem_for_a_bad_body(client, data, content_type, status):
    response = client.post("/v1/extract/batch", data=data, content_type=content_type)
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["status"] == status


def test_post_extract_batch_returns_503_without_pipeline():
    client = create_app({"TESTING": True, "LOAD_PIPELINE": False}).test_client()
    response = client.post("/v1/extract/batch", json={"articles": [{"text": "Hi."}]})
    assert response.status_code == 503


def test_get_info_reports_the_batch_limits(client, app):
    limits = client.get("/v1/info").get_json()["limits"]
    assert limits["batch_max_articles"] == app.config["BATCH_MAX_ARTICLES"]
    assert limits["batch_max_bytes"] == app.config["BATCH_MAX_BYTES"]
    assert limits["stream_max_line_bytes"] == app.config["MAX_CONTENT_LENGTH"]
