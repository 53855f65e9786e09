"""`make load`: the loopback guard, the journey's choices against real rendered pages (the form
answers it posts are accepted by the real form, CSRF enforced) and the percentile summary."""

import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.test import Client

from bench.load.journey import (
    PLACEMENT_LINK,
    REQUEST_LINK,
    RESOURCE_LINK,
    links,
    request_form_data,
    resource_filters,
    search_query,
)
from bench.load.run import percentile, summarise
from bench.load.server import NotLoopback, require_loopback
from placements.models import PlacementRequest
from tests.placements.factories import capacity, host_team, placement, school
from tests.resources.factories import resource, resource_index

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000", "http://127.0.0.1:41234/"])
def test_loopback_urls_are_accepted(url):
    assert require_loopback(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8000",
        "http://127.0.0.2:8000",
        "http://10.0.0.5:8000",
        "http://192.168.1.10",
        "https://127.0.0.1:8000",
        "http://user:pass@127.0.0.1:8000",
        "http://careers.example.org",
        "",
    ],
)
def test_any_other_host_is_refused(url):
    with pytest.raises(NotLoopback):
        require_loopback(url)


def test_locust_refuses_to_start_against_another_host():
    locust = Path(sys.executable).with_name("locust")
    if not locust.exists():
        pytest.skip("locust is not installed in this venv")
    done = subprocess.run(  # noqa: S603
        [
            str(locust),
            "-f",
            "bench/load/locustfile.py",
            "--headless",
            "-u",
            "1",
            "-t",
            "2s",
            "--host",
            "http://10.0.0.5",
        ],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "Refusing 'http://10.0.0.5'" in done.stderr


def test_the_journey_follows_resource_links_not_benchmark_pages(client, home):
    index = resource_index(home)
    page = resource(index, title="Speed networking", benchmarks=(5,), key_stages=("KS4",))
    html = client.get("/resources/?benchmark=5&key_stage=KS4").content.decode()
    found = links(html, RESOURCE_LINK)
    assert found == [page.url]


def test_the_journey_follows_placement_and_request_links(client, home):
    listing = placement(host_team(home, "highways"), title="Engineering week")
    assert links(client.get("/placements/").content.decode(), PLACEMENT_LINK) == [listing.url]
    page = client.get(listing.url).content.decode()
    assert links(page, REQUEST_LINK) == [f"{listing.url}request/?window={capacity(listing).pk}"]


def test_the_coordinators_answers_are_accepted_by_the_real_form_with_csrf(home):
    school()
    listing = placement(host_team(home, "highways"), title="Engineering week", key_stages=("KS5",))
    browser = Client(enforce_csrf_checks=True)
    url = f"{listing.url}request/?window={capacity(listing).pk}"
    data = request_form_data(browser.get(url).content.decode())

    response = browser.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert "/sent/" in response["Location"]
    sent = PlacementRequest.objects.get()
    assert (sent.window, sent.young_people) == (capacity(listing), 1)
    assert sent.contact_email.endswith("@example.org")


def test_a_page_without_the_request_form_is_refused():
    with pytest.raises(ValueError, match="No request form"):
        request_form_data(
            '<form method="get"><input type="hidden" name="csrfmiddlewaretoken" value="x"></form>'
        )


def test_filters_and_searches_use_the_portal_parameters():
    rng = random.Random(1)
    for _ in range(20):
        assert resource_filters(rng).startswith("benchmark=")
        assert search_query(rng).startswith("q=")
        assert "key_stage=KS" in resource_filters(rng)


def test_percentile_is_nearest_rank():
    histogram = Counter({10: 90, 200: 9, 900: 1})
    assert [percentile(histogram, p) for p in (50, 90, 95, 99, 100)] == [10, 10, 200, 200, 900]
    assert percentile(Counter(), 95) == 0


def test_summary_merges_steps_for_the_overall_figures():
    stats = [
        {
            "method": "GET",
            "name": "01 home",
            "num_requests": 90,
            "num_failures": 0,
            "response_times": {"10": 90},
        },
        {
            "method": "GET",
            "name": "04 search",
            "num_requests": 10,
            "num_failures": 2,
            "response_times": {"300": 10},
        },
    ]
    summary = summarise(stats, seconds=10)
    assert summary["overall"] == {
        "step": "all steps",
        "requests": 100,
        "errors": 2,
        "rps": 10.0,
        "p50_ms": 10,
        "p95_ms": 300,
        "p99_ms": 300,
    }
    assert [(s["step"], s["p50_ms"]) for s in summary["steps"]] == [
        ("GET 01 home", 10),
        ("GET 04 search", 300),
    ]
