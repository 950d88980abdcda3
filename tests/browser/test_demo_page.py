"""The demo page in a real headless Chromium, against a live server with a strict CSP."""

from __future__ import annotations

import json
import os
import re

import pytest

from service.app import create_app
from tests.browser.chromium import HOW_TO_INSTALL, chromium, find_chromium, live_server
from tests.browser.chromium import paste_and_extract as extract
from tests.conftest import SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if find_chromium() is None:
    if os.environ.get("CI"):  # CI installs the browser: a skip there would hide a failure
        pytest.fail(HOW_TO_INSTALL, pytrace=False)
    pytest.skip(HOW_TO_INSTALL, allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402 - only once the browser is known
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

MAX_CHARS = 10_000
# The strictest policy the page must work under: every asset and request same-origin,
# no inline script or style. A violation is a console error, which the tests check.
STRICT_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
              "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SEED_000 = (SEEDS / "000_08824b2ea6d5378f.txt").read_text(encoding="utf-8")
ASTRAL = ("🎉🎉 Russian President Vladimir Putin said on Thursday: “We will not invade "
          "Ukraine.” 👍 NATO Secretary-General Jens Stoltenberg said 100,000 troops 🇺🇦 "
          "were massing near Kyiv.")

# Each highlighted span's text, read from the DOM: pieces of one span share data-span,
# and speaker chips are labels, not article text.
_HIGHLIGHTED_TEXTS = """
const texts = {};
for (const piece of document.querySelectorAll('#article-view mark.hl')) {
  const copy = piece.cloneNode(true);
  for (const chip of copy.querySelectorAll('.chip')) chip.remove();
  const own = [...copy.childNodes].map((node) => node.textContent).join('');
  texts[piece.dataset.span] = (texts[piece.dataset.span] || '') + own;
}
return Object.values(texts);
"""


@pytest.fixture(scope="module")
def base_url(language):
    app = create_app({"MAX_TEXT_CHARS": MAX_CHARS}, nlp=language)

    @app.after_request
    def strict_csp(response):
        response.headers["Content-Security-Policy"] = STRICT_CSP
        return response

    with live_server(app) as url:
        yield url


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as browser:
        yield browser


def _console_errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] in ("SEVERE", "WARNING")]


def _expected_texts(body: dict) -> list[str]:
    mentions = [m for group in ("actors", "locations") for item in body[group]
                for m in item["mentions"]]
    spans = mentions + body["quotes"] + body["figures"] + body["date"]["mentions"]
    return sorted(span["text"] for span in spans)


def _shown_json(driver) -> dict:
    return json.loads(driver.find_element(By.ID, "json").get_attribute("textContent"))


def _is_highlighted(driver, element) -> bool:
    colour = driver.execute_script(
        "return getComputedStyle(arguments[0]).backgroundColor;", element)
    return colour not in ("rgba(0, 0, 0, 0)", "transparent")


def test_demo_page_highlights_seed_000_actors_and_quote_speakers(driver, base_url):
    driver.get_log("browser")  # start from an empty console
    extract(driver, base_url, SEED_000)
    assert driver.find_element(By.ID, "error").get_attribute("hidden") is not None
    putin = driver.find_elements(By.XPATH, "//mark[@data-field='actors'][.='Vladimir Putin']")
    assert putin and _is_highlighted(driver, putin[0])
    chips = driver.find_elements(
        By.XPATH, "//mark[@data-field='quotes']/span[@class='chip'][.='Recep Tayyip Erdogan']")
    assert chips and _is_highlighted(driver, chips[0])
    assert _is_highlighted(driver, chips[0].find_element(By.XPATH, ".."))
    assert sorted(driver.execute_script(_HIGHLIGHTED_TEXTS)) == _expected_texts(
        _shown_json(driver))
    assert _console_errors(driver) == []


def test_demo_page_selects_an_actor_and_its_quotes_from_the_keyboard(driver, base_url):
    extract(driver, base_url, SEED_000)
    mention = driver.find_element(
        By.XPATH, "//mark[@data-field='actors'][.='Recep Tayyip Erdogan']")
    mention.send_keys(Keys.ENTER)  # focuses the mark first, as Tab would
    tip = driver.find_element(By.ID, "tip")
    assert tip.is_displayed() and "Turkey" in tip.text and "President" in tip.text
    key = mention.get_attribute("data-key")
    selected = driver.find_elements(By.CSS_SELECTOR, ".is-selected")
    fields = {element.get_attribute("data-field") for element in selected}
    assert {"actors", "quotes"} <= fields
    assert all(key in (element.get_attribute("data-key"), element.get_attribute("data-speaker"),
                       element.get_attribute("data-actor")) for element in selected)
    mention.send_keys(Keys.ESCAPE)
    assert driver.find_elements(By.CSS_SELECTOR, ".is-selected") == []
    assert _console_errors(driver) == []


def test_demo_page_converts_offsets_around_astral_characters(driver, base_url):
    extract(driver, base_url, ASTRAL, published="2022-02-03")
    body = _shown_json(driver)
    assert body["actors"], "the service found no actor in the astral-character text"
    shown = driver.execute_script(_HIGHLIGHTED_TEXTS)
    assert sorted(shown) == _expected_texts(body)
    assert "Vladimir Putin" in shown and "100,000" in shown
    assert _console_errors(driver) == []


def test_demo_page_requests_nothing_from_another_host(driver, base_url):
    extract(driver, base_url, SEED_000)
    names = driver.execute_script(
        "return performance.getEntriesByType('resource').map((entry) => entry.name);")
    assert any(name.endswith("/v1/extract") for name in names)
    assert any(name.endswith("/land-110m.svg") for name in names)
    assert [name for name in names if not name.startswith(base_url + "/")] == []


@pytest.mark.parametrize(("text", "status", "words"), [
    ("x" * (MAX_CHARS + 1), "413", ["Text too long", "shorten"]),
    ("   \n  ", "422", ["Invalid request", "text"]),
])
def test_demo_page_shows_problem_json_as_a_readable_message(driver, base_url, text, status,
                                                             words):
    driver.get_log("browser")
    extract(driver, base_url, text)
    error = driver.find_element(By.ID, "error")
    assert error.is_displayed() and error.get_attribute("data-status") == status
    assert f"({status})" in error.text and all(word in error.text for word in words)
    assert not re.search(r"[{}\[\]]", error.text), "raw JSON shown instead of a message"
    # The one console line allowed is Chromium's own note of the failed request.
    assert [m for m in _console_errors(driver) if f"status of {status}" not in m] == []


def test_demo_page_reads_a_chosen_txt_file(driver, base_url, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ASTRAL, encoding="utf-8")
    driver.get(base_url + "/")
    driver.find_element(By.ID, "file").send_keys(str(article))
    box = driver.find_element(By.ID, "article")
    WebDriverWait(driver, 10).until(lambda d: box.get_property("value"))
    assert box.get_property("value") == ASTRAL
    assert f"{len(ASTRAL):,} / {MAX_CHARS:,} characters" in driver.find_element(By.ID, "count").text
    assert "article.txt" in driver.find_element(By.ID, "status").text
