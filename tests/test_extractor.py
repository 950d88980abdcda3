"""The Python API: ``from service import Extractor``, and its batching across articles."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from bench.speedlib.corpus import _paragraphs, seed_texts, short_article
from service.articles import ArticleProblem
from service.extractor import Extractor


@pytest.fixture(scope="module")
def extractor(language):
    return Extractor(nlp=language)


def _strip(body: dict) -> dict:
    return {**body, "meta": {k: v for k, v in body["meta"].items() if k != "elapsed_ms"}}


def test_extractor_extract_returns_the_api_body(extractor, client):
    text = "Putin said on Thursday that 300 troops would stay."
    body = extractor.extract(text, published=date(2022, 2, 4), id="p1")
    api = client.post("/v1/extract", json={"text": text, "published": "2022-02-04",
                                           "id": "p1"}).get_json()
    assert _strip(body) == _strip(api)
    assert extractor.extract(text, "2022-02-04", id="p1")["date"]["source"] == "request"


@pytest.mark.parametrize(("text", "published", "status"),
                         [("  ", None, 422), ("Hi.", "not a date", 422), ("x" * 30, None, 413)])
def test_extractor_extract_raises_the_problem_of_a_bad_article(language, text, published, status):
    with pytest.raises(ArticleProblem) as problem:
        Extractor(nlp=language, max_text_chars=20).extract(text, published)
    assert problem.value.to_dict()["status"] == status


@pytest.mark.slow
def test_extractor_extract_many_equals_one_by_one_across_article_sizes(extractor):
    paragraphs = _paragraphs()
    texts = [*seed_texts(), *(short_article(n) for n in (50, 250, 400)), *paragraphs[:12],
             *("\n\n".join(paragraphs[i:i + 3]) for i in range(0, 30, 3))]
    single = [_strip(extractor.extract(t, id=str(i))) for i, t in enumerate(texts)]
    many = [_strip(r) for r in extractor.extract_many(
        {"text": t, "id": str(i)} for i, t in enumerate(texts))]
    assert many == single


def test_extractor_extract_many_keeps_order_and_problems_in_place(extractor):
    results = list(extractor.extract_many(["Putin spoke.", "", {"text": "Kuleba spoke.",
                                                                  "id": "k"}, 42]))
    assert [r.get("status") for r in results] == [None, 422, None, 422]
    assert results[2]["id"] == "k"


def test_import_service_is_light_and_extractor_pulls_no_flask():
    code = ("import sys, service; light = 'spacy' not in sys.modules; "
            "from service import Extractor; "
            "print(light, 'flask' in sys.modules, 'spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["True", "False", "True"]
