"""Dependencies point one way: the extraction core and the schemas never pull in the web layer."""

from __future__ import annotations

import subprocess
import sys

import pytest

from schemas import EXTRACTOR_NAMES
from service.extraction import EXTRACTORS


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
