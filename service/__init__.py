"""newsextract: structured facts (date, actors, locations, quotes, figures) from news text.

``from service import Extractor`` is the Python API (``service.extractor``); it is
imported on first use, so importing ``service`` stays cheap and loads no spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "1.0.0"

if TYPE_CHECKING:
    from .extractor import Extractor

__all__ = ["Extractor", "__version__"]


def __getattr__(name: str) -> Any:
    if name == "Extractor":
        from .extractor import Extractor

        return Extractor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
