"""Search latency at 10,000 and 50,000 items on the database engine (SQLite, or PostgreSQL under
scripts/with-postgres).

    .venv/bin/python -m bench.search_bench                       # SQLite, in a temporary file
    scripts/with-postgres .venv/bin/python -m bench.search_bench # PostgreSQL

For each size it fills the search index directly (DatabaseEngine.rebuild with generated documents:
the database engine reads only its own tables, so no pages are needed), then runs a fixed mix of
queries with facets and measures server-side latency two ways: the engine call alone, and a whole
/api/search/ request through Django's middleware and view (in process, no network). Prints a table
and writes bench/out/search-<database>.json. A benchmark, not a test: it asserts nothing."""

import argparse
import datetime
import itertools
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"

QUERY_MIX: list[tuple[str, str]] = [
    ("phrase synonym", "q=work+experience"),
    ("synonym + stem", "q=BM6+placements"),
    ("typed sentence", "q=apprenticeships+for+parents"),
    ("typo", "q=work+experiance+year+10"),
    ("text + facet", "q=careers+fair&key_stage=KS4"),
    ("browse + facet", "benchmark=6"),
    ("browse everything", ""),
    ("quoted + 2 facets", "q=%22work+experience%22&benchmark=6&benchmark=5&key_stage=KS4"),
    ("synonym + setting", "q=send&setting=special"),
    ("type + places", "q=placement&type=placement&places=available"),
    ("title sort", "q=college&sort=title"),
    ("page 3", "q=apprentice&page=3"),
    ("tag facet", "q=interview&tag=health"),
    ("nothing found", "q=xylophone+zeppelin"),
]

TOPICS = [
    "work experience", "work placement", "apprenticeship", "careers fair", "labour market information",
    "personal guidance", "employer encounter", "college open day", "university visit", "CV writing",
    "interview practice", "enterprise challenge", "mentoring", "workplace visit", "insight day", "T levels",
    "sixth form options", "SEND transition", "job shadowing", "volunteering", "careers programme",
    "parents evening", "mock interviews", "STEM careers", "financial skills", "self-employment",
]  # fmt: skip
SECTORS = [
    "health", "engineering", "construction", "digital", "creative industries", "hospitality", "retail",
    "logistics", "finance", "law", "education", "social care", "manufacturing", "energy", "science",
    "sport", "public services", "agriculture", "the council", "the NHS", "chemicals", "transport",
]  # fmt: skip
FORMS = [
    "a guide for {who}",
    "lesson plan",
    "activity pack",
    "toolkit",
    "case study",
    "checklist",
    "assembly",
]
WHO = ["teachers", "careers leaders", "parents and carers", "young people", "employers", "tutors"]
_DOMAIN_TEXT = (
    "pupils students learn plan session lesson week term year group school college employer host team visit "
    "task project feedback reflect outcome skill confidence talk question answer prepare record review "
    "meaningful encounter experience workplace local Stockton Tees borough council service role job career "
    "route course qualification level provider training apprentice apprenticeship university degree option "
    "choice future goal support mentor adviser guidance meeting parent carer family information website "
    "resource worksheet slide video film story interview assessment certificate portfolio safeguarding risk "
    "insurance travel time day morning afternoon placement placements programme benchmark gatsby statutory "
    "duty destination data tracking transition special needs inclusion access wellbeing community volunteer"
)
DOMAIN_WORDS = _DOMAIN_TEXT.split()
_COMMON_TEXT = "the and of to a in for with is on that this are as be by it at from or your will can"
ENGLISH_COMMON = _COMMON_TEXT.split()
_SYLLABLE_TEXT = "ba be bi bo bu ca co cu da de di do fa fe fi fo ga ge go la le li lo ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo"
SYLLABLES = _SYLLABLE_TEXT.split()


