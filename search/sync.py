"""Keeping every engine in step with the content.

Pages: published, unpublished, moved, slug changed (descendants' URLs change), deleted, and
made private or public (view restrictions). Other searchable models (snippets): saved and deleted.

The database engine is written in the editor's own transaction, inside a savepoint, so it commits
or rolls back with the page. Other engines (Elasticsearch) are written by a background task
(search.tasks.update_search_index) queued once the transaction commits, so they never index what
was rolled back and a publish never waits for them; the task re-reads each object, so running it
late, twice or out of order still leaves the index matching the database. Any failure is logged
and swallowed: search must never stop an editor publishing. `manage.py search_index --check`
finds what a failure left behind and `--rebuild` repairs it."""

import functools
import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .engines import Engine, index_engines
from .registry import IndexDocument, build_document, is_searchable, object_key

logger = logging.getLogger(__name__)
_paused = threading.local()


@contextmanager
def paused() -> Iterator[None]:
    """Inside, changes on this thread are not indexed one by one: for a bulk load that rebuilds
    every index once it is done (the demo loader), instead of writing each page's entry and
    word counts as it is published."""
    outer = getattr(_paused, "active", False)
    _paused.active = True
    try:
        yield
    finally:
        _paused.active = outer


def update_objects(objects: Iterable[models.Model]) -> None:
    """Index each object if it should be found by search, else remove it from every engine."""
    documents: list[IndexDocument] = []
    gone: list[str] = []
    for obj in objects:
        try:
            document = build_document(obj)
        except Exception:
            logger.exception("Search: could not build the document for %s", object_key(obj))
            continue
        if document is None:
            gone.append(object_key(obj))
        else:
            documents.append(document)
    apply_changes(documents, gone)


def apply_changes(documents: Sequence[IndexDocument], gone: Sequence[str]) -> None:
    engines = index_engines()
    for engine in engines:
        if engine.name == "database":
            write(engine, documents, gone)
    if any(engine.name != "database" for engine in engines):
        keys = sorted({document.key for document in documents} | set(gone))
        transaction.on_commit(functools.partial(_queue_index_update, keys), robust=True)


def _queue_index_update(keys: list[str]) -> None:
    from .tasks import update_search_index

    update_search_index.enqueue(keys)


def write(engine: Engine, documents: Sequence[IndexDocument], gone: Sequence[str]) -> bool:
    """Apply the changes to one engine; False (and logged) if it failed."""
    try:
        # A savepoint: a database error here rolls back the index write only, never the
        # editor's transaction (on PostgreSQL an error would otherwise poison it).
        with transaction.atomic():
            if gone:
                engine.delete(gone)
            if documents:
                engine.upsert(documents)
    except Exception:
        logger.exception("Search: could not update the %s index", engine.name)
        return False
    return True


def _searchable_subtree(page: Page) -> list[models.Model]:
    pages = Page.objects.descendant_of(page, inclusive=True).specific()
    return [p for p in pages if is_searchable(type(p))]


def _guarded(handler):
    """Signal handlers never raise (finding out which objects to update can fail too), and do
    nothing while indexing is paused."""

    @functools.wraps(handler)
    def guarded(*args: Any, **kwargs: Any) -> None:
        if getattr(_paused, "active", False):
            return
        try:
            handler(*args, **kwargs)
        except Exception:
            logger.exception("Search: index update failed in %s", handler.__name__)

    return guarded


@_guarded
def on_page_published_or_unpublished(sender: type, instance: Page, **kwargs: Any) -> None:
    page = instance.specific
    if is_searchable(type(page)):
        update_objects([page])


@_guarded
def on_page_path_changed(sender: type, instance: Page, **kwargs: Any) -> None:
    update_objects(_searchable_subtree(instance))


@_guarded
def on_view_restriction_changed(sender: type, instance: PageViewRestriction, **kwargs: Any) -> None:
    # When a page is deleted its restrictions go with it: nothing left to update.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        update_objects(_searchable_subtree(page))


@_guarded
def on_saved(sender: type, instance: models.Model, **kwargs: Any) -> None:
    # Pages are indexed when published, not whenever a draft is saved.
    if is_searchable(sender) and not isinstance(instance, Page) and not kwargs.get("raw"):
        update_objects([instance])


@_guarded
def on_deleted(sender: type, instance: models.Model, **kwargs: Any) -> None:
    if is_searchable(sender):
        apply_changes([], [object_key(instance)])


@_guarded
def on_placement_changed(sender: type, page_id: int, **kwargs: Any) -> None:
    """Places taken or freed, or a listing confirmed: no publish happens, so no other signal."""
    update_objects(sender.objects.filter(pk=page_id))


def connect() -> None:
    from placements.signals import placement_changed

    placement_changed.connect(on_placement_changed, dispatch_uid="search-placement-changed")
    page_published.connect(on_page_published_or_unpublished, dispatch_uid="search-page-published")
    page_unpublished.connect(on_page_published_or_unpublished, dispatch_uid="search-page-unpublished")
    post_page_move.connect(on_page_path_changed, dispatch_uid="search-page-moved")
    page_slug_changed.connect(on_page_path_changed, dispatch_uid="search-page-slug")
    post_save.connect(
        on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restricted"
    )
    post_delete.connect(
        on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-unrestricted"
    )
    post_save.connect(on_saved, dispatch_uid="search-saved")
    post_delete.connect(on_deleted, dispatch_uid="search-deleted")
