from django.apps import AppConfig


class WorkerConfig(AppConfig):
    """The task worker's housekeeping: tasks whose worker died are run again."""

    name = "portal.worker"
    label = "worker"
    verbose_name = "Task worker"
