"""Writes to engines other than the database (Elasticsearch) are background tasks, queued when
the editor's transaction commits, that index the state of each object when they run."""

import pytest

from resources.models import ResourcePage
from search import sync, tasks
from search.engines import database_engine
from tests.resources.factories import resource
from tests.tasks import commit, queued_tasks, run_tasks

pytestmark = pytest.mark.django_db


class RecordingEngine:
    """Stands in for the Elasticsearch engine at its public interface (upsert/delete), keeping
    what it was told: the Elasticsearch engine itself has its own tests."""

    name = "elasticsearch"

    def __init__(self) -> None:
        self.index: dict[str, str] = {}
        self.writes = 0
        self.failing = False

    def upsert(self, documents) -> None:
        self._write()
        self.index.update({d.key: d.title for d in documents})

    def delete(self, keys) -> None:
        self._write()
        for key in keys:
            self.index.pop(key, None)

    def _write(self) -> None:
        if self.failing:
            raise ConnectionError("cluster unavailable")
        self.writes += 1


@pytest.fixture
def elastic(monkeypatch) -> RecordingEngine:
    engine = RecordingEngine()
    monkeypatch.setattr(sync, "index_engines", lambda: [database_engine(), engine])
    monkeypatch.setattr(tasks, "index_engines", lambda: [database_engine(), engine])
    return engine


def key(page) -> str:
    return f"resources.resourcepage:{page.pk}"


def republish(page, title: str) -> None:
    page = ResourcePage.objects.get(pk=page.pk)
    page.title = title
    page.save_revision().publish()


def test_publishing_queues_the_write_and_the_worker_makes_it(bank, elastic):
    page = resource(bank, title="Hospital placements")
    assert elastic.writes == 0 and queued_tasks("update_search_index") == [], "nothing before the commit"
    commit()
    assert elastic.writes == 0, "the publish did not wait for the engine"
    assert len(queued_tasks("update_search_index")) == 1
    run_tasks()
    assert elastic.index == {key(page): "Hospital placements"}


def test_tasks_index_the_current_state_whatever_order_they_run_in(bank, elastic):
    page = resource(bank, title="First title")
    commit()
    republish(page, "Second title")
    commit()
    first, second = sorted(queued_tasks("update_search_index"), key=lambda t: t.enqueued_at)
    # The later task runs first (another worker was quicker), then the earlier one.
    type(second).objects.filter(pk=first.pk).update(priority=-1)
    run_tasks()
    assert elastic.index == {key(page): "Second title"}


def test_unpublishing_and_deleting_remove_the_document(bank, elastic):
    kept, unpublished, deleted = (resource(bank, title=t) for t in ("Kept", "Unpublished", "Deleted"))
    run_tasks()
    ResourcePage.objects.get(pk=unpublished.pk).unpublish()
    ResourcePage.objects.get(pk=deleted.pk).delete()
    run_tasks()
    assert elastic.index == {key(kept): "Kept"}


def test_a_failed_write_is_retried_later(bank, elastic, caplog):
    elastic.failing = True
    page = resource(bank, title="Retried")
    run_tasks()
    assert "could not update the elasticsearch index" in caplog.text
    assert elastic.index == {} and len(queued_tasks("update_search_index")) == 1
    elastic.failing = False
    run_tasks(later=tasks.FIRST_RETRY * 2)
    assert elastic.index == {key(page): "Retried"}


def test_without_elasticsearch_no_task_is_queued(bank):
    resource(bank, title="Database only")
    commit()
    assert queued_tasks("update_search_index") == []
