"""Atom 1.0 feeds of every listing and of the search, at the listing's address plus `feed/`, with
the listing's own filters (`/resources/feed/?benchmark=6&key_stage=KS4`, `/search/feed/?q=...`)."""

from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed

from .sources import Item, Source, filters_of, query_string


class ListingFeed(Feed):
    """One source's newest matching items, filtered like its listing."""

    feed_type = Atom1Feed

    def __init__(self, source: Source) -> None:
        self.source = source

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().__call__(request, *args, **kwargs)
        # Anonymous and public, like the listings: proxies and readers may keep it a while.
        patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        return response

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> QueryDict:
        return filters_of(request.GET)

    def title(self, params: QueryDict) -> str:
        return f"Stockton Careers Portal: {self.source.title}" + (" (filtered)" if params else "")

    def subtitle(self, params: QueryDict) -> str:
        return f"New and updated: {self.source.title.lower()}"

    def link(self, params: QueryDict) -> str:
        query = query_string(params)
        return self.source.url() + (f"?{query}" if query else "")

    def items(self, params: QueryDict) -> list[Item]:
        return self.source.items(params)

    def item_title(self, item: Item) -> str:
        return item.title

    def item_description(self, item: Item) -> str:
        return item.summary

    def item_link(self, item: Item) -> str:
        return item.url

    def item_guid(self, item: Item) -> str:
        return item.url

    def item_updateddate(self, item: Item):
        return item.updated

    def item_pubdate(self, item: Item):
        return item.updated

    def item_categories(self, item: Item) -> list[str]:
        return [item.kind]

    def author_name(self) -> str:
        return "Stockton-on-Tees Borough Council"
