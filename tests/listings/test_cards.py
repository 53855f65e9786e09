"""Cached fragments for requests the page cache cannot answer (a signed-in editor's): listing cards
(portal.listings.cards) and a resource page's details ({% wagtailpagecache %}). Rendered once per
content version, fresh the moment anything public changes, re-rendered each day when they show
what is still to come, and never taken from or put into the cache by a preview."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.listings import result_titles
from tests.placements import factories as placement_factories
from tests.resources import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client() -> Client:
    client = Client()
    client.cookies["sessionid"] = "not-a-session"  # bypasses the page cache, as a signed-in editor does
    return client


def _queries(client: Client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_cards_are_rendered_once_and_then_come_from_the_cache(editor_client, home):
    index = factories.resource_index(home)
    for n in range(3):
        factories.resource(index, title=f"Resource {n}", key_stages=["KS4", "KS5"])
    first, first_html = _queries(editor_client, "/resources/")
    again, again_html = _queries(editor_client, "/resources/")
    # The cards' rows, benchmarks and key stages are not loaded again.
    assert again <= first - 3
    assert again_html == first_html and "Resource 2" in again_html and "KS4, KS5" in again_html


def test_a_republished_resource_shows_its_new_title_in_the_listing(editor_client, home):
    index = factories.resource_index(home)
    page = factories.resource(index, title="Old title")
    assert result_titles(editor_client.get("/resources/")) == ["Old title"]
    page.title = "New title"
    page.save_revision().publish()
    assert result_titles(editor_client.get("/resources/")) == ["New title"]


def test_a_change_to_a_tag_a_card_shows_reaches_the_listing(editor_client, home):
    index = factories.resource_index(home)
    school = factories.school(name="Old Name Academy")
    factories.resource(index, title="Case study", school=school)
    assert "Old Name Academy" in editor_client.get("/resources/").content.decode()
    school.name = "New Name Academy"
    school.save()  # a snippet, not a page: saving it changes the content version too
    html = editor_client.get("/resources/").content.decode()
    assert "New Name Academy" in html and "Old Name Academy" not in html


def test_a_placement_card_drops_a_window_the_day_after_it_ends(editor_client, home, monkeypatch):
    today = timezone.localdate()
    host = placement_factories.host_team(home)
    placement_factories.placement_index(home)
    placement_factories.placement(
        host,
        title="Two windows",
        windows=[
            (today, today, 2),
            (today + datetime.timedelta(days=60), today + datetime.timedelta(days=64), 2),
        ],
    )
    ends_today = today.strftime("%-d %b %Y")
    assert f"{ends_today} to {ends_today}" in editor_client.get("/placements/").content.decode()

    # Nothing is published overnight, so only the date can retire the cached card.
    tomorrow = today + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    response = editor_client.get("/placements/")
    assert result_titles(response) == ["Two windows"]
    assert f"{ends_today} to {ends_today}" not in response.content.decode()


# Page fragments ({% wagtailpagecache %} on a resource's page)


def test_a_resource_page_renders_its_details_once_and_then_from_the_cache(editor_client, home):
    page = factories.resource(factories.resource_index(home), title="Cached details", key_stages=["KS4"])
    first, first_html = _queries(editor_client, page.url)
    again, again_html = _queries(editor_client, page.url)
    assert again <= first - 6  # benchmarks, key stages, audiences, settings, subjects, tags, files...
    assert again_html == first_html and "Cached details" in again_html and "KS4 (" in again_html


def test_a_resource_page_shows_a_republished_revision(editor_client, home):
    page = factories.resource(factories.resource_index(home), title="Old title")
    assert "Old title" in editor_client.get(page.url).content.decode()
    page.title = "New title"
    page.save_revision().publish()
    html = editor_client.get(page.url).content.decode()
    assert "New title" in html and "Old title" not in html


def test_a_resource_page_shows_a_renamed_school_though_the_page_itself_did_not_change(editor_client, home):
    school = factories.school(name="Old Name Academy")
    page = factories.resource(factories.resource_index(home), title="Case study", school=school)
    assert "Old Name Academy" in editor_client.get(page.url).content.decode()
    school.name = "New Name Academy"
    school.save()
    html = editor_client.get(page.url).content.decode()
    assert "New Name Academy" in html and "Old Name Academy" not in html


def test_a_draft_preview_neither_comes_from_nor_goes_into_the_cache(editor_client, home):
    page = factories.resource(factories.resource_index(home), title="Live title")
    assert "Live title" in editor_client.get(page.url).content.decode()  # now cached
    page.title = "Draft title"
    draft = page.save_revision().as_object()
    assert "Draft title" in draft.make_preview_request().content.decode()
    html = editor_client.get(page.url).content.decode()
    assert "Live title" in html and "Draft title" not in html


def test_accepting_a_request_changes_the_places_left_on_the_card_and_the_page(editor_client, home):
    from placements.booking import decide

    host = placement_factories.host_team(home)
    placement_factories.placement_index(home)
    page = placement_factories.placement(host, title="Three places")
    assert "3 places left" in editor_client.get("/placements/").content.decode()
    assert ">3 of 3<" in editor_client.get(page.url).content.decode()
    # Places are taken by a conditional UPDATE, not a publish: the decision still reaches both.
    request = placement_factories.placement_request(placement_factories.capacity(page), young_people=2)
    decide(request.pk, "accept", actor="test")
    assert "1 place left" in editor_client.get("/placements/").content.decode()
    assert ">1 of 3<" in editor_client.get(page.url).content.decode()


def test_a_placement_page_renders_once_a_day_and_then_from_the_cache(editor_client, home, monkeypatch):
    today = timezone.localdate()
    host = placement_factories.host_team(home)
    placement_factories.placement_index(home)
    page = placement_factories.placement(
        host,
        windows=[
            (today, today, 2),
            (today + datetime.timedelta(days=60), today + datetime.timedelta(days=64), 2),
        ],
    )
    first, first_html = _queries(editor_client, page.url)
    again, again_html = _queries(editor_client, page.url)
    assert again <= first - 6  # windows, places, criteria, key stages, activities, settings...
    assert again_html == first_html and first_html.count("Ask for places<span") == 2

    # The window ending today closes at midnight, with nothing published.
    tomorrow = today + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    html = editor_client.get(page.url).content.decode()
    assert html.count("Ask for places<span") == 1 and "Closed" in html
