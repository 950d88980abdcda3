"""A live server and the system's headless Chromium, for the browser test and `make screenshot`.

Only Debian's ``chromium`` and ``chromium-driver`` are used: the driver path is given to
selenium, so Selenium Manager never runs and nothing is downloaded.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask
from werkzeug.serving import make_server

HOW_TO_INSTALL = ("the browser test needs Debian's Chromium and its driver: "
                  "`sudo apt-get install chromium chromium-driver` "
                  "(CI's .ci/run installs them when missing)")
_BROWSERS = ("chromium", "chromium-browser")
_DRIVERS = ("chromedriver", "/usr/lib/chromium/chromedriver")


def find_chromium() -> tuple[str, str] | None:
    """(browser, driver) executables of the system's Chromium, or None when either is absent."""
    browser = next((path for name in _BROWSERS if (path := shutil.which(name))), None)
    driver = next((path for name in _DRIVERS if (path := shutil.which(name))), None)
    return (browser, driver) if browser and driver else None


@contextmanager
def live_server(app: Flask) -> Iterator[str]:
    """Serve ``app`` on a free loopback port in a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


@contextmanager
def chromium(profile: Path, *, width: int = 1440, height: int = 1000) -> Iterator:
    """A headless Chromium with a fresh profile that records the console; quits on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = find_chromium()
    if found is None:
        raise RuntimeError(HOW_TO_INSTALL)
    browser, driver_path = found
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic",
                 "--disable-default-apps", "--disable-extensions", "--hide-scrollbars",
                 "--force-color-profile=srgb", "--lang=en-US",
                 f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def paste_and_extract(driver, base_url: str, text: str, *, published: str = "",
                      timeout: float = 60) -> None:
    """Open the page, put ``text`` in the article box as a paste would, and press Extract.

    Waits until the page shows either the results or an error.
    """
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(base_url + "/")
    box = driver.find_element(By.ID, "article")
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", box, text)
    if published:
        driver.execute_script("document.getElementById('published').value = arguments[0];",
                              published)
    driver.execute_script("document.getElementById('status').textContent = '';")
    driver.find_element(By.ID, "extract").click()
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script(
        "return !document.getElementById('extract').disabled"
        " && document.getElementById('status').textContent !== 'Extracting…'"
        " && (!document.getElementById('results').hidden"
        "     || !document.getElementById('error').hidden);"))
