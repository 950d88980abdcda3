"""The demo page without a browser: served, self-contained, and ready for a strict CSP."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from service.app import create_app

STATIC = Path(__file__).resolve().parents[2] / "service" / "web" / "static"
# The only absolute URL a loaded file may hold: the SVG namespace, an identifier, not a request.
_NAMESPACES = {"http://www.w3.org/2000/svg"}
_ASSET_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}


class _PageParser(HTMLParser):
    """Collects the URLs a page loads, and anything a strict CSP would block."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.links: list[str] = []
        self.inline: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.inline += [f"{tag} {name}" for name in attributes
                        if name == "style" or name.startswith("on")]
        if tag == "style":
            self.inline.append("<style>")
        if tag == "script":
            self._in_script = True
            if "src" not in attributes:
                self.inline.append("<script> without src")
        if tag in ("script", "img") and "src" in attributes:
            self.loads.append(attributes["src"])
        if tag == "link" and "href" in attributes:
            self.loads.append(attributes["href"])
        if tag == "a":
            self.links.append(attributes.get("href", ""))
        self.loads += [value for name, value in attributes.items() if name.endswith("-url")]

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline.append("inline script text")


@pytest.fixture(scope="module")
def page_client():
    return create_app({"TESTING": True, "LOAD_PIPELINE": False}).test_client()


@pytest.fixture(scope="module")
def page(page_client) -> _PageParser:
    response = page_client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    parser = _PageParser()
    parser.feed(response.get_data(as_text=True))
    return parser


def test_get_root_returns_200_with_links_to_the_docs_and_the_extract_endpoint(page_client):
    html = page_client.get("/").get_data(as_text=True)
    assert 'href="/docs"' in html and 'href="/openapi.yaml"' in html
    assert 'data-extract-endpoint="/v1/extract"' in html


def test_demo_page_has_no_inline_script_or_style(page):
    assert page.inline == []


def test_demo_page_loads_only_same_origin_files_that_are_served(page, page_client):
    assert len(page.loads) >= 3  # stylesheet, script, icon, map outline
    for url in page.loads:
        assert url.startswith("/") and not url.startswith("//"), url
        with page_client.get(url) as response:  # closes the served file
            assert response.status_code == 200, url
            assert response.mimetype == _ASSET_TYPES[Path(url).suffix], url


def test_demo_page_links_stay_on_the_service(page):
    assert page.links and all(link.startswith(("/", "#")) for link in page.links)


def test_demo_page_files_name_no_other_host():
    loaded = [path for path in STATIC.rglob("*") if path.suffix in _ASSET_TYPES]
    assert len(loaded) >= 5
    for path in loaded:
        urls = set(re.findall(r"(?:https?:)?//[\w.-]+\.\w+[^\s\"')]*", path.read_text("utf-8")))
        assert urls - _NAMESPACES == set(), path.name


def test_demo_page_modules_import_files_that_exist():
    modules = list((STATIC / "js").glob("*.js"))
    for module in modules:
        for target in re.findall(r'from\s+"(\./[^"]+)"', module.read_text("utf-8")):
            assert (module.parent / target).is_file(), f"{module.name} imports {target}"


def test_demo_page_vendored_map_carries_its_licence():
    assert (STATIC / "vendor" / "land-110m.svg").stat().st_size < 200_000
    licence = (STATIC / "vendor" / "LICENSE-world-atlas.txt").read_text("utf-8")
    assert "public domain" in licence and "ISC" in licence
