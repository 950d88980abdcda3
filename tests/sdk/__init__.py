"""Clients generated from openapi.yaml, called as their users call them."""

from tests.conftest import ROOT

# The client generators' own venv, made by `make install` (requirements-codegen.lock).
CODEGEN_BIN = ROOT / ".venv" / "codegen" / "bin"
