"""POST /v1/extract through Flask's test client."""

from __future__ import annotations

SEED = "000_08824b2ea6d5378f.txt"


def test_post_extract_returns_200_for_text_plain(client, seed_texts):
    response = client.post("/v1/extract", data=seed_texts[SEED].encode(),
                           content_type="text/plain; charset=utf-8")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["date"] == {**body["date"], "published": "2022-02-03", "source": "header"}
    names = {a["name"] for a in body["actors"]} | {
        alias for a in body["actors"] for alias in a["aliases"]}
    assert any("Zelenskyy" in n for n in names)
    assert any("Erdogan" in n for n in names)
    assert "Kyiv" in {loc["name"] for loc in body["locations"]}
    assert body["quotes"] and body["figures"]
    assert body["meta"]["version"] == "1.0.0"
    assert body["id"] is None


def test_post_extract_returns_200_for_json_with_published_override(client):
    response = client.post("/v1/extract", json={
        "text": "Putin said on Thursday that talks would go on.",
        "published": "2022-02-04", "id": "story-7"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["id"] == "story-7"
    assert body["date"]["published"] == "2022-02-04"
    assert body["date"]["source"] == "request"


def test_post_extract_request_date_overrides_header(client):
    response = client.post("/v1/extract", json={
        "text": " date 2022-02-03 Talks went on.", "published": "2023-05-01"})
    assert response.get_json()["date"]["published"] == "2023-05-01"


def test_post_extract_returns_null_published_when_text_has_no_date(client):
    body = client.post("/v1/extract", data=b"Talks went on in Kyiv.",
                       content_type="text/plain").get_json()
    assert body["date"]["published"] is None
    assert body["date"]["source"] is None


def test_post_extract_offsets_slice_the_submitted_text(client, seed_texts):
    text = seed_texts[SEED]
    body = client.post("/v1/extract", data=text.encode(), content_type="text/plain").get_json()
    spans = [*body["date"]["mentions"], *body["quotes"], *body["figures"],
             *body["article"]["bylines"],
             *(m for a in body["actors"] for m in a["mentions"]),
             *(m for loc in body["locations"] for m in loc["mentions"])]
    for span in spans:
        assert text[span["start"]:span["end"]] == span.get("text", span.get("name"))
