"""PDFs built by a task into the default storage and sent from there, so no visitor waits for a
render: the school booklet (directory.booklet) and shortlist packs (shortlists.packs).

Each caller knows where its builds live and which one is current; what they share is here: render
the PDF, queue a build once while it waits (a marker in the cache), send a stored build, and answer
a quick 503 with `Retry-After` while there is none yet (docs/background-builds.md)."""

import logging
from typing import Any

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django_tasks.base import Task

logger = logging.getLogger(__name__)

# While a build is queued, requests and changes do not queue another for the same key. A worker
# that loses the task (killed mid-build) costs at most this long before a request queues it again.
QUEUED_SECONDS = 10 * 60
# Stored builds are named by what they show, so a URL's response may change with the next build.
SENT_MAX_AGE = 300


def render_pdf(html: str, css: str | None = None, base_url: str | None = None) -> bytes:
    """`html` (and `css`) as a tagged PDF. Only `data:` URLs may be fetched, so a page can never
    make the server request a URL: editors' links stay links and other images are left out.
    WeasyPrint is imported here, not at start-up: only the task worker renders, and the import
    costs every other process half a second."""
    from weasyprint import CSS, HTML, URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    stylesheets = [CSS(string=css, url_fetcher=fetcher)] if css is not None else []
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(
        stylesheets=stylesheets, pdf_tags=True
    )


def queue_once(marker: str, task: Task, *args: Any) -> None:
    """Enqueue `task(*args)` unless `marker` says it is already waiting. With the immediate backend
    (development, tests) the build happens now. Never fails the caller: a failure is logged."""
    try:
        if cache.add(marker, 1, QUEUED_SECONDS):
            task.enqueue(*args)
    except Exception:
        logger.exception("Could not queue %s%r", task.name, args)
        cache.delete(marker)


def send_pdf(name: str, filename: str, *, attachment: bool) -> FileResponse:
    """The stored PDF `name`, offered as `filename`."""
    response = FileResponse(
        default_storage.open(name),
        content_type="application/pdf",
        as_attachment=attachment,
        filename=filename,
    )
    response["Cache-Control"] = f"public, max-age={SENT_MAX_AGE}"
    return response


def not_ready(request: HttpRequest, template: str, context: dict[str, Any], retry_after: int) -> HttpResponse:
    """A 503 page saying the PDF is being made: 503 because it carries `Retry-After`, which
    clients and caches honour there (not on a 202), and is never stored by a cache."""
    response = render(request, template, context, status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response