def vocabulary(rng: random.Random, size: int = 4000) -> tuple[list[str], list[float]]:
    """Words with Zipf frequencies, as in real text: a few very common (mostly stop words), a long
    tail of rare ones. The portal's own words are spread through the ranks, so some are common and
    some rare; the rest are made-up words."""
    made_up = list(dict.fromkeys("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(size)))
    ranked = ENGLISH_COMMON + made_up
    for word in DOMAIN_WORDS:
        ranked.insert(rng.randint(len(ENGLISH_COMMON), len(ranked)), word)
    weights = [1 / (rank + 1) ** 1.07 for rank in range(len(ranked))]
    return ranked, list(itertools.accumulate(weights))


TAGS = [s.replace("the ", "") for s in SECTORS] + [
    "planning",
    "statutory guidance",
    "parents",
    "SEND",
    "post-16",
]
TYPES = [
    ("resource", "Resource", 0.6),
    ("placement", "Work placement", 0.15),
    ("event", "Event", 0.1),
    ("story", "Born and Bred story", 0.1),
    ("service", "Council service", 0.05),
]


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ["DEBUG"] = "false"  # no query log growing in memory while timing
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
    os.environ.setdefault("RATELIMIT_ENABLE", "false")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='search-bench-')}/bench.sqlite3"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def documents(count: int, seed: int = 2026) -> Iterator:
    """`count` varied, realistic search documents (the same ones for the same seed)."""
    from portal.taxonomy.vocabulary import AUDIENCES, KEY_STAGE_CODES, SETTINGS
    from search.registry import IndexDocument

    rng = random.Random(seed)
    words, cumulative = vocabulary(rng)
    types, weights = [t[:2] for t in TYPES], [t[2] for t in TYPES]
    for n in range(count):
        search_type, type_label = rng.choices(types, weights)[0]
        topic, sector = rng.choice(TOPICS), rng.choice(SECTORS)
        title = f"{topic.capitalize()} in {sector}: {rng.choice(FORMS).format(who=rng.choice(WHO))}"
        summary = f"{rng.choice(WHO).capitalize()} can use this to {rng.choice(DOMAIN_WORDS)} {topic} with {sector}."
        body = " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(80, 160)))
        body += f" {topic} {sector}"
        yield IndexDocument(
            key=f"bench.item:{n}",
            search_type=search_type,
            type_label=type_label,
            kind="",
            kind_label="",
            title=title,
            summary=summary,
            body=body,
            url=f"/bench/{n}/",
            benchmarks=tuple(sorted(rng.sample(range(1, 9), rng.randint(1, 2)))),
            key_stages=tuple(sorted(rng.sample(KEY_STAGE_CODES[2:], rng.randint(1, 3)))),
            audiences=tuple(sorted(rng.sample([c for c, _ in AUDIENCES], rng.randint(1, 2)))),
            settings=tuple(sorted(rng.sample([c for c, _ in SETTINGS], rng.randint(1, 2)))),
            tags=tuple(
                sorted({(t.lower().replace(" ", "-"), t) for t in rng.sample(TAGS, rng.randint(0, 3))})
            ),
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 900)),
            has_places_left=rng.random() < 0.6 if search_type == "placement" else None,
        )


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(rounds: int) -> dict:
    """Latency in milliseconds for each query of the mix, engine call and whole API request."""
    from django.http import QueryDict
    from django.test import Client

    from search.contract import SearchQuery
    from search.engines import search_engine

    client = Client(HTTP_HOST="127.0.0.1")
    engine = search_engine()
    results: dict = {}
    for _name, params in QUERY_MIX:  # warm up caches (stems, database pages)
        engine.search(SearchQuery.from_params(QueryDict(params))[0])
        client.get(f"/api/search/?{params}")
    engine_all: list[float] = []
    cpu_all: list[float] = []
    api_all: list[float] = []
    for name, params in QUERY_MIX:
        engine_times, cpu_times, api_times = [], [], []
        for _ in range(rounds):
            started, cpu_started = time.perf_counter(), time.process_time()
            found = engine.search(SearchQuery.from_params(QueryDict(params))[0])
            engine_times.append((time.perf_counter() - started) * 1000)
            cpu_times.append((time.process_time() - cpu_started) * 1000)
            started = time.perf_counter()
            response = client.get(f"/api/search/?{params}")
            api_times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        engine_all += engine_times
        cpu_all += cpu_times
        api_all += api_times
        results[name] = {
            "params": params,
            "total": found.total,
            "engine_p50_ms": round(statistics.median(engine_times), 2),
            "engine_p95_ms": round(percentile(engine_times, 0.95), 2),
            "engine_cpu_p95_ms": round(percentile(cpu_times, 0.95), 2),
            "api_p50_ms": round(statistics.median(api_times), 2),
            "api_p95_ms": round(percentile(api_times, 0.95), 2),
        }
    results["ALL"] = {
        "params": "",
        "total": None,
        "engine_p50_ms": round(statistics.median(engine_all), 2),
        "engine_p95_ms": round(percentile(engine_all, 0.95), 2),
        "engine_cpu_p95_ms": round(percentile(cpu_all, 0.95), 2),
        "api_p50_ms": round(statistics.median(api_all), 2),
        "api_p95_ms": round(percentile(api_all, 0.95), 2),
    }
    return results


def run(sizes: list[int], rounds: int) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from search.engines.database import DatabaseEngine

    call_command("migrate", verbosity=0)
    report: dict = {
        "database": f"{connection.vendor} {connection.Database.sqlite_version if connection.vendor == 'sqlite' else connection.cursor().connection.info.server_version}",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "rounds": rounds,
        "sizes": {},
    }
    for size in sizes:
        started = time.perf_counter()
        DatabaseEngine().rebuild(documents(size))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # As autovacuum would have by the time anyone searches: the planner's choices
                # differ, and not always for the better, before and after.
                cursor.execute("VACUUM ANALYZE portal_search_searchentry")
                cursor.execute("ANALYZE portal_search_searchentrytag")
                cursor.execute("ANALYZE portal_search_fulltext")
        else:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        load_seconds = round(time.perf_counter() - started, 1)
        print(f"\n{connection.vendor}, {size:,} items (indexed in {load_seconds} s), {rounds} rounds")
        results = measure(rounds)
        report["sizes"][str(size)] = {"index_seconds": load_seconds, "queries": results}
        print_table(results)
    return report


def print_table(results: dict) -> None:
    print(
        f"{'query':<20} {'total':>7} {'engine p50':>11} {'engine p95':>11} {'cpu p95':>9} {'api p50':>9} {'api p95':>9}"
    )
    for name, row in results.items():
        total = "" if row["total"] is None else row["total"]
        print(
            f"{name:<20} {total:>7} {row['engine_p50_ms']:>9.1f}ms {row['engine_p95_ms']:>9.1f}ms "
            f"{row['engine_cpu_p95_ms']:>7.1f}ms "
            f"{row['api_p50_ms']:>7.1f}ms {row['api_p95_ms']:>7.1f}ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    setup_django()
    from django.db import connection

    report = run(args.sizes, args.rounds)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"search-{connection.vendor}.json"
    path.write_text(json.dumps(report, indent=2))
    print(f"\nWrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
