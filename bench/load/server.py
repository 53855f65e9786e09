"""A throwaway portal for `make load` and `make lighthouse`: a fresh SQLite database with the demo
content, served by gunicorn (2 workers, DEBUG off) on 127.0.0.1 exactly as `bench.run` serves it.

Nothing here ever talks to another machine: every URL these tools accept goes through
`require_loopback`."""

import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

LOOPBACK = "127.0.0.1"


class NotLoopback(ValueError):
    """A URL that points anywhere but 127.0.0.1."""


def require_loopback(url: str) -> str:
    """Return `url` (without a trailing slash) if it is plain http on 127.0.0.1, or refuse it.

    Deliberately strict: not `localhost` (a hosts file may send it elsewhere), not another
    127.x address, not https through a proxy. Load is only ever aimed at our own server."""
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname != LOOPBACK or parts.username or parts.password:
        raise NotLoopback(f"Refusing {url!r}: only http://{LOOPBACK}:PORT is allowed.")
    return url.rstrip("/")


@contextmanager
def demo_server() -> Iterator[str]:
    """Yield the base URL of gunicorn serving a fresh SQLite demo database; clean up afterwards.

    Rate limits stay on (as in production): callers that post forms must pace themselves."""
    from bench.run import configure, prepare, serve

    # A plain `kill` must still stop gunicorn and delete the database: turn it into SystemExit.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    workdir = Path(tempfile.mkdtemp(prefix="portal-load-"))
    process = None
    try:
        # Always a fresh SQLite file: never whatever DATABASE_URL the caller's shell points at.
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'demo.sqlite3'}"
        # The demo's moderation notices and the load test's requests for places would print emails.
        os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
        env = {**configure(workdir), "RATELIMIT_ENABLE": "true"}
        import django

        django.setup()
        started = time.monotonic()
        prepare()
        print(f"Demo database ready in {time.monotonic() - started:.0f}s ({workdir})", flush=True)
        process, url = serve(env)
        yield require_loopback(url)
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=20)
        shutil.rmtree(workdir, ignore_errors=True)
