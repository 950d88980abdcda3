"""Request ids, JSON log records and Prometheus metrics, through Flask's test client."""

from __future__ import annotations

import json

import pytest

from service.app import create_app
from service.extraction import stages

SEED = "000_08824b2ea6d5378f.txt"


def _sample(app, name, **labels):
    value = app.extensions["newsx.metrics"].registry.get_sample_value(name, labels)
    return value or 0.0


def _log_records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_get_healthz_returns_200_with_a_generated_request_id(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert len(response.headers["X-Request-ID"]) == 32
    assert response.headers["X-Request-ID"] != client.get("/healthz").headers["X-Request-ID"]


def test_get_healthz_returns_200_echoing_the_callers_request_id(client):
    response = client.get("/healthz", headers={"X-Request-ID": "trace-7f3a:01"})
    assert response.headers["X-Request-ID"] == "trace-7f3a:01"


@pytest.mark.parametrize("given", ["two words", "x" * 129, "line\nbreak", "ü"])
def test_get_healthz_returns_200_replacing_an_unsafe_request_id(client, given):
    response = client.get("/healthz", headers={"X-Request-ID": given.encode("latin-1",
                                                                           "replace")})
    assert response.headers["X-Request-ID"] != given
    assert len(response.headers["X-Request-ID"]) == 32


def test_post_extract_returns_400_with_the_request_id_in_the_problem(client):
    response = client.post("/v1/extract", data=b"", content_type="text/plain",
                           headers={"X-Request-ID": "req-42"})
    assert response.status_code == 400
    assert response.content_type == "application/problem+json"
    assert response.get_json()["request_id"] == "req-42"
    assert response.headers["X-Request-ID"] == "req-42"


def test_post_extract_returns_200_and_logs_json_with_request_id_not_text(
        client, seed_texts, capsys):
    text = seed_texts[SEED]
    capsys.readouterr()
    response = client.post("/v1/extract", data=text.encode(), content_type="text/plain",
                           headers={"X-Request-ID": "log-check-1"})
    assert response.status_code == 200
    err = capsys.readouterr().err
    records = [r for r in _log_records(err) if r.get("request_id") == "log-check-1"]
    messages = [r["message"] for r in records]
    assert any(m.startswith("POST /v1/extract 200") for m in messages), err
    assert any(m.startswith(f"extracted {len(text)} chars") for m in messages)
    for record in records:
        assert record["timestamp"].endswith("+00:00") and record["level"] == "INFO"
    # Not the article, nor any sentence of it.
    for line in (p.strip() for p in text.splitlines()):
        if len(line) > 30:
            assert line[:30] not in err


def test_text_log_format_has_timestamp_level_and_request_id(language, capsys):
    app = create_app({"TESTING": True, "LOG_FORMAT": "text"}, nlp=language)
    try:
        capsys.readouterr()
        app.test_client().get("/healthz", headers={"X-Request-ID": "txt-1"})
        line = next(x for x in capsys.readouterr().err.splitlines() if "GET /healthz" in x)
        assert " INFO " in line and "[txt-1]" in line and line[:4].isdigit()
    finally:
        create_app({"TESTING": True}, nlp=language)  # JSON again for the tests after this one


def test_get_metrics_returns_200_counting_requests_by_route_and_status(app, client):
    before = _sample(app, "newsx_http_requests_total", method="GET", route="/healthz",
                     status="200")
    missing = _sample(app, "newsx_http_requests_total", method="GET", route="<unmatched>",
                      status="404")
    client.get("/healthz")
    client.get("/healthz")
    client.get("/no/such/path")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.content_type.startswith("text/plain")
    body = response.get_data(as_text=True)
    assert "# TYPE newsx_http_request_duration_seconds histogram" in body
    assert _sample(app, "newsx_http_requests_total", method="GET", route="/healthz",
                   status="200") == before + 2
    assert _sample(app, "newsx_http_requests_total", method="GET", route="<unmatched>",
                   status="404") == missing + 1
    assert _sample(app, "newsx_http_request_duration_seconds_count", method="GET",
                   route="/healthz") >= 2


def test_post_extract_returns_200_timing_every_stage_and_the_article_size(
        app, client, seed_texts):
    names = ("preprocess", "spacy", "mentions", "locations", "actors", "quotes", "figures",
             "date")
    before = {n: _sample(app, "newsx_extraction_stage_seconds_count", stage=n) for n in names}
    chars_before = _sample(app, "newsx_article_chars_sum")
    text = seed_texts[SEED]
    assert client.post("/v1/extract", data=text.encode(),
                       content_type="text/plain").status_code == 200
    for name in names:
        assert _sample(app, "newsx_extraction_stage_seconds_count", stage=name) == \
            before[name] + 1, name
    assert _sample(app, "newsx_extraction_stage_seconds_sum", stage="spacy") > 0
    assert _sample(app, "newsx_article_chars_sum") == chars_before + len(text)


def test_pipeline_load_time_is_a_metric(language):
    app = create_app({"TESTING": True})  # loads its own pipeline
    assert _sample(app, "newsx_pipeline_load_seconds") > 0


def test_stage_timing_is_off_without_a_recorder_and_per_context_with_one():
    seen = []
    timed = stages.stage("demo")(lambda x: x * 2)
    assert timed(2) == 4 and seen == []
    with stages.recording(lambda name, seconds: seen.append((name, seconds >= 0))):
        assert timed(3) == 6
    assert timed(4) == 8
    assert seen == [("demo", True)]


def test_metrics_can_be_turned_off():
    app = create_app({"TESTING": True, "LOAD_PIPELINE": False, "METRICS": False})
    assert app.test_client().get("/metrics").status_code == 404
