"""`search_index --rebuild/--check`, `prune_search_terms`, the demo hook and the admin report."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from demo.loader import rebuild_search
from search.engines import database_engine
from search.models import SearchEntry, SearchTermCount
from tests.resources.factories import resource

from .factories import document

pytestmark = pytest.mark.django_db


def check() -> str:
    out = StringIO()
    call_command("search_index", "--check", stdout=out)
    return out.getvalue()


def test_check_reports_missing_stale_and_extra_entries_then_rebuild_repairs(bank):
    lost, changed = (resource(bank, title=t) for t in ("Lost", "Changed"))
    resource(bank, title="Kept")
    assert "database: in step (3 items)" in check()
    SearchEntry.objects.filter(content__title="Lost").delete()
    SearchEntry.objects.filter(content__title="Changed").update(doc_hash="old")
    database_engine().upsert([document(title="Left behind")])
    out = StringIO()
    with pytest.raises(CommandError, match="drifted"):
        call_command("search_index", "--check", stdout=out)
    report = out.getvalue()
    assert f"1 missing: resources.resourcepage:{lost.pk}" in report
    assert f"1 stale: resources.resourcepage:{changed.pk}" in report
    assert "1 extra: testing.item:" in report
    out = StringIO()
    call_command("search_index", "--rebuild", stdout=out)
    assert "database: indexed 3 items" in out.getvalue()
    assert "in step" in check()
    assert set(SearchEntry.objects.values_list("content__title", flat=True)) == {"Kept", "Lost", "Changed"}


def test_asking_for_elasticsearch_without_a_url_is_an_error():
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL is not set"):
        call_command("search_index", "--check", "--engine", "elasticsearch")


def test_an_unreachable_elasticsearch_is_a_clear_error(bank, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    with pytest.raises(CommandError, match="elasticsearch"):
        call_command("search_index", "--rebuild", "--engine", "elasticsearch", stdout=StringIO())


def test_the_demo_hook_rebuilds_and_tolerates_a_missing_cluster(bank, home, settings):
    resource(bank, title="Demo item")
    SearchEntry.objects.all().delete()
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    rebuild_search()
    assert list(SearchEntry.objects.values_list("content__title", flat=True)) == ["Demo item"]


def test_prune_deletes_old_counts_only():
    today = timezone.localdate()
    SearchTermCount.objects.create(day=today - datetime.timedelta(days=500), term="old", searches=1)
    SearchTermCount.objects.create(day=today, term="new", searches=1)
    call_command("prune_search_terms", stdout=StringIO())
    assert list(SearchTermCount.objects.values_list("term", flat=True)) == ["new"]


def test_the_search_terms_report_is_for_editors_with_permission(client):
    today = timezone.localdate()
    SearchTermCount.objects.create(day=today, term="work experience", searches=5, zero_results=0)
    SearchTermCount.objects.create(day=today - datetime.timedelta(days=1), term="work experience", searches=2)
    SearchTermCount.objects.create(day=today, term="zebras", searches=1, zero_results=1)
    SearchTermCount.objects.create(day=today - datetime.timedelta(days=90), term="ancient", searches=9)
    user_model = get_user_model()
    editor = user_model.objects.create_user("editor", password="x-editor-password", is_staff=True)
    client.force_login(editor)
    assert client.get("/admin/reports/search-terms/").status_code in {302, 403}
    admin = user_model.objects.create_superuser("boss", "boss@example.org", "x-boss-password")
    client.force_login(admin)
    html = client.get("/admin/reports/search-terms/").content.decode()
    assert "work experience" in html and "zebras" in html and "ancient" not in html
    assert html.index("work experience") < html.index("zebras")  # most searched first
    assert ">7<" in html.replace(" ", "").replace("\n", "")
    only_zero = client.get("/admin/reports/search-terms/", {"zero_results_only": "true"}).content.decode()
    assert "zebras" in only_zero and "work experience" not in only_zero
    export = client.get("/admin/reports/search-terms/", {"export": "csv"})
    assert export.status_code == 200
    assert "work experience,7,0" in b"".join(export.streaming_content).decode()
