"""Bulk copies of demo pages for the benchmarks: tens of thousands of real Wagtail pages in seconds.

Wagtail's add_child() takes milliseconds per page (tree bookkeeping, revisions, signals), far too
slow for 50,000 pages, and Django's bulk_create refuses multi-table inheritance. So this writes the
tree rows with bulk_create and the page type's own table with one INSERT per batch, numbering the
treebeard paths itself, then copies many-to-many links. The pages are live and published, exactly
like demo pages apart from title and slug."""

import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection, models, transaction
from modelcluster.fields import ParentalKey
from wagtail.models import Page

from portal.core.caching import content_changed

BATCH = 2000


def _path_for(parent: Page, position: int) -> str:
    """Treebeard's materialised path of the parent's `position`-th child (1-based)."""
    alphabet, steplen = Page.alphabet, Page.steplen
    digits = ""
    while position:
        position, remainder = divmod(position, len(alphabet))
        digits = alphabet[remainder] + digits
    return parent.path + digits.rjust(steplen, alphabet[0])


def _copy_value(field: models.Field, template: Page, page: Page) -> Any:
    """The template's value, made unique per copy where the column must be unique (ids for APIs)."""
    value = getattr(template, field.attname)
    if field.unique:
        value = uuid.uuid4() if isinstance(field, models.UUIDField) else f"{value}-{page.pk}"
    return field.get_db_prep_save(value, connection)


def _child_table_rows(template: Page, pages: list[Page]) -> tuple[str, list[str], list[list[Any]]]:
    model = type(template)
    fields = [f for f in model._meta.local_concrete_fields if not f.primary_key]
    columns = [model._meta.pk.column, *(f.column for f in fields)]
    return (
        model._meta.db_table,
        columns,
        [[page.pk, *(_copy_value(f, template, page) for f in fields)] for page in pages],
    )


def _insert(table: str, columns: list[str], rows: list[list[Any]]) -> None:
    quote = connection.ops.quote_name
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) VALUES ({placeholders})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _copy_many_to_many(template: Page, pages: list[Page]) -> None:
    for field in type(template)._meta.many_to_many:
        if not isinstance(field, models.ManyToManyField):  # tags are a different kind of manager
            continue
        through = field.remote_field.through
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        targets = list(through.objects.filter(**{source: template.pk}).values_list(f"{target}_id", flat=True))
        through.objects.bulk_create(
            [through(**{f"{source}_id": page.pk, f"{target}_id": t}) for page in pages for t in targets],
            batch_size=BATCH,
        )


def _copy_rows(template: Page, pages: list[Page], also: Iterable[str]) -> None:
    """Copies the rows that belong to the page: its ParentalKey children from its own app (files,
    windows, tags, open days...) and the reverse relations named in `also`."""
    model = type(template)
    for relation in model._meta.related_objects:
        owned = (
            isinstance(relation.field, ParentalKey)
            and relation.related_model._meta.app_label == model._meta.app_label
        )
        if not (owned or relation.get_accessor_name() in also):
            continue
        related, link = relation.related_model, relation.field.attname
        fields = [f for f in related._meta.concrete_fields if not f.primary_key and f.attname != link]
        rows = list(
            related._default_manager.filter(**{link: template.pk}).values(*(f.attname for f in fields))
        )
        unique = [f for f in fields if f.unique]
        related._default_manager.bulk_create(
            [
                related(**{**row, link: page.pk, **{f.attname: _unique_value(f, row, page) for f in unique}})
                for page in pages
                for row in rows
            ],
            batch_size=BATCH,
        )


def _unique_value(field: models.Field, row: dict[str, Any], page: Page) -> Any:
    value = row[field.attname]
    return uuid.uuid4() if isinstance(field, models.UUIDField) else f"{value}-{page.pk}"


def clone_pages(
    template: Page,
    count: int,
    *,
    vary: Callable[[Page, int], None] | None = None,
    prefix: str = "bench",
    also: Iterable[str] = (),
) -> int:
    """Adds `count` live copies of `template` (a specific page) under its parent, with its own
    child rows (see `_copy_rows`). `vary(page, n)` may change base Page fields (title, slug...) of
    each copy before it is written. Like a real publish, it bumps the content version, so listings,
    facet indexes and cached fragments show the copies."""
    parent = template.get_parent()
    specific_type = type(template)
    with transaction.atomic():
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        start = parent.numchild
        done = 0
        while done < count:
            batch: list[Page] = []
            for n in range(done, min(done + BATCH, count)):
                position = start + n + 1
                page = Page(
                    title=f"{template.title} ({prefix} {n})",
                    draft_title=f"{template.title} ({prefix} {n})",
                    slug=f"{prefix}-{template.slug}-{n}"[:255],
                    content_type_id=template.content_type_id,
                    locale_id=template.locale_id,
                    path=_path_for(parent, position),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{prefix}-{template.slug}-{n}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=template.first_published_at,
                    last_published_at=template.last_published_at,
                    show_in_menus=False,
                )
                if vary:
                    vary(page, n)
                batch.append(page)
            created = Page.objects.bulk_create(batch, batch_size=BATCH)
            if connection.vendor == "sqlite" and created and created[0].pk is None:
                by_path = dict(
                    Page.objects.filter(path__in=[p.path for p in batch]).values_list("path", "pk")
                )
                for page in created:
                    page.pk = page.id = by_path[page.path]
            _insert(*_child_table_rows(template, created))
            _copy_many_to_many(template, created)
            _copy_rows(template, created, also)
            done += len(created)
        Page.objects.filter(pk=parent.pk).update(numchild=models.F("numchild") + count)
        content_changed()  # bulk_create sends no page_published signal
    assert specific_type.objects.child_of(parent).count() >= count
    return count
