"""The wire contract: marshmallow schemas, the only definition of the JSON format."""

from .extract import EXTRACTOR_NAMES, ExtractRequestSchema, ExtractResponseSchema
from .health import HealthSchema, InfoSchema
from .problem import ProblemSchema

__all__ = [
    "EXTRACTOR_NAMES",
    "ExtractRequestSchema",
    "ExtractResponseSchema",
    "HealthSchema",
    "InfoSchema",
    "ProblemSchema",
]
