"""A shortlist is a signed list of page ids in its own URL: no account, no session, nothing
stored. Anyone with the link sees the same list; changing it gives a new link."""

from dataclasses import dataclass
from typing import Any

from django.core import signing
from wagtail.models import Page

SALT = "shortlists.list"
MAX_ITEMS = 30
# What may be shortlisted (app_label.ModelName of the page type).
KINDS = {
    "resources.resourcepage": "Resource",
    "placements.placementpage": "Placement",
    "events.eventpage": "Event",
}


def dumps(ids: list[int]) -> str:
    return signing.dumps(ids[:MAX_ITEMS], salt=SALT, compress=True)


def loads(token: str) -> list[int] | None:
    """The ids of a shortlist link, or None if the link was changed or is not one."""
    try:
        ids = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
        return None
    return ids[:MAX_ITEMS]


@dataclass(frozen=True)
class Entry:
    """One shortlisted page, with what a pack prints about it."""

    page: Page
    kind: str
    document: dict[str, Any]
    files: list[str]


def entries(ids: list[int]) -> list[Entry]:
    """The shortlisted pages still live and public, in the order they were added."""
    pages = {
        page.pk: page
        for page in Page.objects.live().public().filter(pk__in=ids).specific()
        if page._meta.label_lower in KINDS
    }
    found = []
    for pk in ids:
        if (page := pages.get(pk)) is not None:
            files = [str(f) for f in page.files.all()] if hasattr(page, "files") else []
            found.append(Entry(page, KINDS[page._meta.label_lower], page.search_document(), files))
    return found


def can_shortlist(page: Page) -> bool:
    return page._meta.label_lower in KINDS
