"""POST /v1/extract/stream through Flask's test client."""

from __future__ import annotations

import json

from service.app import create_app

NDJSON = "application/x-ndjson"
PROBLEM_BASE = "https://newsextract.dev/problems/"


def _lines(response) -> list[dict]:
    return [json.loads(line) for line in response.get_data().splitlines()]


def _ndjson(*objects) -> bytes:
    return b"".join(o if isinstance(o, bytes) else json.dumps(o).encode() + b"\n"
                    for o in objects)


def test_post_extract_stream_returns_one_line_per_article_in_order(client, seed_texts):
    articles = [{"text": text, "id": slug} for slug, text in seed_texts.items()]
    response = client.post("/v1/extract/stream", data=_ndjson(*articles), content_type=NDJSON)
    assert response.status_code == 200
    assert response.mimetype == NDJSON
    lines = _lines(response)
    assert [line["id"] for line in lines] == list(seed_texts)
    single = client.post("/v1/extract", json=articles[0]).get_json()
    for body in (single, lines[0]):
        body["meta"].pop("elapsed_ms")
    assert lines[0] == single


def test_post_extract_stream_answers_bad_lines_with_their_line_number(client):
    body = _ndjson({"text": "Putin spoke.", "id": "a"}, b"{not json\n", b"\n",
                   {"text": ""}, b'"text"\n', {"text": "Kuleba spoke."}, b"\xff\xfe\n")
    lines = _lines(client.post("/v1/extract/stream", data=body, content_type=NDJSON))
    assert [(line["id"], line.get("status"), line.get("line")) for line in lines] == [
        ("a", None, None), ("2", 400, 2), ("4", 422, 4), ("5", 422, 5), ("6", None, None),
        ("7", 400, 7)]
    assert lines[1]["type"] == PROBLEM_BASE + "malformed-json"
    assert lines[2]["type"] == PROBLEM_BASE + "validation-error"


def test_post_extract_stream_a_line_over_the_limit_is_its_own_413(language):
    client = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 60}, nlp=language).test_client()
    body = _ndjson({"text": "Putin spoke.", "id": "a"}, {"text": "x" * 100, "id": "b"},
                   {"text": "Kuleba spoke.", "id": "c"})
    response = client.post("/v1/extract/stream", data=body, content_type=NDJSON)
    lines = _lines(response)
    assert [(line["id"], line.get("status")) for line in lines] == [
        ("a", None), ("2", 413), ("c", None)]
    assert lines[1]["type"] == PROBLEM_BASE + "line-too-long"


def test_post_extract_stream_reads_a_last_line_without_newline(client):
    lines = _lines(client.post("/v1/extract/stream", data=b'{"text": "Putin spoke."}',
                               content_type=NDJSON))
    assert [line["id"] for line in lines] == ["1"]


def test_post_extract_stream_returns_400_for_an_empty_body(client):
    for data in (b"", b"\n  \n"):
        response = client.post("/v1/extract/stream", data=data, content_type=NDJSON)
        assert response.status_code == 400
        assert response.mimetype == "application/problem+json"
        assert response.get_json()["type"] == PROBLEM_BASE + "empty-body"


def test_post_extract_stream_returns_415_for_another_content_type(client):
    response = client.post("/v1/extract/stream", data=b'{"text": "a"}',
                           content_type="application/json")
    assert response.status_code == 415
    assert response.mimetype == "application/problem+json"


def test_post_extract_stream_returns_503_without_pipeline():
    client = create_app({"TESTING": True, "LOAD_PIPELINE": False}).test_client()
    response = client.post("/v1/extract/stream", data=b'{"text": "a"}\n', content_type=NDJSON)
    assert response.status_code == 503
