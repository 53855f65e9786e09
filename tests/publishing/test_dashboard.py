"""The impact dashboard on a small known data set: every figure exact, and each CSV the same
numbers as the page."""

import csv
import datetime
import io
from collections.abc import Iterator

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.documents.models import Document

from demo.files import simple_pdf
from placements.booking import decide
from portal.home.models import HomePage
from publishing import dashboard
from publishing.models import DocumentDownload
from resources.models import ResourceFile
from search.models import SearchTermCount
from tests.directory import factories as directory_factories
from tests.placements import factories as placement_factories
from tests.resources import factories as resource_factories
from tests.shared_data import built_once

from . import factories

pytestmark = pytest.mark.django_db

KEY_STAGES = ["EYFS", "KS1", "KS2", "KS3", "KS4", "KS5"]


def document(title: str) -> Document:
    return Document.objects.create(
        title=title, file=SimpleUploadedFile(f"{title}.pdf", simple_pdf(title, ["x"]))
    )


@pytest.fixture(scope="module")
def known_data(django_db_setup, django_db_blocker) -> Iterator[None]:
    """Resources, placements, enquiries, downloads and searches whose figures are worked out by
    hand, built once for the module (each test's own changes are rolled back to a savepoint)."""
    with built_once(django_db_blocker):
        _build_known_data(HomePage.objects.get(), Client())
        yield


def _build_known_data(home: HomePage, client: Client) -> None:
    today = timezone.localdate()
    now = timezone.now()
    bank = resource_factories.resource_index(home)
    r1 = resource_factories.resource(
        bank, title="Jobs near you", benchmarks=[1, 2], key_stages=["KS3", "KS4"]
    )
    r2 = resource_factories.resource(bank, title="Labour market quiz", benchmarks=[2], key_stages=["KS4"])
    resource_factories.resource(bank, title="A draft", benchmarks=[8], key_stages=["KS5"], live=False)
    resource_factories.resource(bank, title="Whole-school guidance", benchmarks=[3], key_stages=[])
    d1, d2 = document("Jobs worksheet"), document("Quiz sheet")
    ResourceFile.objects.create(page=r1, document=d1)
    ResourceFile.objects.create(page=r2, document=d2)
    for _ in range(2):  # two real downloads through Wagtail's document view
        assert client.get(d1.url).status_code == 200
    DocumentDownload.objects.create(document=d1, date=today - datetime.timedelta(days=400), count=5)

    host = placement_factories.host_team(home, "highways")
    ends = today + datetime.timedelta(days=4)
    ks4 = placement_factories.placement(
        host, title="Road survey", key_stages=["KS4"], windows=[(today, ends, 5)]
    )
    both = placement_factories.placement(
        host, title="Depot day", key_stages=["KS4", "KS5"], windows=[(today, ends, 2)]
    )
    two_months_ago = dashboard.Period.from_param("12").month_starts[-3]
    placement_factories.placement(
        host,
        title="Spring survey",
        key_stages=["KS4"],
        windows=[(two_months_ago, two_months_ago + datetime.timedelta(days=2), 3)],
    )
    accepted = placement_factories.placement_request(placement_factories.capacity(ks4), young_people=2)
    placement_factories.placement_request(placement_factories.capacity(ks4), young_people=1)
    accepted_both = placement_factories.placement_request(placement_factories.capacity(both), young_people=1)
    for placement_request in (accepted, accepted_both):
        decide(placement_request.pk, "accept", actor="host-team")

    support = directory_factories.support_index(home)
    busy = directory_factories.service(support, title="Attendance advice")
    directory_factories.service(support, title="Quiet service")
    earlier = now - datetime.timedelta(hours=1)
    directory_factories.enquiry(busy, created_at=earlier, responded_after=datetime.timedelta(days=1))
    directory_factories.enquiry(busy, created_at=earlier, responded_after=datetime.timedelta(days=3))
    directory_factories.enquiry(busy, created_at=earlier)
    directory_factories.enquiry(
        busy, created_at=now - datetime.timedelta(days=430), responded_after=datetime.timedelta(days=9)
    )
    directory_factories.enquiry(None, created_at=earlier)

    for day, term, searches, zero in (
        (today, "apprenticeships", 5, 0),
        (today - datetime.timedelta(days=40), "apprenticeships", 2, 0),
        (today, "t levels", 3, 3),
        (today, "nhs", 1, 0),
        (today - datetime.timedelta(days=400), "old term", 10, 10),
        (today, "=HYPERLINK(1)", 1, 1),
    ):
        SearchTermCount.objects.create(day=day, term=term, searches=searches, zero_results=zero)


def rows(key: str, months: str = "12") -> list[list]:
    return dashboard.TABLES[key](dashboard.Period.from_param(months)).rows


def test_the_heatmap_counts_live_resources_by_benchmark_and_key_stage(known_data):
    table = dashboard.resource_heatmap()
    assert table.columns == ["Gatsby Benchmark", *KEY_STAGES, "All key stages"]
    cells = {row[0].split(":")[0]: row[1:] for row in table.rows}
    assert cells["Benchmark 1"] == [0, 0, 0, 1, 1, 0, 1]
    assert cells["Benchmark 2"] == [0, 0, 0, 1, 2, 0, 2]
    assert cells["Benchmark 3"] == [0, 0, 0, 0, 0, 0, 1]
    for number in (4, 5, 6, 7, 8):
        assert cells[f"Benchmark {number}"] == [0] * 7
    assert cells["All benchmarks"] == [0, 0, 0, 1, 2, 0, 3]


