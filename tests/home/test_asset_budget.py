"""The first visit's weight over the wire: the HTML and every stylesheet, script (with the modules
it imports), image and icon the page links to, gzipped as whitenoise serves them. Budgets from the
performance issue: 150 KB in all, 30 KB of JavaScript, and no web font."""

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

from tests.resources import factories

pytestmark = pytest.mark.django_db

TOTAL_BUDGET = 150 * 1024
SCRIPT_BUDGET = 30 * 1024
STATIC_PREFIX = static("")
LINKED = re.compile(r'<(?:link|script|img)\b[^>]*?\s(?:href|src)="([^"]+)"')
IMPORTED = re.compile(r'\bfrom\s+"(\./[^"]+)"')


def _static_file(url: str) -> Path | None:
    if not url.startswith(STATIC_PREFIX):
        return None  # a page link, not an asset
    found = finders.find(url.removeprefix(STATIC_PREFIX))
    assert found, f"{url} is linked but not among the static files"
    return Path(found)


def _with_imports(path: Path) -> list[Path]:
    """A script and the modules it imports, transitively (GOV.UK Frontend is one import)."""
    files = [path]
    if path.suffix in (".mjs", ".js"):
        for relative in IMPORTED.findall(path.read_text()):
            files += _with_imports((path.parent / relative).resolve())
    return files


def _gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


@pytest.mark.parametrize("address", ["/", "/resources/"])
def test_a_first_visit_is_within_the_weight_budget(client, home, address):
    factories.resource(factories.resource_index(home), title="A resource")
    html = client.get(address).content
    assets = [
        file
        for url in dict.fromkeys(LINKED.findall(html.decode()))
        if (path := _static_file(url))
        for file in _with_imports(path)
    ]
    scripts = [f for f in assets if f.suffix in (".js", ".mjs")]
    styles = [f for f in assets if f.suffix == ".css"]
    assert scripts and styles, "the page should link its stylesheet and script"

    total = _gzipped(html) + sum(_gzipped(f.read_bytes()) for f in assets)
    script_weight = sum(_gzipped(f.read_bytes()) for f in scripts)
    assert total <= TOTAL_BUDGET, f"{total / 1024:.1f} KB over the wire"
    assert script_weight <= SCRIPT_BUDGET, f"{script_weight / 1024:.1f} KB of JavaScript"
    for style in styles:
        css = style.read_text()
        assert "@font-face" not in css and ".woff" not in css, f"{style.name} loads a web font"
