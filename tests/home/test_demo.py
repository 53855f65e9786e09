"""The whole demo (the `demo` fixture, tests/demo_db.py): every benchmark and key stage covered, loading
nobody real named (loading again: tests/demo/test_loader.py), and the main page types render from it."""

import pytest

from portal.home.models import StandardPage
from portal.taxonomy.models import Benchmark
from resources.models import ResourceKind, ResourcePage

pytestmark = pytest.mark.django_db


def test_demo_content_covers_every_benchmark_across_ks2_to_ks5(demo):
    live = ResourcePage.objects.live()
    for benchmark in Benchmark.objects.all():
        assert live.filter(benchmarks=benchmark).count() >= 2, benchmark
    assert set(live.values_list("key_stages__code", flat=True)) >= {"KS2", "KS3", "KS4", "KS5"}
    assert live.filter(kind=ResourceKind.CASE_STUDY, school__isnull=False).count() >= 3
    assert live.filter(slug="meeting-the-work-experience-duty").exists()


def test_demo_content_names_no_real_people_and_uses_example_org(demo):
    names_in_seeds = ["Rowlands", "Caley", "Dunleavy", "Housley", "Purdy", "Williams", "Hussey", "Langrick"]
    html = "".join(page.specific.body.render_as_block() for page in ResourcePage.objects.all())
    html += "".join(page.body.render_as_block() for page in StandardPage.objects.all())
    assert not [name for name in names_in_seeds if name in html]
    assert "@example.org" in html


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/resources/",
        "/resources/benchmarks/",
        "/resources/benchmarks/1/",
        "/accessibility/",
        "/privacy/",
    ],
)
def test_every_page_type_renders(client, demo, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'href="#main-content"' in html


def test_a_resource_page_renders_from_demo_content(client, demo):
    page = ResourcePage.objects.live().first()
    assert client.get(page.url).status_code == 200


def test_home_routes_each_kind_of_visitor(client, demo):
    html = client.get("/").content.decode()
    for heading in ("Teachers and careers leaders", "Council teams", "Parents and carers", "Young people"):
        assert heading in html


def test_unknown_pages_get_the_sites_404(client, demo):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
