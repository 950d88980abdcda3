"""Application factory: config -> spaCy pipeline -> API, blueprints and error handlers."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Mapping
from typing import Any

import orjson
from flask import Flask
from flask.json.provider import JSONProvider
from flask_smorest import Api

from schemas import ProblemSchema

from . import access
from .api import register_blueprints
from .api.spec import register_problem_responses, spec_kwargs
from .config import DefaultConfig, check_config
from .extraction import build_nlp, warm_up
from .observability.logs import configure_logging
from .observability.wiring import init_observability
from .problems import handle_http_exception, register_error_handlers
from .settings import environment_text
from .web import bp as web_bp

logger = logging.getLogger(__name__)


class OrjsonProvider(JSONProvider):
    """orjson for response bodies: several times faster than the stdlib on large results."""

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        return orjson.dumps(obj, option=orjson.OPT_NON_STR_KEYS).decode()

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return orjson.loads(s)


class ProblemApi(Api):
    """flask-smorest Api whose documented and actual error bodies are problem+json."""

    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error):  # noqa: D102 - flask-smorest override point
        return handle_http_exception(error)

    def _register_error_handlers(self):
        register_error_handlers(self._app)

    def _register_pagination_header(self):
        # No endpoint pages its results: keep flask-smorest's pagination schema out of the spec.
        pass

    def _register_responses(self):
        register_problem_responses(self.spec)


def create_app(overrides: Mapping[str, Any] | None = None, *, nlp=None) -> Flask:
    """Build the app; ``nlp`` lets tests share one loaded pipeline between apps."""
    app = Flask(__name__)
    app.config.from_object(DefaultConfig)
    app.config.from_prefixed_env("NEWSX")
    app.config.update(environment_text(DefaultConfig, os.environ))  # typed by check_config
    app.config.update(overrides or {})
    check_config(app.config)
    configure_logging(app.config["LOG_LEVEL"], app.config["LOG_FORMAT"])
    app.json = OrjsonProvider(app)
    app.extensions["newsx.nlp"] = None
    if nlp is not None or app.config["LOAD_PIPELINE"]:
        if nlp is None:
            started = time.perf_counter()
            nlp = build_nlp(app.config["SPACY_MODEL"], matmul=app.config["MATMUL"])
            warm_up(nlp)
            app.extensions["newsx.pipeline_load_seconds"] = time.perf_counter() - started
        nlp.max_length = max(nlp.max_length, app.config["MAX_TEXT_CHARS"] + 1)
        app.extensions["newsx.nlp"] = nlp
    api = ProblemApi(app, spec_kwargs={**spec_kwargs(), **access.spec_options(app.config)})
    register_blueprints(app, api)
    init_observability(app, api)  # request ids, access log, metrics: before the key check
    access.init_access(app)
    app.register_blueprint(web_bp)  # the demo page at /: not an API operation, not in the spec
    return app

