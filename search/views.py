"""`/search/` (the page), `/api/search/` (the same contract as JSON) and `/api/search/suggest/`
(search as you type). Any input gives a 200 and a sensible answer: parameters are validated by
SearchQuery.from_params, engines only ever see clean values, Elasticsearch failures fall back to
the database engine, and a database failure shows "search is not available" rather than a 500."""

import logging

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from django_ratelimit.decorators import ratelimit

from .contract import SORTS, SearchQuery, SearchResults
from .engines import search_engine
from .insight import record_search
from .text import clean_query_text

logger = logging.getLogger(__name__)
UNAVAILABLE = "Search is not available at the moment. Please try again in a few minutes."


def cache_headers(response: HttpResponse, results: SearchResults, available: bool) -> HttpResponse:
    """Search answers are never kept by the portal's shared page cache or by proxies: every
    search must reach the server to be counted (insight), and a degraded answer (fallback,
    unavailable) must not outlive the problem. A browser may reuse a good answer briefly."""
    if results.fell_back or not available:
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, private=True, max_age=settings.PUBLIC_CACHE_SECONDS)
    return response


def search_rate(group: str, request: HttpRequest) -> str:
    """Per address, generous for people (a class behind one school address included), low enough
    that a script cannot hammer the engines or the search-terms table (SEARCH_RATE_LIMIT)."""
    return settings.SEARCH_RATE_LIMIT


limited = ratelimit(key="ip", rate=search_rate, method="GET", block=True)


def run_search(request: HttpRequest) -> tuple[SearchResults, bool]:
    """Results for the request's parameters, and whether the search could run at all."""
    query, messages = SearchQuery.from_params(request.GET)
    try:
        results = search_engine().search(query)
    except DatabaseError:
        logger.exception("Search: the database engine failed")
        return SearchResults(
            query=query, hits=[], total=0, facets={}, engine="none", messages=messages
        ), False
    results.messages = messages + results.messages
    if query.text and query.page == 1:
        record_search(query.text, results.total)
    return results, True


@require_GET
@limited
def search_page(request: HttpRequest) -> HttpResponse:
    results, available = run_search(request)
    query = results.query
    page_obj = Paginator(range(results.total), query.page_size).get_page(query.page)
    response = render(
        request,
        "search/search.html",
        {
            "results": results,
            "query": query,
            "available": available,
            "unavailable_message": UNAVAILABLE,
            "page_obj": page_obj,
            "sorts": list(SORTS.items()),
            "selected_filters": [
                (facet.param, option)
                for facet, options in results.facet_list()
                for option in options
                if option.selected
            ],
        },
    )
    return cache_headers(response, results, available)


@require_GET
@limited
def search_api(request: HttpRequest) -> JsonResponse:
    results, available = run_search(request)
    data = results.to_json()
    if not available:
        data["messages"].append(UNAVAILABLE)
    return cache_headers(JsonResponse(data, json_dumps_params={"ensure_ascii": False}), results, available)


@require_GET
def suggest_api(request: HttpRequest) -> JsonResponse:
    """Titles for what has been typed so far: {"suggestions": [{"title", "url", "type_label"}]}."""
    text, _ = clean_query_text(request.GET.get("q", ""))
    suggestions: list[dict[str, str]] = []
    if len(text) >= 2:
        try:
            suggestions = search_engine().suggest(text)
        except DatabaseError:
            logger.exception("Search: suggestions failed")
    return JsonResponse({"suggestions": suggestions}, json_dumps_params={"ensure_ascii": False})
