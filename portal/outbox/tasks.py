"""The outbox's background task (run by `manage.py db_worker`)."""

from django_tasks import task

from .delivery import deliver

# Its own queue, so a deployment can give email a worker that long rebuilds never hold up
# (`db_worker --queue-name email`); the default worker (`--queue-name '*'`) runs every queue.
EMAIL_QUEUE = "email"


@task(queue_name=EMAIL_QUEUE)
def deliver_email(message_id: int) -> str:
    """Send one queued message (at most once; see portal.outbox.delivery)."""
    return deliver(message_id)