def test_placements_offered_requested_and_accepted_by_key_stage_and_month(known_data):
    table = rows("placements-by-month")
    this_month, two_months_ago = (
        f"{m:%B %Y}" for m in dashboard.Period.from_param("12").month_starts[::-1][0:3:2]
    )
    figures = {(month, ks): values for month, ks, *values in table}
    assert figures[(this_month, "KS4")] == [7, 4, 3]
    assert figures[(this_month, "KS5")] == [2, 1, 1]
    assert figures[(two_months_ago, "KS4")] == [3, 0, 0]
    assert len(table) == 24 and sum(sum(v) for v in figures.values()) == 7 + 4 + 3 + 2 + 1 + 1 + 3


def test_enquiries_per_service_with_answers_and_median_days(known_data):
    assert rows("enquiries-per-service") == [
        ["Attendance advice", 3, 2, 2.0],
        ["A deleted service", 1, 0, None],
        ["Quiet service", 0, 0, None],
    ]
    assert rows("enquiries-per-service", months="24")[0] == ["Attendance advice", 4, 3, 3.0]


def test_downloads_per_resource_count_real_downloads_in_the_period(known_data):
    assert rows("downloads-per-resource") == [["Jobs near you", 1, 2], ["Labour market quiz", 1, 0]]
    assert rows("downloads-per-resource", months="24") == [
        ["Jobs near you", 1, 7],
        ["Labour market quiz", 1, 0],
    ]


def test_top_searches_and_zero_result_searches(known_data):
    assert rows("top-searches") == [
        ["apprenticeships", 7, 0],
        ["t levels", 3, 3],
        ["=HYPERLINK(1)", 1, 1],
        ["nhs", 1, 0],
    ]
    assert rows("zero-result-searches") == [["t levels", 3, 3], ["=HYPERLINK(1)", 1, 1]]


def test_each_csv_has_the_same_numbers_as_the_page(known_data):
    browser = factories.signed_in(factories.reporter())
    html = browser.get(reverse("publishing_dashboard")).content.decode()
    for key, build in dashboard.TABLES.items():
        table = build(dashboard.Period.from_param("12"))
        response = browser.get(reverse("publishing_dashboard_csv", args=[key]) + "?months=12")
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
        lines = list(csv.reader(io.StringIO(response.content.decode())))
        expected = [["" if v is None else str(v) for v in row] for row in table.rows]
        expected = [[f"'{v}" if v.startswith("=") else v for v in row] for row in expected]
        assert lines == [table.columns, *expected], key
        assert (
            table.title in html
            and f'href="{reverse("publishing_dashboard_csv", args=[key])}?months=12"' in html
        )


def test_the_heatmap_marks_gaps_in_words_in_an_accessible_table(known_data):
    html = factories.signed_in(factories.editor()).get(reverse("publishing_dashboard")).content.decode()
    assert '<th scope="col">KS4</th>' in html
    assert '<th scope="row">Benchmark 2: Learning from career and labour market information</th>' in html
    assert (
        '<td class="publishing-heat publishing-heat--some">'
        not in html.split("Benchmark 2:")[1].split("</tr>")[0]
    )
    benchmark_8 = html.split('<th scope="row">Benchmark 8')[1].split("</tr>")[0]
    assert benchmark_8.count('<span class="publishing-gap">gap</span>') == 6
    benchmark_2 = html.split('<th scope="row">Benchmark 2')[1].split("</tr>")[0]
    assert '<td class="publishing-heat publishing-heat--few">2</td>' in benchmark_2


def test_only_editors_and_reporting_see_the_dashboard(known_data):
    urls = [reverse("publishing_dashboard"), reverse("publishing_dashboard_csv", args=["top-searches"])]
    for person in (factories.editor(), factories.reporter()):
        assert all(factories.signed_in(person).get(url).status_code == 200 for url in urls)
        assert factories.signed_in(person).get(urls[0] + "?months=banana").context["period"].months == 12
    for person in (factories.contributor(), factories.team_member(factories.council_team())):
        assert all(factories.signed_in(person).get(url).status_code in (302, 403) for url in urls)
    assert (
        factories.signed_in(factories.editor("editor2"))
        .get(reverse("publishing_dashboard_csv", args=["nope"]))
        .status_code
        == 404
    )


def test_the_dashboard_runs_a_fixed_number_of_queries_whatever_the_data(known_data, home):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            for build in dashboard.TABLES.values():
                build(dashboard.Period.from_param("12"))
        return len(captured.captured_queries)

    before = queries()
    bank = resource_factories.resource_index(home)
    for number in range(5):
        page = resource_factories.resource(bank, benchmarks=[number + 1], key_stages=["KS2"])
        ResourceFile.objects.create(page=page, document=document(f"Extra {number}"))
    busy = directory_factories.service(directory_factories.support_index(home), title="Another service")
    directory_factories.enquiry(busy, responded_after=datetime.timedelta(days=2))
    assert queries() == before
