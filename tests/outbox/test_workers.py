"""Several workers on PostgreSQL: each task runs once, each email is sent once.

Real transactions on separate connections, one per thread, as separate worker processes would
have; SQLite runs one writer at a time, so only PostgreSQL can show the claims racing."""

import threading
from collections.abc import Callable

import pytest
from django.core import mail
from django.db import connection, connections
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from portal.outbox import queue_email
from portal.outbox.delivery import deliver
from portal.outbox.models import OutgoingEmail

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def _needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL (scripts/with-postgres): SQLite has no row locks to race for.")


def together(work: Callable[[int], object], count: int) -> list[object]:
    """Run work(i) in `count` threads released at the same moment; their results."""
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = work(index)
        except Exception as error:  # every outcome is inspected by the test
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a worker hung"
    return results


def test_three_workers_share_the_queue_and_run_each_task_once():
    for number in range(30):
        queue_email(
            key=f"test:{number}", subject=f"Message {number}", body="Hello", to=[f"p{number}@example.org"]
        )
    assert DBTaskResult.objects.filter(status="READY").count() == 30

    def worker(index: int) -> None:
        Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=f"worker-{index}",
            excluded_queue_names=[],
        ).run()

    together(worker, 3)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(f"p{n}@example.org" for n in range(30))
    assert all(len(ids) == 1 for ids in DBTaskResult.objects.values_list("worker_ids", flat=True))
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}


def test_five_tasks_for_one_message_at_the_same_moment_send_it_once():
    message = queue_email(key="test:raced", subject="Raced", body="Hello", to=["ann@example.org"])
    results = together(lambda _: deliver(message.pk), 5)
    assert sorted(map(str, results)) == ["sent", "skipped", "skipped", "skipped", "skipped"]
    assert len(mail.outbox) == 1
