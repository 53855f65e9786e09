"""Listing cards rendered once and kept in the shared cache.

A listing page (resources, placements, services, events, stories, post-16 places) shows twenty
results; rendering their cards and loading what they show (tags, teams, open windows) is most of
the work of a page that the page cache cannot answer: a signed-in editor's, or any visitor's after
a publish. Each card's HTML is cached under the site's content version (portal.core.caching), so a
card can only be as old as the last change to anything public, as with Wagtail's
`{% wagtailcache %}` fragments; cards that show "what is still to come" (open windows, next open
day) are keyed by today's date too. A page then costs one `get_many`, and only the cards not yet
cached are loaded, in a fixed number of queries, and rendered."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.template.loader import get_template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from portal.core.caching import content_version
from portal.listings.facet_index import Fetch, rows

# Cards are keyed by the content version, so they never go stale; the timeout only bounds memory.
CARD_SECONDS = 60 * 60


@dataclass(frozen=True)
class Card:
    """How a listing shows one result: the `template` that renders it with the item as `name`,
    and `load`, which selects and prefetches what the template shows."""

    model: type[Model]
    template: str
    name: str
    load: Callable[[QuerySet], QuerySet]
    # True when the card shows what is still to come, so it changes at midnight.
    dated: bool = False

    def fetch(self, request: HttpRequest) -> Fetch:
        """A facet index Fetch (portal.listings.facet_index) giving the cards' HTML for a page of ids."""
        return lambda ids: self.render(request, ids)

    def render(self, request: HttpRequest, ids: list[int]) -> list[SafeString]:
        prefix = self._prefix()
        keys = {pk: f"{prefix}:{pk}" for pk in ids}
        found: dict[str, Any] = cache.get_many(list(keys.values()))
        missing = [pk for pk in ids if keys[pk] not in found]
        if missing:
            template = get_template(self.template)
            fresh = {
                keys[item.pk]: template.render({self.name: item, "request": request})
                for item in rows(self.model, self.load)(missing)
            }
            cache.set_many(fresh, CARD_SECONDS)
            found.update(fresh)
        # The HTML is the template's own output, escaped when it was rendered.
        return [mark_safe(found[keys[pk]]) for pk in ids if keys[pk] in found]  # noqa: S308

    def _prefix(self) -> str:
        day = timezone.localdate().isoformat() if self.dated else ""
        return f"portal:card:{self.template}:{content_version()}:{day}"
