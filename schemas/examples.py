"""Realistic request/response examples for the spec, from the opening of seed article 000.

`make examples` regenerates examples.json by running the real service on the excerpt.
"""

from __future__ import annotations

import json
from importlib import resources

_DATA = json.loads(resources.files(__package__).joinpath("examples.json").read_text("utf-8"))

REQUEST_TEXT_EXAMPLE: str = _DATA["request_text"]
RESPONSE_EXAMPLE: dict = _DATA["response"]
