"""After warm-up, serving a request opens no file: every table is loaded once per worker."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import DEFAULT_MODEL, ROOT


@pytest.mark.model
def test_serving_articles_after_warm_up_opens_no_file(seed_texts):
    script = (
        "import json, sys\n"
        "from service.app import create_app\n"
        "from service.extraction import build_nlp, warm_up\n"
        "texts = json.loads(sys.stdin.read())\n"
        "nlp = build_nlp(sys.argv[1])\n"
        "warm_up(nlp)\n"
        "client = create_app({'TESTING': True}, nlp=nlp).test_client()\n"
        "opened = []\n"
        "def hook(event, args):\n"
        "    if event in ('open', 'os.listdir', 'os.scandir'):\n"
        "        opened.append(f'{event} {args[0]}')\n"
        "sys.addaudithook(hook)\n"
        "statuses = [client.post('/v1/extract', data=t.encode(),\n"
        "                         content_type='text/plain').status_code for t in texts]\n"
        "print(json.dumps({'statuses': statuses, 'opened': opened}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, DEFAULT_MODEL], cwd=ROOT,
                          input=json.dumps(list(seed_texts.values())), capture_output=True,
                          text=True, timeout=300, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["statuses"] == [200] * len(seed_texts)
    assert result["opened"] == []
