import datetime
import re
from collections.abc import Iterator

import pytest
from django.core import mail
from django.utils import timezone

from alerts import links
from alerts.digests import purge_unconfirmed, send_digests
from alerts.models import Alert
from portal.home.models import HomePage
from portal.outbox.models import OutgoingEmail
from resources.models import ResourceIndexPage
from tests.resources import factories
from tests.shared_data import built_once
from tests.tasks import commit, run_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built_index(django_db_setup, django_db_blocker) -> Iterator[int]:
    """The resource bank alerts are made for, built once for the module (tests/shared_data.py).
    The on-commit callbacks of its publishing are run here, as its commit would: left pending,
    the first test to call run_tasks() would run them, and no later one (docs/test-suite.md)."""
    with built_once(django_db_blocker):
        index = factories.resource_index(HomePage.objects.get())
        commit()
        yield index.pk


@pytest.fixture
def index(built_index, db) -> ResourceIndexPage:
    """The resource bank, read afresh for each test: tests add resources under it
    (docs/test-suite.md)."""
    return ResourceIndexPage.objects.get(pk=built_index)


def subscribe(client, email="leader@school.example", query="source=resources&benchmark=6&key_stage=KS4"):
    return client.post(f"/alerts/new/?{query}", {"email": email, "frequency": "daily"})


def link_in(body: str, part: str) -> str:
    return re.search(rf"https?://\S+/alerts/{part}/\S+/", body).group(0)


def confirmed_alert(client) -> Alert:
    subscribe(client)
    run_tasks()
    url = link_in(mail.outbox[-1].body, "confirm")
    client.post(path_of(url))
    return Alert.objects.get()


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_subscribing_stores_only_the_address_and_filters_and_asks_to_confirm(client, index):
    response = subscribe(client, query="source=resources&benchmark=6&key_stage=KS4&page=3&sort=title")
    assert response.status_code == 200
    assert b"Check your email" in response.content
    alert = Alert.objects.get()
    assert (alert.email, alert.source, alert.filters) == (
        "leader@school.example",
        "resources",
        "benchmark=6&key_stage=KS4",
    )
    assert alert.confirmed_at is None
    run_tasks()
    assert mail.outbox[-1].to == ["leader@school.example"]
    confirm = path_of(link_in(mail.outbox[-1].body, "confirm"))
    assert client.get(confirm).status_code == 200  # a button, not the confirmation itself
    assert Alert.objects.get().confirmed_at is None
    response = client.post(confirm)
    assert response.status_code == 302
    assert Alert.objects.get().confirmed_at is not None


def test_a_bad_email_shows_the_form_again(client, index):
    response = client.post("/alerts/new/?source=resources", {"email": "nope", "frequency": "daily"})
    assert response.status_code == 400
    assert b"Enter an email address" in response.content
    assert not Alert.objects.exists()


def test_an_unknown_listing_is_a_404(client, index):
    assert client.get("/alerts/new/?source=nothing").status_code == 404


def test_a_tampered_confirm_link_is_refused(client, index):
    subscribe(client)
    alert = Alert.objects.get()
    token = links.token(alert.pk, links.UNSUBSCRIBE)  # right value, wrong purpose
    assert client.post(f"/alerts/confirm/{token}/").status_code == 404
    assert Alert.objects.get().confirmed_at is None


def test_digest_lists_new_matches_once_per_period_with_one_click_unsubscribe(client, index):
    alert = confirmed_alert(client)
    Alert.objects.filter(pk=alert.pk).update(confirmed_at=timezone.now() - datetime.timedelta(days=1))
    factories.resource(index, title="Matching new resource", benchmarks=[6], key_stages=["KS4"])
    factories.resource(index, title="Other benchmark", benchmarks=[5], key_stages=["KS4"])
    mail.outbox.clear()
    assert send_digests() == 1
    assert send_digests() == 0  # a rerun queues nothing
    run_tasks()
    [digest] = mail.outbox
    assert "Matching new resource" in digest.body
    assert "Other benchmark" not in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = digest.extra_headers["List-Unsubscribe"].strip("<>")
    client_without_csrf = client.__class__(enforce_csrf_checks=True)
    shown = client_without_csrf.get(path_of(unsubscribe))
    assert shown.status_code == 200 and "no-store" in shown["Cache-Control"]  # never a cached page
    assert Alert.objects.exists()
    assert client_without_csrf.post(path_of(unsubscribe)).status_code == 200
    assert not Alert.objects.exists()


def test_no_digest_without_new_matches(client, index):
    factories.resource(index, title="Old resource", benchmarks=[6], key_stages=["KS4"])
    confirmed_alert(client)
    assert send_digests() == 0


def test_same_period_key_is_never_sent_twice_even_after_new_items(client, index):
    alert = confirmed_alert(client)
    Alert.objects.filter(pk=alert.pk).update(confirmed_at=timezone.now() - datetime.timedelta(days=1))
    factories.resource(index, title="First", benchmarks=[6], key_stages=["KS4"])
    now = timezone.now()
    assert send_digests(now) == 1
    Alert.objects.filter(pk=alert.pk).update(last_sent_at=now - datetime.timedelta(days=1))
    factories.resource(index, title="Second", benchmarks=[6], key_stages=["KS4"])
    assert send_digests(now) == 0
    assert OutgoingEmail.objects.filter(key__startswith="alerts:digest:").count() == 1


def test_unconfirmed_alerts_are_deleted_after_48_hours(client, index):
    subscribe(client)
    later = timezone.now() + datetime.timedelta(hours=47)
    assert purge_unconfirmed(later) == 0
    assert purge_unconfirmed(later + datetime.timedelta(hours=2)) == 1
    assert not Alert.objects.exists()


def test_manage_link_lists_and_deletes_every_alert_of_the_address(client, index):
    subscribe(client)
    subscribe(client, query="source=events")
    subscribe(client, email="someone@else.example")
    token = links.token("leader@school.example", links.MANAGE)
    page = client.get(f"/alerts/manage/{token}/").content.decode()
    assert "someone@else" not in page and "Delete all my alerts" in page
    client.post(f"/alerts/manage/{token}/", {"delete_all": "1"})
    assert list(Alert.objects.values_list("email", flat=True)) == ["someone@else.example"]
    assert client.get("/alerts/manage/not-a-token/").status_code == 404
