"""Property tests: any Unicode text gives a valid, self-consistent, repeatable response."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.invariants import check_invariants

NEWSY = st.lists(
    st.sampled_from([
        "Putin", "said", "“", "”", '"', "‘", "’", "Kyiv", "100,000", "troops", "Thursday",
        "\n\n", "NATO", "Zelenskyy", ":", ",", ".", "he", "told", "Feb. 3", "$2 billion",
        "about", "50%", " date 2022-02-03 ", "— By Jane Doe in Paris.", "(AP/John Roe)",
        "Advertising", "2014", "two", "the Kremlin", "🙂", "\u00a0", "\t", "Ukraine’s",
    ]),
    max_size=60,
).map(" ".join)

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=st.text(min_size=1, max_size=400).filter(lambda t: t.strip()))
def test_any_unicode_text_gives_valid_response(client, text):
    response = client.post("/v1/extract", json={"text": text})
    assert response.status_code == 200
    check_invariants(text, response.get_json())


@SETTINGS
@given(text=NEWSY.filter(lambda t: t.strip()))
def test_newsy_token_soup_gives_valid_repeatable_response(client, text):
    first = client.post("/v1/extract", json={"text": text})
    assert first.status_code == 200
    body = first.get_json()
    check_invariants(text, body)
    again = client.post("/v1/extract", json={"text": text}).get_json()
    body.pop("meta")
    again.pop("meta")
    assert body == again
