"""`make load`: 50 concurrent users for 60 seconds over a mixed journey against gunicorn.

Builds a fresh SQLite demo portal (bench.load.server), runs locust headless against it (the journey
is bench/load/locustfile.py), then prints total requests, errors and p50/p95/p99 overall and per
step, and writes them to bench/out/load.json. Exits 1 if any request failed (or none was made).

    python -m bench.load.run [--users 50] [--seconds 60] [--think 1] [--url http://127.0.0.1:PORT]

`--url` aims at a portal that is already running, which must be on 127.0.0.1; by default the
script serves its own. Bounded: locust stops after `--seconds`, and so does everything else."""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from contextlib import nullcontext
from pathlib import Path

from bench.load.server import NotLoopback, demo_server, require_loopback

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "bench" / "out" / "load.json"
LOCUSTFILE = Path(__file__).with_name("locustfile.py")
PERCENTILES = (50, 95, 99)


def percentile(histogram: Counter[int], percent: int) -> int:
    """Nearest-rank percentile of a {milliseconds: count} histogram (locust's rounded buckets)."""
    total = sum(histogram.values())
    if not total:
        return 0
    rank = max(1, -(-total * percent // 100))  # ceil without floats drifting
    seen = 0
    for milliseconds in sorted(histogram):
        seen += histogram[milliseconds]
        if seen >= rank:
            return milliseconds
    return max(histogram)


def _row(name: str, entries: Iterable[dict], seconds: float) -> dict:
    histogram: Counter[int] = Counter()
    requests = errors = 0
    for entry in entries:
        histogram.update({int(float(ms)): count for ms, count in entry["response_times"].items()})
        requests += entry["num_requests"]
        errors += entry["num_failures"]
    row = {"step": name, "requests": requests, "errors": errors, "rps": round(requests / seconds, 1)}
    row |= {f"p{p}_ms": percentile(histogram, p) for p in PERCENTILES}
    return row


def summarise(stats: list[dict], seconds: float) -> dict:
    """Overall and per-step totals from locust's --json-file output (one entry per method+name)."""
    steps = [_row(f"{e['method']} {e['name']}", [e], seconds) for e in sorted(stats, key=lambda e: e["name"])]
    return {"overall": _row("all steps", stats, seconds), "steps": steps}


def table(summary: dict) -> str:
    lines = [f"{'step':<40} {'requests':>8} {'errors':>6} {'req/s':>6} {'p50':>6} {'p95':>6} {'p99':>6}"]
    for row in [*summary["steps"], summary["overall"]]:
        lines.append(
            f"{row['step']:<40} {row['requests']:>8} {row['errors']:>6} {row['rps']:>6} "
            f"{row['p50_ms']:>4}ms {row['p95_ms']:>4}ms {row['p99_ms']:>4}ms"
        )
    return "\n".join(lines)


def run_locust(
    url: str, users: int, seconds: int, think: float, workdir: Path
) -> tuple[list[dict], list[str]]:
    """Run locust headless for `seconds`; return its per-step stats and any failure lines."""
    prefix = workdir / "locust"
    subprocess.run(
        [
            str(Path(sys.executable).with_name("locust")),
            "--locustfile",
            str(LOCUSTFILE),
            "--headless",
            "--host",
            require_loopback(url),
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{seconds}s",
            "--stop-timeout",
            "10",
            "--json-file",
            str(prefix),
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "LOAD_THINK_SECONDS": str(think)},
        stdout=subprocess.DEVNULL,
        check=False,  # locust exits 1 on any failure; the summary decides, and says why
        timeout=seconds + 120,
    )
    stats = json.loads(prefix.with_suffix(".json").read_text())
    failures = Path(f"{prefix}_failures.csv")
    return stats, failures.read_text().splitlines()[1:] if failures.exists() else []


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--think", type=float, default=1.0, help="average pause between pages (0: stress)")
    parser.add_argument("--url", help="an already running portal on http://127.0.0.1:PORT")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    try:
        server = nullcontext(require_loopback(args.url)) if args.url else demo_server()
    except NotLoopback as exc:
        sys.exit(f"bench/load: {exc}")

    with server as url, tempfile.TemporaryDirectory(prefix="portal-locust-") as workdir:
        print(
            f"{args.users} users for {args.seconds}s, {args.think}s between pages, against {url}", flush=True
        )
        stats, failures = run_locust(url, args.users, args.seconds, args.think, Path(workdir))
    summary = summarise(stats, args.seconds)
    report = {
        "users": args.users,
        "seconds": args.seconds,
        "think_seconds": args.think,
        "machine": {"cores": os.cpu_count() or 0, "python": platform.python_version()},
        "date": time.strftime("%Y-%m-%d %H:%M"),
        **summary,
        "failures": failures,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(table(summary))
    print(f"Written to {args.out}")
    overall = summary["overall"]
    if overall["errors"] or not overall["requests"]:
        print(
            "\n".join(["FAILED: errors (must be 0):", *failures])
            if overall["errors"]
            else "FAILED: no requests"
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
