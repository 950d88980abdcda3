"""Who may call: optional API keys, a CORS allow-list, and the headers every response carries.

API keys (``NEWSX_API_KEYS``) are off by default. When set, every path outside
``NEWSX_API_KEY_EXEMPT`` needs ``X-API-Key: <key>`` or ``Authorization: Bearer <key>``,
else a 401 problem. Keys are compared as SHA-256 digests with ``hmac.compare_digest``
against every configured key, so neither the time taken nor an early exit tells a
caller how much of a key was right. CORS (``NEWSX_CORS_ORIGINS``) is flask-cors.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping
from typing import Any

from apispec import BasePlugin
from flask import Flask, Response, current_app, request
from flask_cors import CORS

from .observability.requests import REQUEST_ID_HEADER
from .problems import ApiProblem, handle_api_problem

API_KEY_HEADER = "X-API-Key"
SECURITY_SCHEMES = {
    "ApiKeyHeader": {"type": "apiKey", "in": "header", "name": API_KEY_HEADER},
    "BearerAuth": {"type": "http", "scheme": "bearer",
                   "description": "The same API key, as a bearer token."},
}


class UnauthorizedProblem(ApiProblem):
    status, title, slug = 401, "Unauthorized", "unauthorized"


def key_digests(keys: Iterable[str]) -> tuple[bytes, ...]:
    return tuple(hashlib.sha256(key.encode()).digest() for key in keys)


def key_matches(presented: str, digests: tuple[bytes, ...]) -> bool:
    """Constant-time membership: every digest is compared, whatever the outcome."""
    given = hashlib.sha256(presented.encode()).digest()
    matched = False
    for digest in digests:
        matched |= hmac.compare_digest(given, digest)
    return matched


def is_exempt(path: str, exempt: Iterable[str]) -> bool:
    """``path`` is one of ``exempt`` or below one of them (``/docs`` covers ``/docs/x``)."""
    return any(path == p or path.startswith(p.rstrip("/") + "/") for p in exempt)


def _presented_key() -> str | None:
    key = request.headers.get(API_KEY_HEADER)
    if key:
        return key
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _require_key() -> Response | None:
    if request.method == "OPTIONS":  # CORS preflights carry no credentials
        return None
    config = current_app.config
    if is_exempt(request.path, config["API_KEY_EXEMPT"]):
        return None
    key = _presented_key()
    if key is not None and key_matches(key, current_app.extensions["newsx.api_keys"]):
        return None
    detail = ("A valid API key is required: send it as X-API-Key or "
              "Authorization: Bearer." if key is None else "The API key is not valid.")
    response = handle_api_problem(UnauthorizedProblem(detail))
    response.headers["WWW-Authenticate"] = 'Bearer realm="newsextract"'
    return response


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if "Cache-Control" not in response.headers:  # the docs' static assets set their own
        response.headers["Cache-Control"] = "no-store"
    return response


def init_access(app: Flask) -> None:
    """Install the key check (when keys are configured), CORS (when origins are) and
    the response headers."""
    keys = app.config["API_KEYS"]
    if keys:
        app.extensions["newsx.api_keys"] = key_digests(keys)
        app.before_request(_require_key)
    origins = app.config["CORS_ORIGINS"]
    if origins:
        CORS(app, origins=list(origins), expose_headers=[REQUEST_ID_HEADER],
             allow_headers=["Content-Type", "Authorization", API_KEY_HEADER,
                            REQUEST_ID_HEADER],
             methods=["GET", "POST", "OPTIONS"], max_age=600)
    app.after_request(_security_headers)


class SecurityPlugin(BasePlugin):
    """Declares the key schemes in the spec: each operation outside the exempt paths
    may answer 401; exempt ones say ``security: []``."""

    def __init__(self, exempt: Iterable[str]) -> None:
        self.exempt = tuple(exempt)

    def init_spec(self, spec) -> None:  # noqa: D102 - apispec hook
        super().init_spec(spec)
        for name, scheme in SECURITY_SCHEMES.items():
            spec.components.security_scheme(name, scheme)

    def operation_helper(self, path=None, operations=None, **kwargs) -> None:  # noqa: D102
        for operation in (operations or {}).values():
            if path is not None and is_exempt(path, self.exempt):
                operation["security"] = []
            else:
                operation.setdefault("responses", {})["401"] = "UNAUTHORIZED"


def spec_options(config: Mapping[str, Any]) -> dict[str, Any]:
    """flask-smorest ``spec_kwargs`` that document the API keys.

    Without configured keys the spec says a key is optional (``{}`` is one of the
    alternatives), as the service then asks for none.
    """
    security: list[dict[str, list[str]]] = [{name: []} for name in SECURITY_SCHEMES]
    if not config["API_KEYS"]:
        security.append({})
    return {"extra_plugins": [SecurityPlugin(config["API_KEY_EXEMPT"])],
            "security": security}
