"""Background writes to the search engines other than the database (Elasticsearch)."""

import datetime
import logging

from django.apps import apps
from django.db import models
from django.utils import timezone
from django_tasks import task

from .engines import index_engines
from .registry import IndexDocument, build_document

logger = logging.getLogger(__name__)

SEARCH_QUEUE = "search"
# A failed write is tried again after 30 s, 1, 2, 4 and 8 minutes; after that the index waits for
# `manage.py search_index --check` (scheduled) to find and repair the difference.
MAX_ATTEMPTS = 6
FIRST_RETRY = datetime.timedelta(seconds=30)


def load(key: str) -> models.Model | None:
    """The object an index key ("app_label.model:pk") names, or None if it no longer exists."""
    label, _, pk = key.rpartition(":")
    try:
        model = apps.get_model(label)
        return model._default_manager.filter(pk=model._meta.pk.to_python(pk)).first()
    except Exception:  # an unknown model or a malformed key: nothing to index under it
        logger.warning("Search: cannot read %s", key, exc_info=True)
        return None


def current_state(keys: list[str]) -> tuple[list[IndexDocument], list[str]]:
    """What the index should hold for each key now: a document, or nothing (gone, draft, private)."""
    documents: list[IndexDocument] = []
    gone: list[str] = []
    for key in keys:
        obj = load(key)
        document = build_document(obj) if obj is not None else None
        if document is None:
            gone.append(key)
        else:
            documents.append(document)
    return documents, gone


@task(queue_name=SEARCH_QUEUE)
def update_search_index(keys: list[str], attempt: int = 1) -> str:
    """Bring every engine but the database (which the editor's transaction wrote) in step with the
    current state of the objects named by `keys`. Idempotent: it reads the state when it runs."""
    from .sync import write

    engines = [engine for engine in index_engines() if engine.name != "database"]
    if not engines:
        return "no engines"
    documents, gone = current_state(keys)
    failed = [engine for engine in engines if not write(engine, documents, gone)]
    if not failed:
        return "written"
    if attempt >= MAX_ATTEMPTS or not update_search_index.get_backend().supports_defer:
        logger.error("Search: gave up writing %d objects; search_index --check will repair", len(keys))
        return "gave up"
    later = timezone.now() + FIRST_RETRY * 2 ** (attempt - 1)
    update_search_index.using(run_after=later).enqueue(keys, attempt + 1)
    return "retrying"
