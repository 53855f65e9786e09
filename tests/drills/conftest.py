"""Fault drills (`make drills`): the portal as a council runs it, on 127.0.0.1 only.

`scripts/with-postgres` provides a real PostgreSQL (and how to stop and start it); this starts two
real Redis servers (pages, rate-limit counts), gunicorn with 3 workers on the production settings
and the task worker, over the demo content. Each drill prints one PASS or FAIL line.

Drills run only when asked for (`-m drills`): `make test` and the whole suite skip them."""

import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from tests.servers import RedisServer, answers, free_port
from tests.smtp_sink import SMTPSink

ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "drill-demo-password-not-secret"  # noqa: S105 - a throwaway database per run
WORKERS = 3
# The mail server's faults cost each delivery attempt this long at most (long enough for the
# worker drill to kill a worker while it waits); retries start 1 s apart.
EMAIL_TIMEOUT_SECONDS = 5


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wanted = "drills" in config.option.markexpr and "not drills" not in config.option.markexpr
    for item in items:
        if "tests/drills/" in str(item.fspath):
            item.add_marker(pytest.mark.drills)
            if not wanted:
                item.add_marker(pytest.mark.skip(reason="fault drills run with `make drills` (-m drills)"))


def report(letter: str, passed: bool, detail: str) -> None:
    """The one line each drill prints."""
    print(f"\n{'PASS' if passed else 'FAIL'} ({letter}) {detail}", flush=True)


@contextmanager
def drill(letter: str, title: str) -> Iterator[list[str]]:
    """Prints PASS with what was measured, or FAIL with why; `notes` collects the measurements."""
    notes: list[str] = []
    try:
        yield notes
    except BaseException as failure:
        report(letter, False, f"{title}: {failure}".splitlines()[0][:300])
        raise
    report(letter, True, f"{title}: {'; '.join(notes)}")


class PostgreSQL:
    """The server scripts/with-postgres started: stopped and started with its own options."""

    def __init__(self) -> None:
        missing = [
            name
            for name in ("PG_BIN", "PG_DATA_DIR", "PG_SERVER_OPTIONS", "PG_LOG")
            if name not in os.environ
        ]
        if missing:
            pytest.exit(f"Run the drills through scripts/with-postgres (missing {', '.join(missing)})", 2)
        self.pg_ctl = str(Path(os.environ["PG_BIN"]) / "pg_ctl")

    def _pg_ctl(self, *args: str) -> None:
        command = [self.pg_ctl, "-D", os.environ["PG_DATA_DIR"], *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True)  # noqa: S603

    def stop(self) -> None:
        self._pg_ctl("-m", "fast", "-w", "stop")

    def start(self) -> None:
        self._pg_ctl("-l", os.environ["PG_LOG"], "-w", "-o", os.environ["PG_SERVER_OPTIONS"], "start")


