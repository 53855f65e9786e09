import pytest

from tests.resources import factories

pytestmark = pytest.mark.django_db


def test_anonymous_pages_are_public_and_served_from_the_cache_until_content_changes(client, home):
    index = factories.resource_index(home)
    factories.resource(index, title="First resource")
    first = client.get("/resources/")
    assert "public" in first["Cache-Control"] and first["X-Cache"] == "miss"
    again = client.get("/resources/")
    assert again["X-Cache"] == "hit" and "First resource" in again.content.decode()
    factories.resource(index, title="Second resource")  # publishing invalidates every listing
    fresh = client.get("/resources/")
    assert fresh["X-Cache"] == "miss" and "Second resource" in fresh.content.decode()


def test_unpublishing_removes_a_page_from_cached_listings(client, home):
    index = factories.resource_index(home)
    page = factories.resource(index, title="Soon withdrawn")
    assert "Soon withdrawn" in client.get("/resources/").content.decode()
    page.unpublish()
    assert "Soon withdrawn" not in client.get("/resources/").content.decode()


def test_signed_in_editors_never_get_cached_or_public_pages(client, home, admin_user):
    index = factories.resource_index(home)
    factories.resource(index, title="Visible")
    client.get("/resources/")  # cached for the public
    client.force_login(admin_user)
    response = client.get("/resources/")
    assert "X-Cache" not in response or response["X-Cache"] != "hit"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_drafts_are_never_shown_to_the_public_from_the_cache(client, home):
    index = factories.resource_index(home)
    page = factories.resource(index, title="Published title")
    client.get(page.url)
    page.title = "Draft title"
    page.save_revision()  # a draft: not published
    assert "Draft title" not in client.get(page.url).content.decode()


def test_the_health_view_is_trivial(client):
    response = client.get("/health/")
    assert response.status_code == 200 and response.content == b"ok"


def test_cached_fragments_follow_a_rename_and_a_move_even_for_signed_in_editors(client, home, admin_user):
    """The navigation and breadcrumbs are cached fragments (keyed by the content version), and
    listings come from an in-memory facet index: all of them follow publish and move at once."""
    client.force_login(admin_user)  # no page cache: only the fragment caches and indexes are in play
    index = factories.resource_index(home)
    page = factories.resource(index, title="Mover")
    assert "Mover" in client.get("/resources/").content.decode()
    index.title = "Renamed bank"
    index.show_in_menus = True
    index.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert html.count("Renamed bank") >= 2  # the header navigation and the breadcrumbs
    page.move(home, pos="last-child")
    assert "Mover" not in client.get("/resources/").content.decode()


def test_the_content_version_is_bumped_again_when_the_change_commits(home):
    from django.test import TestCase

    from portal.core.caching import content_changed, content_version

    before = content_version()
    with TestCase.captureOnCommitCallbacks(execute=True):
        content_changed()
        during = content_version()
    assert before < during < content_version()
