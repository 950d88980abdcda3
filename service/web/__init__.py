"""The demo page at ``/``: paste an article, see what the service found, highlighted in it.

A plain Flask blueprint, not a flask-smorest one: the page and its files are not API
operations, so they stay out of the OpenAPI document. The page calls ``POST /v1/extract``
like any client. Every asset is a same-origin file under ``static/`` (no inline script or
style, no build step, nothing from another host), so it works offline and under a strict
Content-Security-Policy.
"""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

bp = Blueprint("web", __name__, static_folder="static", static_url_path="/web/static",
               template_folder="templates")


@bp.route("/", methods=["GET"])
def get_index() -> str:
    """The demo page; the article's character limit rides along for a client-side hint."""
    return render_template("web/index.html", max_chars=current_app.config["MAX_TEXT_CHARS"])
