"""The spec as YAML and the Swagger UI assets, served by the app itself (no CDN)."""

from __future__ import annotations

import swagger_ui_bundle
import yaml
from flask import Blueprint, Response, current_app, send_from_directory

bp = Blueprint("docs", __name__)


@bp.route("/openapi.yaml", methods=["GET"])
def get_openapi_yaml() -> Response:
    spec = current_app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec
    return Response(yaml.safe_dump(spec.to_dict(), sort_keys=False, allow_unicode=True),
                    mimetype="application/yaml")


@bp.route("/docs/assets/<path:filename>", methods=["GET"])
def get_docs_asset(filename: str) -> Response:
    return send_from_directory(swagger_ui_bundle.swagger_ui_path, filename, max_age=86400)
