"""Index sync on publish, unpublish, move, slug change, privacy and delete (search/sync.py), and
that a failing engine never fails the editor's action."""

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from portal.home.models import StandardPage
from resources.models import ResourceIndexPage, ResourcePage
from search import sync, tasks
from search.engines import database_engine
from search.models import SearchEntry, SearchEntryContent
from tests.resources.factories import resource
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db


def entry_for(page) -> SearchEntryContent | None:
    """What the database index holds for the page (its content row), or None."""
    return SearchEntryContent.objects.filter(entry__key=f"resources.resourcepage:{page.pk}").first()


def test_publishing_indexes_and_republishing_updates(bank):
    page = resource(bank, title="Hospital placements")
    assert entry_for(page).title == "Hospital placements"
    page = ResourcePage.objects.get(pk=page.pk)
    page.title = "Hospital and clinic placements"
    page.save_revision().publish()
    assert entry_for(page).title == "Hospital and clinic placements"
    assert SearchEntry.objects.count() == 1


def test_while_paused_nothing_is_indexed_and_afterwards_changes_are_again(bank):
    """A bulk load pauses indexing and rebuilds the index once it is done (demo.loader)."""
    with sync.paused():
        with sync.paused():  # a pause inside a pause does not end the outer one
            pass
        quiet = resource(bank, title="Loaded in bulk")
    assert entry_for(quiet) is None
    assert entry_for(resource(bank, title="Published after the load")).title == "Published after the load"


def test_a_saved_draft_does_not_change_the_index(bank):
    page = ResourcePage.objects.get(pk=resource(bank, title="Hospital placements").pk)
    page.title = "Draft title"
    page.save_revision()
    assert entry_for(page).title == "Hospital placements"


def test_drafts_are_never_indexed(bank):
    assert entry_for(resource(bank, title="Draft", live=False)) is None


def test_unpublishing_and_deleting_remove_the_entry(bank):
    unpublished = resource(bank, title="Unpublished")
    ResourcePage.objects.get(pk=unpublished.pk).unpublish()
    assert entry_for(unpublished) is None
    deleted = resource(bank, title="Deleted")
    ResourcePage.objects.get(pk=deleted.pk).delete()
    assert entry_for(deleted) is None


def test_deleting_a_section_removes_its_pages(bank, home):
    page = resource(bank, title="In the bank")
    ResourceIndexPage.objects.get(pk=bank.pk).delete()
    assert entry_for(page) is None


def test_renaming_a_section_updates_urls(bank, django_capture_on_commit_callbacks):
    page = resource(bank, title="Renamed")
    bank = ResourceIndexPage.objects.get(pk=bank.pk)
    bank.slug = "resource-bank"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail signals slug changes on commit
        bank.save_revision().publish()
    assert entry_for(page).url == f"/resource-bank/{page.slug}/"


def test_moving_a_section_updates_urls(bank, home):
    page = resource(bank, title="Moved")
    section = StandardPage(title="Archive", slug="archive", body=[])
    home.add_child(instance=section)
    section.save_revision().publish()
    ResourceIndexPage.objects.get(pk=bank.pk).move(section, pos="last-child")
    assert entry_for(page).url == f"/archive/resources/{page.slug}/"


def test_private_pages_leave_the_index_and_come_back(bank):
    page = resource(bank, title="Staff only")
    restriction = PageViewRestriction.objects.create(page=bank, restriction_type=PageViewRestriction.LOGIN)
    assert entry_for(page) is None
    restriction.delete()
    assert entry_for(page).title == "Staff only"


class BrokenEngine:
    name = "broken"

    def upsert(self, documents):
        raise RuntimeError("index unavailable")

    def delete(self, keys):
        raise RuntimeError("index unavailable")


class SqlErrorEngine:
    """Fails with a real database error, which on PostgreSQL would poison the transaction
    without the savepoint sync puts around every engine write."""

    name = "database"

    def upsert(self, documents):
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM no_such_table")

    delete = upsert


@pytest.mark.parametrize("engine", [BrokenEngine(), SqlErrorEngine()], ids=["raises", "sql-error"])
def test_an_engine_failure_never_fails_publishing(
    bank, monkeypatch, caplog, engine, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(sync, "index_engines", lambda: [engine])
    monkeypatch.setattr(tasks, "index_engines", lambda: [engine])
    with django_capture_on_commit_callbacks(execute=True):
        page = resource(bank, title="Still published")
        ResourcePage.objects.get(pk=page.pk).unpublish()
    run_tasks()  # engines other than the database are written by a task
    assert ResourcePage.objects.filter(pk=page.pk, title="Still published").exists()
    assert "could not update the" in caplog.text


def test_unreachable_elasticsearch_never_fails_publishing(
    bank, settings, caplog, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page = resource(bank, title="Published anyway")
    assert callbacks, "Elasticsearch is written after the commit"
    assert entry_for(page).title == "Published anyway"
    assert "could not update the elasticsearch index" not in caplog.text, "by a task, not the publish"
    run_tasks()
    assert "could not update the elasticsearch index" in caplog.text


def test_update_objects_indexes_any_searchable_object(bank):
    page = resource(bank, title="Indexed by hand")
    SearchEntry.objects.all().delete()
    sync.update_objects([ResourcePage.objects.get(pk=page.pk)])
    assert entry_for(page) is not None
    assert database_engine().indexed_hashes().keys() == {f"resources.resourcepage:{page.pk}"}
