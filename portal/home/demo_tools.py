"""Helpers for the apps' demo modules: create-or-update pages by slug and documents by title, so
`load_demo_content` can run any number of times without duplicating anything."""

import os
from collections.abc import Iterable
from typing import Any, TypeVar

from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Page

from .demo_files import simple_pdf

P = TypeVar("P", bound=Page)
DEV_ONLY_PASSWORD = "stockton-demo-admin"  # noqa: S105 - printed for local use; refused unless DEBUG


def demo_password() -> str | None:
    """The password of every demo account: DEMO_ADMIN_PASSWORD, or a fixed development value when
    DEBUG is on; None (no demo accounts can sign in) otherwise, so production never gets a default."""
    return os.environ.get("DEMO_ADMIN_PASSWORD") or (DEV_ONLY_PASSWORD if settings.DEBUG else None)


def paragraphs(*texts: str) -> list[dict[str, str]]:
    """StreamField data for a run of paragraphs."""
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


def heading(text: str) -> dict[str, str]:
    return {"type": "heading", "value": text}


def upsert_page(
    parent: Page, model: type[P], slug: str, *, m2m: dict[str, Iterable[Any]] | None = None, **fields: Any
) -> P:
    """The child of `parent` with this slug, created or updated with `fields`, then published."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        for name, values in (m2m or {}).items():
            getattr(page, name).set(list(values))
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
        for name, values in (m2m or {}).items():
            getattr(page, name).set(list(values))
    page.save_revision().publish()
    return page


def demo_pdf(title: str, lines: list[str]) -> Document:
    """A real PDF document in the document library, created once per title."""
    document = Document.objects.filter(title=title).first()
    if document is None:
        filename = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:80] + ".pdf"
        document = Document(title=title)
        document.file.save(filename, ContentFile(simple_pdf(title, lines)), save=False)
        document._set_document_file_metadata()  # size and hash, as the admin's upload form sets them
        document.save()
    return document
