"""Prints the benchmark table from bench/out/pages-*.json with the targets as ratios to the floor."""

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def rows(report: dict) -> list[str]:
    lines = []
    floors = {r["size"]: r["p50_ms"] for r in report["runs"] if r["endpoint"].startswith("floor")}
    for run in report["runs"]:
        floor = floors[run["size"]]
        ratio = run["p50_ms"] / floor if floor else 0
        if run["endpoint"].startswith("floor"):
            target = "floor"
        elif run["cached"]:
            target = "ok" if ratio <= 2 else "MISSED (2x)"
        else:
            target = "ok" if ratio <= 10 else "MISSED (10x)"
        if run["endpoint"].startswith("search") and not run["cached"] and run["p95_ms"] > 50:
            target += ", p95 > 50 ms"
        lines.append(
            f"| {report['database']} | {run['size']:,} | {run['endpoint']} | {'cached' if run['cached'] else 'uncached'} "
            f"| {run['rps']:.0f} | {run['p50_ms']:.1f} | {run['p95_ms']:.1f} | {ratio:.1f}x | {target} |"
        )
    return lines


def main() -> None:
    reports = [json.loads(p.read_text()) for p in sorted(OUT.glob("pages-*.json"))]
    if not reports:
        raise SystemExit("No results yet: run `make bench`.")
    machine = reports[0]["machine"]
    print(
        f"Machine: {machine['cores']} cores, {machine['cpu']}, Python {machine['python']}, {machine['date']}"
    )
    print("| database | resources | endpoint | mode | req/s | p50 ms | p95 ms | p50 vs floor | target |")
    print("|---|---|---|---|---|---|---|---|---|")
    for report in reports:
        print("\n".join(rows(report)))


if __name__ == "__main__":
    main()
