"""Faults in a real browser: gunicorn over a database that cannot be opened (its directory does
not exist) answers every page and form with the plain 503 page, styled, accessible and under the
strict Content-Security-Policy; the 500 and 404 pages are checked the same way."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.template import loader
from playwright.sync_api import Page, expect

from tests.e2e.conftest import gunicorn, workdir_of


@pytest.fixture(scope="module")
def database_down(server_env: dict[str, str]) -> Iterator[tuple[str, Path]]:
    """The server with a database it cannot open, and its log file."""
    workdir = workdir_of(server_env)
    env = {
        **server_env,
        "DATABASE_URL": f"sqlite:///{workdir / 'no-such-directory' / 'portal.sqlite3'}",
        # Nothing cached: every page asks the database.
        "CACHE_BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "CACHE_LOCATION": "database-down",
    }
    log = workdir / "gunicorn-database-down.log"
    with gunicorn(env, log) as url:
        yield url, log


def stylesheet_applied(page: Page) -> bool:
    return page.evaluate(
        """[...document.styleSheets].some(
            sheet => sheet.href && sheet.href.endsWith('/static/portal/portal.css') && sheet.cssRules.length > 0
        )"""
    )


def csp_reports(page: Page) -> list[str]:
    reports: list[str] = []
    page.on("console", lambda m: reports.append(m.text) if "Content Security Policy" in m.text else None)
    return reports


@pytest.mark.parametrize(
    "path",
    ["/", "/resources/?benchmark=6&key_stage=KS4", "/search/?q=work+experience", "/events/calendar.ics"],
)
def test_with_the_database_down_visitors_get_the_plain_503(database_down, page, axe_violations, path):
    url, log = database_down
    reports = csp_reports(page)
    response = page.goto(url + path)
    assert response is not None and response.status == 503
    headers = response.headers
    assert headers["retry-after"] == "60" and headers["cache-control"] == "no-store"
    assert "'unsafe-inline'" not in headers["content-security-policy"]
    expect(page.get_by_role("heading", level=1)).to_have_text("Sorry, the service is unavailable")
    expect(page).to_have_title("Sorry, the service is unavailable – Stockton Careers Portal")
    assert not re.search(r"Traceback|OperationalError|sqlite", page.content())
    page.wait_for_load_state("networkidle")
    assert stylesheet_applied(page)
    assert reports == []
    assert axe_violations(page) == []
    assert f"Database unavailable while serving GET {path.split('?')[0]}" in log.read_text()


def test_a_form_sent_while_the_database_is_down_gets_the_503(database_down, page):
    """A teacher who opened the form before the fault sends it: the CSRF check (cookie against
    field, no database) passes, the view fails on the database, and she gets the 503."""
    url, log = database_down
    token = "e2e" + "x" * 29  # a CSRF secret is 32 letters and digits
    response = page.request.post(
        url + "/contributors/request-account/",
        form={"csrfmiddlewaretoken": token, "email": "teacher@example.org"},
        headers={"Cookie": f"csrftoken={token}", "Origin": url},
    )
    assert response.status == 503
    assert "Sorry, the service is unavailable" in response.text()
    assert "Database unavailable while serving POST /contributors/request-account/" in log.read_text()


@pytest.fixture
def error_page(page: Page, base_url: str) -> Page:
    """templates/500.html exactly as Django renders it (no request, no context), served at an
    address on the live server so its stylesheet comes from there."""
    html = loader.get_template("500.html").render()
    page.route(
        base_url + "/test-500/", lambda route: route.fulfill(status=500, body=html, content_type="text/html")
    )
    return page


def test_the_500_page_is_in_the_sites_style_and_accessible(error_page, base_url, axe_violations):
    reports = csp_reports(error_page)
    response = error_page.goto(base_url + "/test-500/")
    assert response is not None and response.status == 500
    expect(error_page.get_by_role("heading", level=1)).to_have_text(
        "Sorry, there is a problem with the service"
    )
    expect(error_page.get_by_role("banner")).to_contain_text("Stockton-on-Tees Borough Council")
    error_page.wait_for_load_state("networkidle")
    assert stylesheet_applied(error_page)
    assert reports == []
    assert axe_violations(error_page) == []


def test_the_404_page_is_in_the_sites_style_and_accessible(page, base_url, axe_violations):
    response = page.goto(base_url + "/resources/no-such-resource/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(page.get_by_role("search")).to_be_visible()
    assert stylesheet_applied(page)
    assert axe_violations(page) == []
