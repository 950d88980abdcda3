"""Checks every response must pass, whatever the input: shared by several test modules."""

from __future__ import annotations

from schemas import ExtractResponseSchema

_SCHEMA = ExtractResponseSchema()


def spans_of(body: dict) -> list[dict]:
    """Every item of the response that carries offsets into the input."""
    spans = [*body["date"]["mentions"], *body["quotes"], *body["figures"],
             *(m for a in body["actors"] for m in a["mentions"]),
             *(m for loc in body["locations"] for m in loc["mentions"])]
    spans += [q["cue_span"] for q in body["quotes"] if q["cue_span"]]
    spans += [q["speaker"]["mention"] for q in body["quotes"]
              if q["speaker"] and q["speaker"]["mention"]]
    if body["article"]["dateline"]:
        spans.append(body["article"]["dateline"])
    return spans


def check_invariants(text: str, body: dict) -> None:
    """Schema-valid, offsets slice the input, ids unique, references resolve."""
    assert _SCHEMA.validate(body) == {}, _SCHEMA.validate(body)
    for span in spans_of(body):
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"]:span["end"]] == span["text"], span
    for byline in body["article"]["bylines"]:
        assert text[byline["start"]:byline["end"]] == byline["name"]
    actor_ids = [a["id"] for a in body["actors"]]
    location_ids = [loc["id"] for loc in body["locations"]]
    quote_ids = [q["id"] for q in body["quotes"]]
    for ids in (actor_ids, location_ids, quote_ids):
        assert len(ids) == len(set(ids))
    for quote in body["quotes"]:
        if quote["speaker"] and quote["speaker"]["actor"] is not None:
            assert quote["speaker"]["actor"] in actor_ids
    for figure in body["figures"]:
        assert figure["quote"] is None or figure["quote"] in quote_ids
    for quote in body["quotes"]:
        assert all(inner in quote_ids and inner != quote["id"] for inner in quote["contains"])
    dateline = body["article"]["dateline"]
    if dateline and dateline["location"] is not None:
        assert dateline["location"] in location_ids
    for item in (*body["actors"], *body["locations"]):
        assert item["mention_count"] == len(item["mentions"])
