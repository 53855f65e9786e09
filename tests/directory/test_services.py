"""Services for schools: browsing by phase and need with counts, filters and search, the service
page, the search protocol and the editor's rules."""

from collections.abc import Iterator

import pytest
from django.core.exceptions import ValidationError

from directory.models import ServicePage, SupportIndexPage
from portal.home.models import HomePage
from tests.shared_data import built_once

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built_support(django_db_setup, django_db_blocker) -> Iterator[int]:
    """The services page with three live services and a draft: built once for the module
    (tests/shared_data.py); each test's own changes are rolled back."""
    with built_once(django_db_blocker):
        yield _build_support(HomePage.objects.get()).pk


@pytest.fixture
def support(built_support, db) -> SupportIndexPage:
    """The services page, read afresh for each test (docs/test-suite.md)."""
    return SupportIndexPage.objects.get(pk=built_support)


def _build_support(home: HomePage) -> SupportIndexPage:
    index = factories.support_index(home)
    factories.service(
        index, title="Educational psychology", phases=("primary", "secondary"), needs=("send", "wellbeing")
    )
    factories.service(
        index,
        title="Portage home visiting",
        phases=("early-years",),
        needs=("send", "families"),
        kind="direct-support",
    )
    factories.service(
        index,
        title="Thrive training",
        phases=("primary",),
        needs=("wellbeing",),
        kind="training",
        cost="traded",
    )
    factories.service(index, title="Draft service", phases=("primary",), live=False)
    return index


def listing(client, index, **params):
    response = client.get(index.url, params)
    assert response.status_code == 200
    return response.content.decode()


def result_titles(html: str) -> set[str]:
    titles = {"Educational psychology", "Portage home visiting", "Thrive training", "Draft service"}
    return {title for title in titles if f">{title}</a>" in html}


def test_the_landing_page_browses_by_phase_and_need_with_counts(client, support):
    html = listing(client, support)
    assert "Find support by phase" in html and "Find support by need" in html
    assert 'href="?phase=primary">Primary</a> <span class="portal-count">(2 services)' in html
    assert (
        'href="?need=send">Special educational needs and disabilities (SEND)</a> <span class="portal-count">(2 services)'
        in html
    )
    assert result_titles(html) == {"Educational psychology", "Portage home visiting", "Thrive training"}
    assert "booklet.pdf" in html


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"phase": "primary"}, {"Educational psychology", "Thrive training"}),
        (
            {"phase": ["primary", "early-years"]},
            {"Educational psychology", "Thrive training", "Portage home visiting"},
        ),
        ({"phase": "primary", "need": "send"}, {"Educational psychology"}),
        ({"type": "training"}, {"Thrive training"}),
        ({"cost": "traded"}, {"Thrive training"}),
        ({"q": "portage"}, {"Portage home visiting"}),
        ({"q": "psychology team"}, {"Educational psychology"}),  # words match the title or the team
    ],
)
def test_filters_and_search(client, support, params, expected):
    assert result_titles(listing(client, support, **params)) == expected


def test_bad_filter_values_are_ignored_with_a_message(client, support):
    html = listing(client, support, phase=["primary", "sixth-form"], sort="nonsense", page="x")
    assert "“sixth-form” is not a phase we know, so it was ignored." in html
    assert result_titles(html) == {"Educational psychology", "Thrive training"}


def test_facet_counts_keep_other_values_of_the_same_facet(client, support):
    html = listing(client, support, phase="early-years")
    assert 'Primary <span class="portal-count">(2)</span>' in html


def test_the_service_page_shows_how_to_refer_and_who_to_contact(client, support):
    page = ServicePage.objects.get(title="Educational psychology")
    html = client.get(page.url).content.decode()
    assert "How to refer" in html and "Email the referral form." in html
    assert "<li>Parental consent</li>" in html and "<li>What you have tried</li>" in html
    assert f'href="mailto:{page.contacts.first().email}"' in html
    assert "Primary, Secondary" in html


def test_a_paused_service_says_so(client, support):
    page = ServicePage.objects.get(title="Thrive training")
    page.status, page.alert = "temporarily closed", "Full until September."
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Not taking new referrals for now" in html and "Full until September." in html


def test_a_service_is_run_by_a_team_or_a_partner_not_both(support):
    page = ServicePage.objects.get(title="Thrive training")
    page.partner = factories.partner()
    with pytest.raises(ValidationError):
        page.full_clean()
    page.partner = page.team = None
    with pytest.raises(ValidationError):
        page.full_clean()


def test_search_document_follows_the_protocol(support):
    page = ServicePage.objects.get(title="Educational psychology")
    page.benchmarks.set([])
    doc = page.search_document()
    assert ServicePage.search_type == ("service", "Service for schools")
    assert set(doc) == {
        "title", "summary", "body", "url", "benchmarks", "key_stages", "audiences", "settings", "tags", "kind", "date",
        "has_places_left",
    }  # fmt: skip
    assert doc["title"] == "Educational psychology" and doc["url"] == page.url
    assert doc["key_stages"] == ["KS1", "KS2", "KS3", "KS4"]
    assert "What we offer." in doc["body"] and "<p>" not in doc["body"]
    assert doc["kind"] == "advice" and doc["date"] == page.last_reviewed
    assert "Special educational needs and disabilities (SEND)" in doc["tags"]
