"""Settings as typed values: each key of DefaultConfig is parsed by its annotation (pydantic).

Flask's ``from_prefixed_env`` JSON-decodes what it reads ("0" -> 0, "1e5" -> 100000.0,
"False" stays text), so a declared setting is read again here as the text it was
given and typed by its annotation instead. Spellings are forgiven (``debug`` for
``DEBUG``; ``true/false``, ``1/0``, ``yes/no``, ``on/off`` in any case for booleans);
a value that is still wrong stops the boot with one line naming the variable.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, MutableMapping
from typing import Annotated, Any, get_type_hints

from pydantic import BeforeValidator, TypeAdapter, ValidationError

ENV_PREFIX = "NEWSX_"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_FORMATS = ("json", "text")


class ConfigError(ValueError):
    """A setting the service cannot run with; the message is one line naming the variable."""


def _split_csv(value: Any) -> Any:
    if isinstance(value, str):
        return tuple(item.strip() for item in value.split(",") if item.strip())
    return value


# A list setting: "a, b,c" in the environment, a list or tuple in overrides.
CsvList = Annotated[tuple[str, ...], BeforeValidator(_split_csv)]

_EXPECTED = {
    bool: "must be true or false (also 1/0, yes/no, on/off, any case)",
    int: "must be a whole number",
    float: "must be a number",
    str: "must be text",
    CsvList: "must be a comma-separated list",
}


def declared_settings(defaults: type) -> dict[str, Any]:
    """UPPERCASE annotated keys of ``defaults`` and their types."""
    return {key: hint for key, hint in get_type_hints(defaults, include_extras=True).items()
            if key.isupper()}


def environment_text(defaults: type, environ: Mapping[str, str]) -> dict[str, str]:
    """``NEWSX_<KEY>`` of each declared setting, exactly as given in ``environ``."""
    return {key: environ[ENV_PREFIX + key] for key in declared_settings(defaults)
            if ENV_PREFIX + key in environ}


@functools.cache
def _adapter(hint: Any) -> TypeAdapter:
    return TypeAdapter(hint)


def coerce_settings(config: MutableMapping[str, Any], defaults: type) -> None:
    """Replace each declared setting in ``config`` by its typed value, in place.

    Raises:
        ConfigError: one line listing every value that does not parse.
    """
    problems = []
    for key, hint in declared_settings(defaults).items():
        if key not in config:
            continue
        value = config[key]
        try:
            config[key] = _adapter(hint).validate_python(
                value.strip() if isinstance(value, str) else value)
        except ValidationError:
            expected = _EXPECTED.get(hint, f"must be of type {hint}")
            problems.append(f"{ENV_PREFIX}{key} {expected}, got {value!r}")
    if problems:
        raise ConfigError("; ".join(problems))


def check_operations(config: MutableMapping[str, Any]) -> None:
    """Normalise and check the logging, access and CORS settings (after coercion).

    Raises:
        ConfigError: one line naming the variable and what it accepts.
    """
    level = str(config.get("LOG_LEVEL", "")).upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"{ENV_PREFIX}LOG_LEVEL must be one of {', '.join(LOG_LEVELS)} "
                          f"(any case), got {config.get('LOG_LEVEL')!r}")
    config["LOG_LEVEL"] = level
    log_format = str(config.get("LOG_FORMAT", "")).lower()
    if log_format not in LOG_FORMATS:
        raise ConfigError(f"{ENV_PREFIX}LOG_FORMAT must be json or text, "
                          f"got {config.get('LOG_FORMAT')!r}")
    config["LOG_FORMAT"] = log_format
    bad_paths = [p for p in config.get("API_KEY_EXEMPT", ()) if not p.startswith("/")]
    if bad_paths:
        raise ConfigError(f"{ENV_PREFIX}API_KEY_EXEMPT lists paths, each starting with '/', "
                          f"got {bad_paths[0]!r}")
    bad_origins = [o for o in config.get("CORS_ORIGINS", ())
                   if o != "*" and "://" not in o]
    if bad_origins:
        raise ConfigError(f"{ENV_PREFIX}CORS_ORIGINS lists origins such as "
                          f"https://app.example.org (or *), got {bad_origins[0]!r}")
    short = [k for k in config.get("API_KEYS", ()) if len(k) < 16]
    if short:
        raise ConfigError(f"{ENV_PREFIX}API_KEYS: each key needs at least 16 characters; "
                          f"one has {len(short[0])}")

