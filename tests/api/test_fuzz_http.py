"""hypothesis-generated raw bodies and Content-Types: never a 5xx, errors are problem+json.

bench/fuzz_http.py sends the same strategy (2,000 requests) to a real gunicorn.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings

from bench.fuzz_http import requests
from tests.invariants import check_invariants


@settings(max_examples=150, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(request=requests)
def test_post_extract_never_answers_5xx(strict_app, request):
    content_type, body = request
    response = strict_app.test_client().post("/v1/extract", data=body,
                                              content_type=content_type)
    assert response.status_code < 500, (content_type, body[:200], response.get_data()[:300])
    if response.status_code == 200:
        text = body.decode(response.request.mimetype_params.get("charset") or "utf-8") \
            if response.request.mimetype == "text/plain" else json.loads(body)["text"]
        check_invariants(text, response.get_json())
    else:
        assert response.mimetype == "application/problem+json"
