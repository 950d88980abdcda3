"""bandit over the service's code: nothing at medium severity or above.

The one accepted finding, gunicorn's default bind to 0.0.0.0 (B104), is intended and
marked ``# nosec B104`` where it is set (service/gunicorn_conf.py).
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_bandit_finds_nothing_at_medium_severity_or_above():
    result = subprocess.run(
        [sys.executable, "-m", "bandit", "-q", "-r", "service", "schemas", "-ll"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:]
