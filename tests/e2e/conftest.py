"""Browser tests: a real gunicorn server over a fresh SQLite database with the demo content,
driven by Debian's Chromium through Playwright (Playwright cannot download browsers here).

The server runs in its own process, exactly as deployed, so these tests never touch the database
directly: what they check is what a visitor sees."""

import contextlib
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.servers import RedisServer
from tests.smtp_sink import SMTPSink

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DEMO_PASSWORD = "e2e-demo-password-not-secret"  # noqa: S105 - a throwaway database per run


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)  # noqa: S603


@pytest.fixture(scope="session")
def server_env(shared_caches: dict[str, str]) -> Iterator[dict[str, str]]:
    workdir = Path(tempfile.mkdtemp(prefix="portal-e2e-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{workdir / 'e2e.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEMO_ADMIN_PASSWORD": DEMO_PASSWORD,
        "RATELIMIT_ENABLE": "false",
        # One cache for both gunicorn workers, Redis as in docker-compose: the content version
        # that invalidates cached pages and facet indexes must be the same in every process.
        **shared_caches,
    }
    _manage(env, "migrate", "--noinput")
    _manage(env, "load_demo_content")
    _manage(env, "collectstatic", "--noinput")
    yield env
    shutil.rmtree(workdir, ignore_errors=True)


@contextlib.contextmanager
def gunicorn(env: dict[str, str], log: Path) -> Iterator[str]:
    """The portal served by gunicorn with two workers, as in production, on a free port; its log
    (errors included) goes to `log`. Ready once it answers anything at all: a server whose
    database is down answers 503, and a production one redirects plain HTTP."""
    port = _free_port()
    with log.open("wb") as log_file:
        process = subprocess.Popen(  # noqa: S603
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "portal.wsgi",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
    try:
        deadline = time.monotonic() + 30
        while not _answers("127.0.0.1", port):
            if process.poll() is not None:
                raise RuntimeError(log.read_text())
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start within 30 seconds")
            time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _answers(host: str, port: int) -> bool:
    connection = http.client.HTTPConnection(host, port, timeout=5)
    try:
        connection.request("GET", "/")
        connection.getresponse().read()
    except OSError:
        return False
    finally:
        connection.close()
    return True


def workdir_of(env: dict[str, str]) -> Path:
    return Path(env["MEDIA_ROOT"]).parent


@pytest.fixture(scope="session")
def base_url(server_env: dict[str, str]) -> Iterator[str]:
    with gunicorn(server_env, workdir_of(server_env) / "gunicorn.log") as url:
        yield url


@pytest.fixture(scope="session")
def shared_caches() -> Iterator[dict[str, str]]:
    """Two real Redis servers (pages, rate-limit counts): production refuses a per-process cache."""
    pages, limits = RedisServer(policy="allkeys-lru").start(), RedisServer(policy="noeviction").start()
    yield {
        "CACHE_BACKEND": "portal.core.shared_cache.FailSoftRedisCache",
        "CACHE_LOCATION": pages.url(),
        "RATELIMIT_CACHE_BACKEND": "portal.core.shared_cache.FailSoftRedisCache",
        "RATELIMIT_CACHE_LOCATION": limits.url(),
    }
    pages.close()
    limits.close()


@pytest.fixture(scope="session")
def production_env(server_env: dict[str, str], shared_caches: dict[str, str]) -> dict[str, str]:
    """portal.settings.production over the same database: its own hashed static files (the
    manifest storage), a real-length key, HTTPS redirects and HSTS as deployed behind a proxy."""
    env = {
        **server_env,
        **shared_caches,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "e2e-only-" + "k" * 56,
        "STATIC_ROOT": str(workdir_of(server_env) / "static-production"),
    }
    try:
        _manage(env, "collectstatic", "--noinput")
    except subprocess.CalledProcessError as failed:
        lines = failed.stderr.decode().strip().splitlines()
        reason = next((line for line in lines if "could not be found" in line), lines[-1] if lines else "")
        pytest.fail(f"collectstatic fails with the production settings: {reason}")
    return env


@pytest.fixture(scope="session")
def production_url(production_env: dict[str, str]) -> Iterator[str]:
    with gunicorn(production_env, workdir_of(production_env) / "gunicorn-production.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"No Chromium at {CHROMIUM}: run scripts/ensure-chromium (apt-get install chromium)")
    return {
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "accept_downloads": True}


@pytest.fixture
def axe_violations():
    """Runs axe-core (bundled by axe-playwright-python, no network) for WCAG 2.0/2.1/2.2 A and AA,
    and returns the violations as readable strings."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def run(page) -> list[str]:
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        return [
            f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
        ]

    return run


def sign_in(page: Page, base_url: str, username: str) -> None:
    """Sign in to the Wagtail admin as a demo account (every demo account has DEMO_PASSWORD)."""
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(base_url + "/admin/")


# The browser tests' mail server (a real SMTP sink on 127.0.0.1), on a port of its own range.
SINK_PORTS = range(18950, 18970)


@pytest.fixture
def sink() -> Iterator[SMTPSink]:
    """A mail server the test reads delivered email from."""
    for port in SINK_PORTS:
        try:
            sink = SMTPSink(port=port)
            sink.accept()
            break
        except OSError:
            continue
    else:
        pytest.skip("No free port for the SMTP sink")
    yield sink
    sink.close()
