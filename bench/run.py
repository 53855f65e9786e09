"""`make bench`: page and search load benchmarks on SQLite and PostgreSQL.

For each corpus size it fills a fresh database (demo content, then bulk copies: resources up to the
size, 2,000 placements, 500 services), serves it with gunicorn (2 workers) on 127.0.0.1 and measures
each endpoint with wrk: requests per second and p50/p95, both from the page cache ("cached") and
rendered every time ("uncached", a session cookie bypasses the page cache), next to /health/, a
trivial Django view, as the floor. Writes bench/out/pages-<database>.json; `python -m bench.report`
prints the table. Only ever talks to 127.0.0.1, for a bounded time."""

import argparse
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
SEARCH_QUERY = "/search/?q=work+experience&benchmark=6&key_stage=KS4"
ENDPOINTS = {
    "floor (/health/)": "/health/",
    "home": "/",
    "resources, 2 filters": "/resources/?benchmark=6&key_stage=KS4",
    "resource page": "/resources/meeting-the-work-experience-duty/",
    "placements": "/placements/",
    "search with facets": SEARCH_QUERY,
}
# Search answers are never page-cached: each one is counted for the search-terms report.
NEVER_CACHED = {"search with facets"}


def configure(workdir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        # Two gunicorn workers must share one cache, or each keeps its own content version.
        "CACHE_BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "CACHE_LOCATION": str(workdir / "cache"),
        "RATELIMIT_ENABLE": "false",
        "LOG_LEVEL": "WARNING",
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.update(env)
    return env


def prepare() -> None:
    """Migrate the configured database, load the demo content and collect the static files."""
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)


def fill(target_resources: int, first: bool) -> dict[str, int]:
    """Bring the database up to `target_resources` resources (and the fixed placements/services)."""
    from django.core.management import call_command

    from bench.corpus import clone_pages

    if first:
        prepare()
    counts = {}
    for label, model_path, target, also in (
        ("resources", "resources.ResourcePage", target_resources, ()),
        ("placements", "placements.PlacementPage", 2000, ("capacities",)),
        ("services", "directory.ServicePage", 500, ()),
    ):
        counts[label] = _grow(model_path, target, partial(clone_pages, also=also))
    if "search_index" in _commands():
        call_command("search_index", "--rebuild", verbosity=0)
    return counts


def _commands() -> set[str]:
    from django.core.management import get_commands

    return set(get_commands())


def _grow(model_path: str, target: int, clone_pages) -> int:
    from django.apps import apps

    try:
        model = apps.get_model(model_path)
    except LookupError:
        return 0
    templates = list(model.objects.live().order_by("pk"))
    missing = target - model.objects.live().count()
    if templates and missing > 0:
        per_template, extra = divmod(missing, len(templates))
        for n, template in enumerate(templates):
            size = per_template + (1 if n < extra else 0)
            if size:
                clone_pages(template, size, prefix=f"bench{target}")
    return model.objects.live().count()


def serve(env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    process = subprocess.Popen(  # noqa: S603
        [gunicorn, "--bind", f"127.0.0.1:{port}", "--workers", "2", "portal.wsgi"], cwd=ROOT, env=env
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/health/", timeout=2)  # noqa: S310 - loopback only
            return process, url
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("gunicorn did not start")


def measure(url: str, seconds: int, cached: bool) -> dict[str, float]:
    headers = [] if cached else ["-H", "Cookie: sessionid=bench-bypasses-the-page-cache"]
    for _ in range(3):  # warm the workers and, for cached runs, the page cache
        urllib.request.urlopen(url, timeout=30).read()  # noqa: S310 - loopback only
    result = subprocess.run(  # noqa: S603
        [
            "wrk",
            "-t1",
            "-c2",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "bench" / "latency.lua"),
            *headers,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("{"))
    data = json.loads(line)
    data["rps"] = round(data["requests"] / data["seconds"], 1)
    return data


def check_ready(database: str) -> None:
    """Exit with a message unless wrk and the database asked for are there."""
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    if database == "postgres" and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Run under scripts/with-postgres for PostgreSQL.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--seconds", type=int, default=8)
    args = parser.parse_args()
    check_ready(args.database)

    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    env = configure(workdir)
    import django

    django.setup()
    report = {"database": args.database, "machine": _machine(), "runs": []}
    for n, size in enumerate(args.sizes):
        started = time.monotonic()
        counts = fill(size, first=n == 0)
        print(f"[{args.database}] corpus {counts} in {time.monotonic() - started:.0f}s", flush=True)
        process, base = serve(env)
        try:
            for label, path in ENDPOINTS.items():
                for cached in (True, False):
                    if (label.startswith("floor") and not cached) or (label in NEVER_CACHED and cached):
                        continue
                    result = measure(base + path, args.seconds, cached)
                    report["runs"].append({"size": size, "endpoint": label, "cached": cached, **result})
                    print(
                        f"  {size:>6} {label:<22} {'cached' if cached else 'uncached':<8} {result}",
                        flush=True,
                    )
        finally:
            process.terminate()
            process.wait(timeout=20)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"pages-{args.database}.json").write_text(json.dumps(report, indent=2))
    shutil.rmtree(workdir, ignore_errors=True)


def _machine() -> dict[str, str | int]:
    return {
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count() or 0,
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d"),
    }


if __name__ == "__main__":
    main()
