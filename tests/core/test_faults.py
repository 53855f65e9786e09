"""Faults: a database that cannot be reached gives a plain 503 page; anything else unexpected the
site's own 500 page; unknown addresses the site's 404 page.

The database really is broken here, not mocked: the default connection is swapped for one that
points at a SQLite file in a directory that does not exist (or, on PostgreSQL, at a port nothing
listens on), so every query fails in the driver exactly as it would in production."""

import copy
import logging
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections
from django.db.utils import load_backend
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.test import Client
from django.urls import include, path

pytestmark = pytest.mark.django_db


def _boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("an unexpected bug, not a database fault")


# The portal's own URLs plus one view with a bug in it (tests point ROOT_URLCONF here).
urlpatterns = [path("test-boom/", _boom), path("", include("portal.urls"))]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _unreachable(settings_dict: dict, tmp_path: Path) -> dict:
    broken = copy.deepcopy(settings_dict)
    if broken["ENGINE"].endswith("sqlite3"):
        broken["NAME"] = str(tmp_path / "no-such-directory" / "portal.sqlite3")
    else:
        broken.update(HOST="127.0.0.1", PORT=str(_closed_port()))
    return broken


@pytest.fixture
def database_down(tmp_path: Path) -> Iterator[None]:
    """The default database, unreachable for the rest of the test."""
    working = connections[DEFAULT_DB_ALIAS]
    settings_dict = _unreachable(working.settings_dict, tmp_path)
    broken = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, DEFAULT_DB_ALIAS)
    with pytest.raises(OperationalError):  # the fault is real before any request is made
        broken.ensure_connection()
    connections[DEFAULT_DB_ALIAS] = broken
    try:
        yield
    finally:
        broken.close()
        connections[DEFAULT_DB_ALIAS] = working


@pytest.fixture
def server_errors_client() -> Client:
    """A client that gets the response a visitor would, instead of the exception re-raised."""
    return Client(raise_request_exception=False)


def assert_plain_503(response: HttpResponse) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Sorry, the service is unavailable</h1>' in html
    for leak in ("Traceback", "OperationalError", "sqlite", "psycopg", "settings"):
        assert leak not in html


def assert_site_shell(html: str) -> None:
    """The portal's header, stylesheet, skip link and footer."""
    assert '<link rel="stylesheet" href="/static/portal/portal.css">' in html
    assert '<a href="#main-content" class="govuk-skip-link">Skip to main content</a>' in html
    assert 'class="portal-header__logo">Stockton-on-Tees Borough Council' in html
    assert '<main class="govuk-main-wrapper" id="main-content">' in html
    assert 'href="/accessibility/">Accessibility statement</a>' in html


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/"),
        ("get", "/resources/?benchmark=6&key_stage=KS4"),
        ("get", "/search/?q=work+experience"),
        ("get", "/events/calendar.ics"),
        ("post", "/contributors/request-account/"),
    ],
)
def test_pages_and_forms_with_the_database_down_get_a_plain_503(database_down, client, method, url, caplog):
    with caplog.at_level(logging.ERROR, logger="portal.core.middleware"):
        response = getattr(client, method)(
            url, {"email": "teacher@example.org"} if method == "post" else None
        )
    assert_plain_503(response)
    logged = [r for r in caplog.records if r.name == "portal.core.middleware"]
    assert len(logged) == 1 and "Database unavailable" in logged[0].getMessage()
    assert isinstance(logged[0].exc_info[1], OperationalError)


def test_the_503_keeps_the_security_headers_and_is_never_cached(database_down, client):
    response = client.get("/")
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Permissions-Policy"].startswith("camera=()")
    assert "X-Cache" not in response  # the page cache neither served nor stored it
    assert client.get("/").status_code == 503


def test_a_middleware_that_needs_the_database_before_the_view_also_gets_the_503(
    database_down, server_errors_client, settings
):
    """Wagtail's (legacy) site middleware looks the site up before any view runs; Django turns its
    exception into a 500 inside the middleware chain, and the portal swaps that for the 503."""
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(
        middleware.index("django.contrib.sessions.middleware.SessionMiddleware") + 1,
        "wagtail.contrib.legacy.sitemiddleware.SiteMiddleware",
    )
    settings.MIDDLEWARE = middleware
    assert_plain_503(server_errors_client.get("/health/"))


def test_a_signed_in_editor_whose_session_cannot_be_read_gets_the_503(admin_client, database_down):
    """The session lives in the database (admin_client signs in before database_down breaks it):
    the request fails as soon as anything asks who the editor is."""
    assert_plain_503(admin_client.get("/admin/"))


@pytest.mark.urls(__name__)
def test_an_unexpected_error_gets_the_sites_500_page(server_errors_client):
    response = server_errors_client.get("/test-boom/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "an unexpected bug" not in html and "Traceback" not in html
    assert_site_shell(html)


@pytest.mark.urls(__name__)
def test_the_500_page_needs_no_database(database_down, server_errors_client):
    response = server_errors_client.get("/test-boom/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_error_pages_are_self_contained(database_down, template):
    """Rendered with no request or context, as Django renders 500.html; nothing inline, so the
    strict Content-Security-Policy lets the page keep its style."""
    html = loader.get_template(template).render()
    assert_site_shell(html)
    assert not re.search(r"<script|<style|\sstyle=|\son[a-z]+=", html)
    assert html.count("<h1") == 1


def test_unknown_pages_get_the_404_in_site_style(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Page not found</h1>' in html
    assert html.count("<h1") == 1
    assert 'role="search"' in html and 'aria-label="Main"' in html  # the full header, with its menu
    assert 'href="#main-content"' in html and "govuk-footer" in html
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_a_form_without_its_security_token_gets_the_site_styled_403(home):
    response = Client(enforce_csrf_checks=True).post("/contributors/request-account/", {"name": "x"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Your form could not be sent" in html and "portal.css" in html
    assert "<style" not in html  # Django's own page has inline style, which the CSP blocks
