"""The CPU-time budget: a costly request stops with a 422, the next one runs normally."""

from __future__ import annotations

import time

import pytest

from service.app import create_app
from service.budget import BudgetExceeded, cpu_budget


def _spin(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_cpu_budget_stops_a_busy_block():
    started = time.thread_time()
    with pytest.raises(BudgetExceeded), cpu_budget(0.2):
        _spin(5.0)
    assert time.thread_time() - started < 2.0


def test_cpu_budget_lets_a_cheap_block_finish_and_leaves_nothing_pending():
    with cpu_budget(0.5):
        total = sum(range(1000))
    _spin(0.8)  # a late watchdog would raise here
    assert total == 499500


def test_cpu_budget_does_not_count_waiting():
    with cpu_budget(0.2):
        time.sleep(0.5)  # wall time, no CPU


def test_cpu_budget_zero_sets_no_budget():
    with cpu_budget(0):
        _spin(0.1)


def test_post_extract_returns_422_when_time_budget_exceeded(language, seed_texts):
    client = create_app({"TESTING": True, "TIME_BUDGET": 0.01}, nlp=language).test_client()
    text = "\n\n".join(seed_texts.values())
    response = client.post("/v1/extract", data=text.encode(), content_type="text/plain")
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["type"].endswith("/time-budget-exceeded")
    relaxed = create_app({"TESTING": True, "TIME_BUDGET": 0}, nlp=language).test_client()
    assert relaxed.post("/v1/extract", data=text.encode(),
                        content_type="text/plain").status_code == 200


def test_post_extract_returns_400_when_body_shorter_than_content_length(client):
    response = client.post("/v1/extract", data=b"Putin said it.", content_type="text/plain",
                           environ_overrides={"CONTENT_LENGTH": "40"})
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
