"""`python -m bench.publishing`: the resource bank while an editor publishes.

A corpus as `bench.run` builds it (50,000 resources by default), gunicorn (2 workers) and the task
workers (`manage.py db_worker`, one per task backend), then wrk on `/resources/?benchmark=6` for a minute while a loop
here publishes a resource every 10 seconds, as an editor would: each publish changes the content
version, so the page cache misses and every listing's facet index must be rebuilt. Anonymous
visitors ("cached": served from the page cache between publishes) and signed-in ones ("uncached":
rendered every time). Writes bench/out/publishing-<database>.json. Only ever talks to 127.0.0.1,
for a bounded time."""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.run import OUT, ROOT, _machine, check_ready, configure, fill, measure, serve

PATH = "/resources/?benchmark=6"
PUBLISH_EVERY = 10.0


def publish_every(seconds: float, stop: threading.Event, published: list[float]) -> None:
    """Publish a new revision of one resource each `seconds` until `stop` (bounded by the caller)."""
    from django.db import connection

    from resources.models import ResourcePage

    page = ResourcePage.objects.live().order_by("pk").first()
    try:
        while not stop.wait(seconds):
            page.summary = f"{page.summary.split(' [')[0]} [edited {len(published) + 1}]"
            page.save_revision().publish()
            published.append(time.monotonic())
    finally:
        connection.close()


# docker-compose gives the builds worker a quarter of the web's CPU weight (cpu_shares); on one
# machine without containers, a niceness of 10 does the same.
NICENESS = {"default": 0, "builds": 10}


def worker(env: dict[str, str], backend: str) -> subprocess.Popen:
    """A task worker for one task backend, as docker-compose's `worker` and `builds-worker`."""
    return subprocess.Popen(  # noqa: S603
        ["nice", "-n", str(NICENESS[backend]), sys.executable, "manage.py", "db_worker", "--backend", backend]
        + ["--queue-name", "*", "--interval", "0.5", "--no-reload", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()
    check_ready(args.database)

    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-publishing-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    env = configure(workdir)
    env["DJANGO_SETTINGS_MODULE"] = os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()

    started = time.monotonic()
    counts = fill(args.size, first=True)
    print(f"[{args.database}] corpus {counts} in {time.monotonic() - started:.0f}s", flush=True)
    from django_tasks_db.models import DBTaskResult

    from portal.listings.index_builds import rebuild_listings

    DBTaskResult.objects.all().delete()  # what filling queued (search index updates) was done in bulk
    rebuild_listings.call(everything=True)  # as `manage.py prebuild` after a deploy (booklets aside)
    report = {"database": args.database, "machine": _machine(), "size": args.size, "runs": []}
    process, base = serve(env)
    workers = [worker(env, "default"), worker(env, "builds")]
    try:
        for cached in (True, False):
            stop, published = threading.Event(), []
            editor = threading.Thread(target=publish_every, args=(PUBLISH_EVERY, stop, published))
            editor.start()
            try:
                result = measure(base + PATH, args.seconds, cached)
            finally:
                stop.set()
                editor.join(timeout=60)
            result["publishes"] = len(published)
            report["runs"].append({"endpoint": PATH, "cached": cached, **result})
            print(f"  {args.size:>6} {PATH} {'cached' if cached else 'uncached':<8} {result}", flush=True)
    finally:
        for child in (process, *workers):
            child.terminate()
            child.wait(timeout=30)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"publishing-{args.database}.json").write_text(json.dumps(report, indent=2))
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
