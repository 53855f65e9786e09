"""A shortlist's printable pack: a PDF of its entries, rendered with WeasyPrint by the task
`build_shortlist_pack` (on the `builds` backend, run by the worker) into the default storage, and
sent from there (docs/alerts-feeds-shortlists.md).

A pack is named by the shortlist's ids and the site's content version, `packs/<version>-<ids
digest>.pdf`: any change to public content gives new names, so a pack never shows an entry as it
was before a change, or one since unpublished. Packs hold nothing personal, but the storage must
not grow for ever: `manage.py purge_shortlist_packs` (nightly) deletes those older than a week."""

import datetime
import hashlib
import logging
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django_tasks import task

from portal.core import stored_builds
from portal.core.caching import content_version

from . import lists

logger = logging.getLogger(__name__)

FOLDER = "packs"
RETENTION_DAYS = 7


@dataclass(frozen=True)
class Pack:
    """The pack of one list of page ids at one content version."""

    ids: tuple[int, ...]
    version: int

    @classmethod
    def current(cls, ids: list[int]) -> "Pack":
        return cls(tuple(ids), content_version())

    @property
    def name(self) -> str:
        # Hashed: thirty ids would make a long file name. Order counts: the pack follows the list.
        digest = hashlib.sha256(",".join(map(str, self.ids)).encode()).hexdigest()[:32]
        return f"{FOLDER}/{self.version}-{digest}.pdf"

    def stored(self) -> bool:
        return default_storage.exists(self.name)

    @property
    def marker(self) -> str:
        return f"shortlists:pack:queued:{self.name}"

    def schedule(self) -> None:
        """Queue its build, once while it waits; with the immediate backend it is built now."""
        stored_builds.queue_once(self.marker, build_shortlist_pack, list(self.ids), self.version)


def render_pdf(ids: list[int]) -> bytes:
    """The pack as a tagged PDF, fetching nothing outside the document (stored_builds.render_pdf);
    links are printed as full addresses from each page's site."""
    html = render_to_string("shortlists/pack.html", {"entries": lists.entries(ids)})
    return stored_builds.render_pdf(html)


@task(backend="builds")
def build_shortlist_pack(ids: list[int], version: int) -> str:
    """Render and store the pack of `ids` under `version`, unless it is already stored (a task
    run twice renders once). Content read later than `version` is harmless: requests ask for the
    current version, so a pack stored under an older one is never sent, only purged."""
    pack = Pack(tuple(ids), version)
    if not pack.stored():
        started = time.perf_counter()
        default_storage.save(pack.name, ContentFile(render_pdf(ids)))
        logger.info("Shortlist pack of %d items built in %.2f s", len(ids), time.perf_counter() - started)
    # No longer waiting: if the pack is purged, the next request for it queues it again.
    cache.delete(pack.marker)
    return pack.name


def purge(older_than: datetime.datetime) -> int:
    """Delete the packs stored before `older_than`; how many were deleted."""
    try:
        _, files = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    deleted = 0
    for file in files:
        name = f"{FOLDER}/{file}"
        if file.endswith(".pdf") and default_storage.get_modified_time(name) < older_than:
            default_storage.delete(name)
            deleted += 1
    return deleted
