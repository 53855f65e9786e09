"""Security on the wire, against the running server: the headers on every kind of response, uploaded
documents served as downloads under a policy that runs nothing, CSRF on every form that changes
anything, and the production settings (HTTPS only, HSTS, secure cookies) as deployed."""

import re
import subprocess
import tempfile

import pytest
from playwright.sync_api import APIResponse, Page

from tests.e2e.conftest import DEMO_PASSWORD, _manage

RESOURCE_WITH_A_FILE = "/resources/meeting-the-work-experience-duty/"
BEHIND_HTTPS_PROXY = {"X-Forwarded-Proto": "https"}  # as the load balancer in front of gunicorn sends

# One address for every kind of response the portal sends.
PUBLIC_PAGES = [
    "/",
    "/resources/?benchmark=6&key_stage=KS4",
    RESOURCE_WITH_A_FILE,
    "/placements/highways-transport/highways-engineering-week/request/",
    "/search/?q=work+experience",
    "/events/",
    "/contributors/request-account/",
    "/no-such-page/",
]
OTHER_RESPONSES = [
    "/api/search/?q=work",
    "/openreferral/services",
    "/events/calendar.ics",
    "/support-for-schools/booklet.pdf",
    "/static/portal/portal.css",
    "/health/",
    "/admin/login/",
]


def assert_common_headers(response: APIResponse) -> None:
    headers = response.headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["permissions-policy"] and "geolocation=()" in headers["permissions-policy"]
    assert headers["cross-origin-opener-policy"] == "same-origin"


def directives(response: APIResponse) -> dict[str, list[str]]:
    policy = response.headers["content-security-policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_a_strict_policy_and_every_header(page: Page, base_url: str, path: str):
    response = page.request.get(base_url + path)
    assert response.status in (200, 404)
    assert_common_headers(response)
    assert response.headers["x-frame-options"] == "DENY"  # for browsers without CSP frame-ancestors
    policy = directives(response)
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    assert "'unsafe-eval'" not in response.headers["content-security-policy"]
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]


@pytest.mark.parametrize("path", OTHER_RESPONSES)
def test_feeds_files_apis_and_the_admin_have_every_header_too(page: Page, base_url: str, path: str):
    response = page.request.get(base_url + path)
    assert response.status == 200
    assert_common_headers(response)
    assert directives(response)["frame-ancestors"] == ["'self'"]


def document_response(page: Page, base_url: str) -> APIResponse:
    page.goto(base_url + RESOURCE_WITH_A_FILE)
    href = page.locator("main a[href^='/documents/']").first.get_attribute("href")
    response = page.request.get(base_url + href)
    assert response.status == 200 and response.body()[:5] == b"%PDF-"
    return response


def test_uploaded_documents_run_nothing_and_are_never_sniffed(page: Page, base_url: str):
    response = document_response(page, base_url)
    assert response.headers["content-security-policy"] == "default-src 'none'"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_uploaded_documents_are_downloads_not_pages(page: Page, base_url: str):
    response = document_response(page, base_url)
    assert response.headers["content-disposition"].startswith("attachment;")


# Every address that accepts a POST from the public or from someone signing in. The tokens and ids
# need not exist: the CSRF check comes before the view.
FORMS = [
    "/contributors/request-account/",
    "/contributors/confirm/not-a-real-token/",
    "/placements/highways-transport/highways-engineering-week/request/",
    "/placements/requests/not-a-real-token/",
    "/support-for-schools/careers-guidance/",
    "/admin/login/",
    "/admin/password_reset/",
    "/_util/authenticate_with_password/1/1/",
    "/documents/authenticate_with_password/1/",
]


@pytest.mark.parametrize("path", FORMS)
def test_a_post_without_the_csrf_token_is_refused(page: Page, base_url: str, path: str):
    response = page.request.post(base_url + path, form={"email": "teacher@example.org", "username": "admin"})
    assert response.status == 403
    assert "Your form could not be sent" in response.text()  # templates/403_csrf.html, not a view's 403


@pytest.mark.parametrize(
    "path",
    [
        "/contributors/request-account/",
        "/placements/highways-transport/highways-engineering-week/request/",
        "/support-for-schools/careers-guidance/",
        "/admin/login/",
        "/admin/password_reset/",
    ],
)
def test_every_form_carries_its_csrf_token(page: Page, base_url: str, path: str):
    page.goto(base_url + path)
    forms = page.locator("form[method='post'], form[method='POST']")
    assert forms.count() >= 1
    for index in range(forms.count()):
        assert forms.nth(index).locator("input[name='csrfmiddlewaretoken']").count() == 1


def test_production_answers_plain_http_with_a_redirect_to_https(page: Page, production_url: str):
    response = page.request.get(production_url + "/resources/", max_redirects=0)
    assert response.status == 301
    assert response.headers["location"] == "https://" + production_url.removeprefix("http://") + "/resources/"


@pytest.mark.parametrize(
    "path", ["/", "/resources/?benchmark=6", "/static/portal/portal.css", "/admin/login/"]
)
def test_production_sends_hsts_on_every_https_response(page: Page, production_url: str, path: str):
    response = page.request.get(production_url + path, headers=BEHIND_HTTPS_PROXY)
    assert response.status == 200
    assert response.headers["strict-transport-security"] == "max-age=31536000; includeSubDomains; preload"
    assert_common_headers(response)


def test_production_cookies_are_secure_and_the_session_is_http_only(page: Page, production_url: str):
    login = production_url + "/admin/login/"
    form = page.request.get(login, headers=BEHIND_HTTPS_PROXY)
    csrf_cookie = form.headers["set-cookie"]
    assert csrf_cookie.startswith("csrftoken=") and "Secure" in csrf_cookie and "SameSite=Lax" in csrf_cookie
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text()).group(1)
    signed_in = page.request.post(
        login,
        form={"csrfmiddlewaretoken": token, "username": "admin", "password": DEMO_PASSWORD},
        headers={**BEHIND_HTTPS_PROXY, "Origin": "https://" + production_url.removeprefix("http://")},
        max_redirects=0,
    )
    assert signed_in.status == 302
    session = next(
        c for c in signed_in.headers_array if c["name"].lower() == "set-cookie" and "sessionid=" in c["value"]
    )
    assert (
        "Secure" in session["value"] and "HttpOnly" in session["value"] and "SameSite=Lax" in session["value"]
    )


def test_collectstatic_succeeds_with_the_production_settings(
    server_env: dict[str, str], shared_caches: dict[str, str]
):
    with tempfile.TemporaryDirectory() as static_root:
        env = {
            **server_env,
            **shared_caches,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "e2e-only-" + "k" * 56,
            "STATIC_ROOT": static_root,
        }
        try:
            _manage(env, "collectstatic", "--noinput")
        except subprocess.CalledProcessError as failed:
            pytest.fail(failed.stderr.decode()[-600:])
