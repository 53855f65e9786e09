"""`make lighthouse`: Lighthouse scores for home, search, a resource and a placement.

Serves a fresh SQLite demo portal (bench.load.server, as `make load` does), runs npm lighthouse
(pinned in tools/lighthouse) in Debian's Chromium on each page with Lighthouse's default mobile
profile (a slow phone on a throttled network: the stricter of the two, and it passes), prints a
table and exits 1 if any score misses its threshold. Full reports go to bench/out/lighthouse/.

    python -m bench.load.lighthouse [--url http://127.0.0.1:PORT]"""

import argparse
import json
import os
import subprocess
import sys
import urllib.request
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from bench.load.journey import PLACEMENT_LINK, RESOURCE_LINK, links
from bench.load.server import NotLoopback, demo_server, require_loopback

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "bench" / "out" / "lighthouse"
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
ATTEMPTS = 3
THRESHOLDS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}


@dataclass(frozen=True)
class Target:
    """A page to score. `skip_audits` are audits that contradict a deliberate decision, each
    named in the table with the reason, never dropped silently."""

    label: str
    path: str
    skip_audits: tuple[str, ...] = ()
    why_skipped: str = ""


def _first_link(url: str, listing: str, pattern) -> str:
    with urllib.request.urlopen(url + listing, timeout=30) as response:  # noqa: S310 - loopback only
        found = links(response.read().decode(), pattern)
    if not found:
        raise RuntimeError(f"No page to score: {listing} links to none.")
    return found[0]


def targets(url: str) -> list[Target]:
    """Home, search, and the first resource and placement the listings link to."""
    return [
        Target("home", "/"),
        Target(
            "search",
            "/search/?q=careers",
            ("is-crawlable",),
            "search results are noindex on purpose (search/templates/search/search.html)",
        ),
        Target("resource", _first_link(url, "/resources/", RESOURCE_LINK)),
        Target("placement", _first_link(url, "/placements/", PLACEMENT_LINK)),
    ]


def run_lighthouse(url: str, target: Target) -> dict:
    """One Lighthouse report (also saved under bench/out/lighthouse/). Lighthouse sometimes fails
    to record Chromium's trace (NO_NAVSTART) and exits 1 without a report: that run is repeated,
    up to ATTEMPTS times; a report's scores are never retried."""
    report = OUT / f"{target.label}.json"
    command = [
        str(LIGHTHOUSE),
        require_loopback(url) + target.path,
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=" + ",".join(THRESHOLDS),
        "--output=json",
        f"--output-path={report}",
        "--quiet",
    ]
    if target.skip_audits:
        command.append("--skip-audits=" + ",".join(target.skip_audits))
    for attempt in range(1, ATTEMPTS + 1):
        report.unlink(missing_ok=True)
        env = {**os.environ, "CHROME_PATH": CHROME_PATH}
        done = subprocess.run(command, env=env, check=False, timeout=180)
        if done.returncode == 0 and report.exists():
            return json.loads(report.read_text())
        print(f"Lighthouse failed on {target.path} (attempt {attempt} of {ATTEMPTS})", file=sys.stderr)
    raise RuntimeError(f"Lighthouse could not score {target.path}")


def scores(report: dict) -> dict[str, int]:
    """Each category's score out of 100 (Lighthouse reports 0 to 1, or null if it could not run)."""
    return {name: round((category["score"] or 0) * 100) for name, category in report["categories"].items()}


def misses(page_scores: dict[str, int]) -> list[str]:
    """The categories below their threshold, as "seo 90 < 95"."""
    return [
        f"{name} {page_scores.get(name, 0)} < {minimum}"
        for name, minimum in THRESHOLDS.items()
        if page_scores.get(name, 0) < minimum
    ]


def failing_audits(report: dict, category: str) -> list[str]:
    """The audits that cost a category points, to say what to fix."""
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            found.append(f"{ref['id']} ({audit['score']:.2f}) {audit.get('displayValue', '')}".strip())
    return found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", help="an already running portal on http://127.0.0.1:PORT")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `npm ci` in tools/lighthouse (scripts/lighthouse does).")
    try:
        server = nullcontext(require_loopback(args.url)) if args.url else demo_server()
    except NotLoopback as exc:
        sys.exit(f"bench/lighthouse: {exc}")

    OUT.mkdir(parents=True, exist_ok=True)
    results, notes, failed = [], [], False
    with server as url:
        for target in targets(url):
            report = run_lighthouse(url, target)
            page_scores = scores(report)
            results.append({"page": target.label, "path": target.path, "scores": page_scores})
            if target.skip_audits:
                notes.append(
                    f"{target.label}: not scored: {', '.join(target.skip_audits)}: {target.why_skipped}"
                )
            for miss in misses(page_scores):
                failed = True
                notes.append(f"{target.label}: {miss}: {'; '.join(failing_audits(report, miss.split()[0]))}")
    (OUT / "summary.json").write_text(
        json.dumps({"thresholds": THRESHOLDS, "pages": results}, indent=2) + "\n"
    )
    print(f"{'page':<10} {'path':<50} " + " ".join(f"{name:>14}" for name in THRESHOLDS))
    for row in results:
        print(
            f"{row['page']:<10} {row['path']:<50} "
            + " ".join(f"{row['scores'].get(n, 0):>14}" for n in THRESHOLDS)
        )
    print("thresholds" + " " * 52 + " ".join(f"{minimum:>13}+" for minimum in THRESHOLDS.values()))
    print("\n".join(notes))
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
