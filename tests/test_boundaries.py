"""Dependencies point one way: the extraction core and the schemas never pull in the web layer."""

from __future__ import annotations

import subprocess
import sys

import pytest

from schemas import EXTRACTOR_NAMES, ExtractResponseSchema
from service.extraction import EXTRACTORS
from service.extraction.records import ExtractionResult
from service.extraction.registry import FIELDS

# What the HTTP layer adds itself: the caller's id, and version, model and timing.
_API_FIELDS = {"id", "meta"}


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [("service.extraction", ("flask", "marshmallow", "schemas", "flask_smorest")),
     ("schemas", ("flask", "spacy", "service", "flask_smorest")),
     # The Python API, the command line and its runners work without the web layer.
     ("service.extractor", ("flask", "flask_smorest")),
     ("service.cli", ("flask", "flask_smorest", "distributed")),
     ("service.runners.cluster", ("flask", "flask_smorest"))],
)
def test_boundaries_module_does_not_import(module, forbidden):
    code = (f"import sys, {module}; "
            f"print(','.join(m for m in {forbidden!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


def test_boundaries_extractor_names_match_the_schema():
    assert tuple(EXTRACTORS) == tuple(EXTRACTOR_NAMES)


def test_boundaries_registry_fills_every_response_field():
    response = set(ExtractResponseSchema().fields) - _API_FIELDS
    assert set(FIELDS) == response
    assert set(FIELDS) <= set(ExtractionResult.__dataclass_fields__)


def test_boundaries_registry_requirements_come_first():
    filled: set[str] = set()
    for field, extractor in FIELDS.items():
        assert set(extractor.requires) <= filled, field
        if extractor.revise is not None:
            assert extractor.revise[0] in filled, field
        filled.add(field)
