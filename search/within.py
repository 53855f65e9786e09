"""Words within a listing: `q` on /resources/, /placements/, /events/ and the other listings.

A listing (portal.listings) narrows its facets, counts and order to the items of its own type that
the search contract finds for the words, on whichever engine answers the site search (Elasticsearch
falling back to the database engine), so `q` matches the same things on a listing as on /search/:
stems, synonyms, typos, phrases. The engines answer with keys ("app_label.model:pk"); this module
turns them into the listing's ids."""

import logging
from collections.abc import Mapping
from typing import Any

from django.db import DatabaseError
from django.db.models import Model
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from .contract import SearchQuery
from .engines import search_engine
from .text import clean_query_text
from .views import search_rate

logger = logging.getLogger(__name__)

SHORTENED = "Your search was long, so only its beginning was used."
UNAVAILABLE = "Searching within this list is not available at the moment, so your words were ignored."


def listing_text(params: Mapping[str, Any]) -> tuple[str, list[str]]:
    """The words of `q` (the first non-blank one), cleaned as the site search cleans them, and a
    message if they were shortened."""
    raw = params.getlist("q") if hasattr(params, "getlist") else list(params.get("q", ()))
    texts = [str(text) for text in raw if str(text).strip()]
    text, shortened = clean_query_text(texts[0] if texts else "")
    return text, [SHORTENED] if shortened else []


def matching_ids(text: str, model: type[Model]) -> set[int] | None:
    """The ids of the items of `model` the search contract finds for `text` (at most the engine's
    MAX_KEYS), or None when search cannot answer (the listing then ignores the words)."""
    search_type = getattr(model, "search_type", None)
    if not text or not search_type:
        return set()
    prefix = f"{model._meta.label_lower}:"
    try:
        keys = search_engine().keys(SearchQuery(text=text, types=(search_type[0],)))
    except DatabaseError:
        logger.exception("Search: narrowing a listing of %s failed", model._meta.label)
        return None
    return {
        int(key[len(prefix) :]) for key in keys if key.startswith(prefix) and key[len(prefix) :].isdigit()
    }


def over_search_rate(request: HttpRequest) -> bool:
    """Whether this address has searched more than the site search allows (SEARCH_RATE_LIMIT):
    words on a listing reach the same engines, so they count against the same limit."""
    return is_ratelimited(
        request, group="search.views.search_page", key="ip", rate=search_rate, method="GET", increment=True
    )
