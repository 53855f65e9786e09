"""A task whose worker died is run again by another worker, and only up to TASK_MAX_CLAIMS times."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.worker.recovery import LOST, requeue_stale_tasks
from search.tasks import update_search_index
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db


def _claimed(by: list[str], minutes_ago: float) -> DBTaskResult:
    """A queued task that `by` workers claimed, the last of them `minutes_ago`, as db_worker does."""
    result = DBTaskResult.objects.get(pk=update_search_index.enqueue(["resources.resourcepage:1"]).id)
    for worker_id in by:
        result.claim(worker_id)
    DBTaskResult.objects.filter(pk=result.pk).update(
        started_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )
    return result


def test_a_task_whose_worker_died_is_queued_again_and_the_next_worker_runs_it(settings):
    settings.TASK_STALE_MINUTES = 30
    lost = _claimed(["killed-worker"], minutes_ago=31)

    assert requeue_stale_tasks() == (1, 0)

    lost.refresh_from_db()
    assert (lost.status, lost.started_at) == ("READY", None)
    assert run_tasks(path_suffix="update_search_index") == 1
    lost.refresh_from_db()
    assert lost.status == "SUCCESSFUL"
    assert lost.worker_ids == ["killed-worker", "test-worker"]


def test_a_task_still_within_its_time_is_left_to_its_worker(settings):
    settings.TASK_STALE_MINUTES = 30
    running = _claimed(["busy-worker"], minutes_ago=29)

    assert requeue_stale_tasks() == (0, 0)

    running.refresh_from_db()
    assert running.status == "RUNNING"


def test_a_task_that_has_lost_every_worker_it_was_given_is_failed_not_run_again(settings):
    settings.TASK_STALE_MINUTES = 30
    settings.TASK_MAX_CLAIMS = 3
    poison = _claimed(["w1", "w2", "w3"], minutes_ago=45)
    second_chance = _claimed(["w4", "w5"], minutes_ago=45)

    assert requeue_stale_tasks() == (1, 1)

    poison.refresh_from_db()
    second_chance.refresh_from_db()
    assert (poison.status, poison.exception_class_path) == ("FAILED", LOST)
    assert "w1, w2, w3" in poison.traceback
    assert second_chance.status == "READY"


def test_the_scheduled_command_says_what_it_did(settings, capsys):
    settings.TASK_STALE_MINUTES = 30
    _claimed(["killed-worker"], minutes_ago=60)

    call_command("requeue_stale_tasks")
    call_command("requeue_stale_tasks")  # nothing is left to queue the second time

    assert capsys.readouterr().out.splitlines() == [
        "Queued 1 lost task again; failed 0.",
        "Queued 0 lost tasks again; failed 0.",
    ]
