"""Settings forgive spelling and case, and a wrong one stops the boot with one line."""

from __future__ import annotations

import importlib

import pytest

from service.app import create_app
from service.config import DefaultConfig, check_config, check_environment
from service.settings import ConfigError


def _config(**changes):
    config = {k: v for k, v in vars(DefaultConfig).items() if k.isupper()}
    config.update(changes)
    return config


@pytest.mark.parametrize(("given", "expected"), [
    ("debug", "DEBUG"), ("Info", "INFO"), ("WARNING", "WARNING"), (" error ", "ERROR")])
def test_settings_log_level_in_any_case(given, expected):
    config = _config(LOG_LEVEL=given)
    check_config(config)
    assert config["LOG_LEVEL"] == expected


@pytest.mark.parametrize(("given", "expected"), [
    ("true", True), ("False", False), ("FALSE", False), ("1", True), ("0", False),
    ("yes", True), ("No", False), ("on", True), ("off", False), (0, False), (True, True)])
def test_settings_booleans_in_the_usual_spellings(given, expected):
    config = _config(LOAD_PIPELINE=given)
    check_config(config)
    assert config["LOAD_PIPELINE"] is expected


def test_settings_lists_from_comma_separated_text():
    config = _config(API_KEYS="0123456789abcdef, fedcba9876543210 ,",
                     CORS_ORIGINS="https://a.example,https://b.example")
    check_config(config)
    assert config["API_KEYS"] == ("0123456789abcdef", "fedcba9876543210")
    assert config["CORS_ORIGINS"] == ("https://a.example", "https://b.example")


@pytest.mark.parametrize(("env", "message"), [
    ({"NEWSX_LOG_LEVEL": "verbose"},
     "NEWSX_LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL (any case), "
     "got 'verbose'"),
    ({"NEWSX_LOAD_PIPELINE": "maybe"},
     "NEWSX_LOAD_PIPELINE must be true or false (also 1/0, yes/no, on/off, any case), "
     "got 'maybe'"),
    ({"NEWSX_MAX_TEXT_CHARS": "lots"}, "NEWSX_MAX_TEXT_CHARS must be a whole number, got 'lots'"),
    ({"NEWSX_LOG_FORMAT": "xml"}, "NEWSX_LOG_FORMAT must be json or text, got 'xml'"),
    ({"NEWSX_CORS_ORIGINS": "example.org"},
     "NEWSX_CORS_ORIGINS lists origins such as https://app.example.org (or *), "
     "got 'example.org'"),
])
def test_settings_bad_value_is_one_line_naming_the_variable(env, message):
    with pytest.raises(ConfigError) as caught:
        check_environment(env)
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)


def test_settings_every_bad_value_in_the_same_line():
    with pytest.raises(ConfigError) as caught:
        check_environment({"NEWSX_LOAD_PIPELINE": "maybe", "NEWSX_MAX_TEXT_CHARS": "lots"})
    assert "NEWSX_LOAD_PIPELINE" in str(caught.value)
    assert "NEWSX_MAX_TEXT_CHARS" in str(caught.value)


def test_settings_short_api_key_is_refused_without_echoing_it():
    with pytest.raises(ConfigError) as caught:
        check_environment({"NEWSX_API_KEYS": "hunter2"})
    assert "hunter2" not in str(caught.value)


@pytest.mark.parametrize("value", ["0", "False", "no", "off"])
def test_settings_environment_false_spellings_skip_the_pipeline(monkeypatch, value):
    monkeypatch.setenv("NEWSX_LOAD_PIPELINE", value)
    monkeypatch.setenv("NEWSX_LOG_LEVEL", "debug")
    app = create_app()
    assert app.extensions["newsx.nlp"] is None
    assert app.config["LOG_LEVEL"] == "DEBUG"
    create_app({"LOAD_PIPELINE": False})  # back to INFO for the tests after this one


def test_settings_environment_text_is_not_json_decoded(monkeypatch):
    # from_prefixed_env would read 1e5 as the float 100000.0.
    monkeypatch.setenv("NEWSX_API_KEYS", "1e5-0000000000000000")
    monkeypatch.setenv("NEWSX_PROBLEM_TYPE_BASE", "123")
    app = create_app({"LOAD_PIPELINE": False})
    assert app.config["API_KEYS"] == ("1e5-0000000000000000",)
    assert app.config["PROBLEM_TYPE_BASE"] == "123"


def test_settings_gunicorn_stops_with_one_line_on_a_bad_value(monkeypatch):
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    conf = importlib.import_module("service.gunicorn_conf")
    monkeypatch.setenv("NEWSX_LOG_LEVEL", "loud")
    with pytest.raises(SystemExit) as caught:
        importlib.reload(conf)
    assert str(caught.value).startswith("newsextract: bad configuration: NEWSX_LOG_LEVEL")
    monkeypatch.delenv("NEWSX_LOG_LEVEL")
    importlib.reload(conf)
