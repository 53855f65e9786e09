"""Caching that invalidates itself.

Every public response and cached fragment is keyed by a site-wide *content version*, a counter in
the shared cache that goes up whenever anything the public can see changes: a page is published,
unpublished, moved or deleted, or a model of one of the portal's own apps is saved or deleted
(taxonomy terms, schools, requests that change places left...). Bumping one counter invalidates
every listing that might show the changed item, which per-object keys cannot promise.

Anonymous GET requests are served from a full-page cache; anyone with a session (editors, signed-in
contributors) always gets a fresh, private response. With several processes the cache must be
shared (Redis), or each process keeps its own version: production refuses a per-process cache."""

import hashlib
import secrets
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .shared_cache import cache_recovered

VERSION_KEY = "portal:content-version"
UNCACHED_PREFIXES = ("/admin/", "/documents/", "/django-admin/")
# Query parameters of public pages (listing filters, sorting, paging, the booklet's phase, a
# story's film, the Open Referral API's filters). A URL with any other is served, never cached.
PAGE_CACHE_PARAMETERS = frozenset(
    {
        *("q", "sort", "page", "per_page", "format", "play", "phase", "window"),
        *("benchmark", "key_stage", "type", "audience", "setting", "subject", "tag", "places"),
        *("activity", "adjustment", "area", "team", "month", "from", "to", "places_left", "when", "kind"),
        *("sector", "route", "need", "cost", "level"),
        *("search", "organization_id", "modified_after", "taxonomy_id", "taxonomy_term_id"),
        *("parent_id", "top_only", "postcode"),
    }
)


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A random start, not 1: after the cache is flushed, a process's in-memory indexes
        # (portal.listings.facet_index) must not match the restarted counter.
        cache.add(VERSION_KEY, secrets.randbits(48), timeout=None)
        version = cache.get(VERSION_KEY)
    if version is None:
        # The cache is unreachable (portal.core.shared_cache): a version nothing was built for,
        # so no process reuses anything it built before a change it could not hear about.
        return secrets.randbits(48)
    return int(version)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        content_version()


def content_changed(**kwargs: Any) -> None:
    """Signal receiver (and plain function): everything cached so far is now stale.

    Bumped now and again on commit: a request that reads the new version before the change is
    committed may cache the old content under it, and the second bump retires that. Each bump
    also asks for the listings' facet indexes to be rebuilt in the background."""
    _bump_and_rebuild()
    transaction.on_commit(_bump_and_rebuild)


def _bump_and_rebuild() -> None:
    from portal.listings.index_builds import schedule_rebuild

    _bump()
    schedule_rebuild()


def _is_portal_model(sender: type) -> bool:
    config = apps.get_containing_app_config(sender.__module__)
    return config is not None and config.name in settings.CACHE_INVALIDATING_APPS


def _model_changed(sender: type, **kwargs: Any) -> None:
    if _is_portal_model(sender) or sender is PageViewRestriction:
        content_changed()


def _bump_after_outage(**kwargs: Any) -> None:
    """cache_recovered receiver: a bump may have been lost while the cache was unreachable, and
    the listings' builds with it, so both are done again."""
    _bump_and_rebuild()


def connect_invalidation() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"portal-cache-{signal}")
    post_save.connect(_model_changed, dispatch_uid="portal-cache-save")
    post_delete.connect(_model_changed, dispatch_uid="portal-cache-delete")
    cache_recovered.connect(_bump_after_outage, dispatch_uid="portal-cache-recovered")


def _known_query(request: HttpRequest) -> bool:
    """Only the parameters the portal's pages read are cached: any other (a typo, a tracking tag,
    a random string) would make a new cache entry per URL, without bound."""
    return all(name in PAGE_CACHE_PARAMETERS for name in request.GET)


def _may_use_cache(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path_info.startswith(UNCACHED_PREFIXES)
    )


def _is_public(request: HttpRequest, response: HttpResponse) -> bool:
    user = getattr(request, "user", None)
    return (
        _may_use_cache(request)
        and response.status_code in (200, 301, 404)
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.META.get("CSRF_COOKIE_USED")
        and not (user is not None and user.is_authenticated)
        and not getattr(request, "is_preview", False)
    )


def provisional(response: HttpResponse, is_provisional: bool = True) -> HttpResponse:
    """Mark a page built from an earlier facet index (portal.listings.index_builds) as not to be
    kept: the page cache is keyed by the content version, so storing it would keep serving the
    earlier build's results for the whole version, after the current build is ready.
    PublicCacheMiddleware sends it with `no-cache` (caches and browsers must ask again) and does
    not store it."""
    response.provisional = is_provisional  # type: ignore[attr-defined]
    return response


class PublicCacheMiddleware:
    """Sets Cache-Control for a front-end cache and serves anonymous pages from the server cache.

    Public: `public, max-age=…, s-maxage=…`. Anything personal (a session, a form with a CSRF
    token, a signed-in user, the admin) is `private, no-store` and never stored."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = None
        if _may_use_cache(request) and _known_query(request):
            # Hashed: query strings can be long and memcached refuses keys over 250 characters.
            url = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
            key = f"page:{content_version()}:{url}"
            cached = cache.get(key)
            if cached is not None:
                cached["X-Cache"] = "hit"
                return cached
        response = self.get_response(request)
        if response.has_header("Cache-Control"):  # the view decided (feeds, downloads, private pages)
            return response
        if _is_public(request, response):
            provisional = getattr(response, "provisional", False)
            if provisional:
                patch_cache_control(response, public=True, no_cache=True)
            else:
                patch_cache_control(
                    response,
                    public=True,
                    max_age=settings.PUBLIC_CACHE_SECONDS,
                    s_maxage=settings.PUBLIC_CACHE_SECONDS * 5,
                )
            response["X-Cache"] = "miss"
            if key and not provisional and not response.streaming and response.status_code == 200:
                cache.set(key, response, settings.PUBLIC_CACHE_SECONDS * 5)
        else:
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ("Cookie",))
        return response
