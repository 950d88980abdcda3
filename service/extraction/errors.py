"""Domain errors of the extraction core, with coded messages and no HTTP knowledge."""

from __future__ import annotations


class ExtractionError(Exception):
    """Base of every error the extraction core raises on misuse."""

    code = "X000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class ModelNotFoundError(ExtractionError):
    """The configured spaCy pipeline is not installed."""

    code = "X001"


class ModelLanguageError(ExtractionError):
    """The configured spaCy pipeline is not an English one."""

    code = "X002"