@dataclass
class Stack:
    url: str
    env: dict[str, str]
    workdir: Path
    pages: RedisServer
    limits: RedisServer
    postgres: PostgreSQL
    mail: SMTPSink
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def access_log(self) -> Path:
        return self.workdir / "access.log"

    def manage(self, *args: str, timeout: float = 600) -> str:
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def query(self, code: str) -> object:
        """A value read from the database by a manage.py shell: the drills' view of what was saved."""
        return json.loads(self.manage("shell", "-c", f"import json\n{code}").strip().splitlines()[-1])

    def start_worker(self) -> subprocess.Popen:
        """The task workers, as docker-compose's `worker` and `builds-worker` services run them;
        the first is returned (the drills kill and watch it)."""
        for name, backend in (("worker", "default"), ("builds-worker", "builds")):
            if name in self.processes and self.processes[name].poll() is None:
                continue
            log = (self.workdir / f"{name}.log").open("ab")
            self.processes[name] = subprocess.Popen(  # noqa: S603
                [sys.executable, "manage.py", "db_worker", "--backend", backend]
                + ["--queue-name", "*", "--no-startup-delay"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return self.processes["worker"]

    def ensure_worker(self) -> bool:
        """Starts a stopped worker again, as compose's restart policy does; whether one had stopped."""
        stopped = any(
            name not in self.processes or self.processes[name].poll() is not None
            for name in ("worker", "builds-worker")
        )
        if stopped:
            self.start_worker()
        return stopped

    def kill_worker(self) -> None:
        """SIGKILL: no chance to finish or tidy up, as when a machine is lost."""
        worker = self.processes.pop("worker")
        worker.kill()
        worker.wait(timeout=10)

    def worker_pids(self, since: int = 0) -> list[int]:
        """Which gunicorn worker answered each request logged after byte `since` of the access log."""
        with self.access_log.open() as log:
            log.seek(since)
            return [int(line.split()[0].strip("<>")) for line in log if line.strip()]  # "<pid> ..."


def _wait_until(
    ready: Callable[[], bool], seconds: float, what: str, process: subprocess.Popen | None = None
) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with status {process.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} not ready within {seconds:.0f} s")
        time.sleep(0.2)


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    postgres = PostgreSQL()
    workdir = Path(tempfile.mkdtemp(prefix="portal-drills-"))
    pages = RedisServer(policy="allkeys-lru").start()
    limits = RedisServer(policy="noeviction").start()
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd: a line per connection
    mail = SMTPSink(port=free_port())
    mail.accept()
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "drill-only-" + os.urandom(32).hex(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        # As behind the council's proxy: each drill visitor has its own address in X-Forwarded-For.
        "TRUSTED_PROXIES": "1",
        "DATABASE_CONN_MAX_AGE": "60",
        "CACHE_BACKEND": "portal.core.shared_cache.FailSoftRedisCache",
        "CACHE_LOCATION": pages.url(),
        "RATELIMIT_CACHE_BACKEND": "portal.core.shared_cache.FailSoftRedisCache",
        "RATELIMIT_CACHE_LOCATION": limits.url(),
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "DEMO_ADMIN_PASSWORD": DEMO_PASSWORD,
        "ELASTICSEARCH_URL": "",
        "LOG_LEVEL": "WARNING",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mail.port),
        "EMAIL_TIMEOUT": str(EMAIL_TIMEOUT_SECONDS),
        "OUTBOX_RETRY_SECONDS": "1",
        "OUTBOX_MAX_ATTEMPTS": "20",
        # A killed worker's message is claimable again after 20 s (longer than any attempt here).
        "OUTBOX_LEASE_SECONDS": "20",
    }
    stack = Stack(f"http://127.0.0.1:{port}", env, workdir, pages, limits, postgres, mail)
    stack.manage("migrate", "--noinput")
    stack.manage("load_demo_content")
    stack.manage("collectstatic", "--noinput", "--verbosity", "0")
    with (workdir / "gunicorn.log").open("wb") as log:
        stack.processes["gunicorn"] = subprocess.Popen(  # noqa: S603
            [
                str(Path(sys.executable).with_name("gunicorn")),
                *("--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS), "--timeout", "30"),
                *("--access-logfile", str(stack.access_log), "--access-logformat", "%(p)s %(m)s %(U)s %(s)s"),
                "portal.wsgi",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    stack.start_worker()
    try:
        _wait_until(
            lambda: answers(port) and _status(stack.url + "/health/") == 200,
            60,
            "gunicorn",
            stack.processes["gunicorn"],
        )
        yield stack
    finally:
        for process in stack.processes.values():
            process.terminate()
        for process in stack.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        pages.close()
        limits.close()
        mail.close()
        print(f"\nDrill logs: {workdir}")


def _status(url: str) -> int:
    try:
        return requests.get(url, timeout=5).status_code
    except requests.RequestException:
        return 0


class Visitor:
    """A browser without JavaScript: keeps its cookies (by hand: the production cookies are
    Secure, and these requests are plain HTTP on loopback) and sends a forwarded address."""

    def __init__(self, base: str, address: str = "198.51.100.1") -> None:
        self.base = base
        self.address = address
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, timeout: float = 10, **kwargs: object) -> requests.Response:
        headers = {"X-Forwarded-For": self.address, **kwargs.pop("headers", {})}  # type: ignore[dict-item]
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        # A new connection each time (no session object: threads share visitors), so requests
        # spread over the gunicorn workers as a proxy's would.
        response = requests.request(
            method, self.base + path, headers=headers, allow_redirects=False, timeout=timeout, **kwargs
        )
        self.cookies.update({cookie.name: cookie.value for cookie in response.cookies})
        return response

    def get(self, path: str, **kwargs: object) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def form_token(self, path: str) -> str:
        page = self.get(path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert match, f"no form on {path} ({page.status_code})"
        return match.group(1)

    def post(self, path: str, data: dict[str, object], token: str, **kwargs: object) -> requests.Response:
        return self.request("POST", path, data={"csrfmiddlewaretoken": token, **data}, **kwargs)

    def hidden_fields(self, path: str) -> dict[str, str]:
        """The hidden inputs of the page's forms (the CSRF token, a form's one-time token)."""
        page = self.get(path)
        assert page.status_code == 200, f"{path}: {page.status_code}"
        fields = {}
        for tag in re.findall(r"<input[^>]*>", page.text):
            kind, name, value = (re.search(rf'{a}="([^"]*)"', tag) for a in ("type", "name", "value"))
            if kind and kind.group(1) == "hidden" and name:
                fields[name.group(1)] = value.group(1) if value else ""
        return fields

    def sign_in(self, username: str, password: str) -> requests.Response:
        token = self.form_token("/admin/login/")
        return self.post("/admin/login/", {"username": username, "password": password}, token)


def in_parallel(calls: list[Callable[[], object]], threads: int = WORKERS) -> list[object]:
    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(lambda call: call(), calls))


class Load:
    """Visitors in background threads until stopped, recording every answer's status (0: no
    answer). Bounded: stops itself after `seconds` whatever happens."""

    def __init__(self, stack: Stack, paths: list[str], threads: int = 4, seconds: float = 60) -> None:
        self.stack = stack
        self.paths = paths
        self.statuses: list[tuple[float, str, int]] = []
        self.stopping = threading.Event()
        self.deadline = time.monotonic() + seconds
        self.threads = [threading.Thread(target=self._visit, args=(n,), daemon=True) for n in range(threads)]

    def _visit(self, number: int) -> None:
        visitor = Visitor(self.stack.url, f"203.0.113.{number + 1}")
        step = number
        while not self.stopping.is_set() and time.monotonic() < self.deadline:
            path = self.paths[step % len(self.paths)]
            step += 1
            try:
                status = visitor.get(path, timeout=10).status_code
            except requests.RequestException:
                status = 0
            self.statuses.append((time.monotonic(), path, status))
            time.sleep(0.02)

    def __enter__(self) -> "Load":
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=15)

    def between(self, start: float, end: float) -> list[int]:
        return [status for moment, _, status in self.statuses if start <= moment <= end]
