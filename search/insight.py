"""Anonymous search insight: how often each term is searched for each day, and how often it
finds nothing. Editors read it in the admin report (Reports > Search terms) to see what
teachers look for and what the portal lacks. No user, session, IP address or time is stored.

The table is bounded: each day takes at most SEARCH_NEW_TERMS_PER_DAY distinct terms (later new
terms that day are not recorded; terms already recorded keep counting), and
`manage.py prune_search_terms` deletes days older than SEARCH_TERM_RETENTION_DAYS. Searches
themselves are rate limited per address (search.views). See docs/security.md."""

import logging

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import SearchTermCount

logger = logging.getLogger(__name__)
MAX_TERM_LENGTH = 100


def normalise_term(text: str) -> str:
    return " ".join(text.lower().split())[:MAX_TERM_LENGTH]


def _count_once_more(day, term: str, zero: int) -> None:
    try:
        SearchTermCount.objects.filter(day=day, term=term).update(
            searches=F("searches") + 1, zero_results=F("zero_results") + zero
        )
    except DatabaseError:
        logger.exception("Search: could not record a search term")


def _room_for_a_new_term(day) -> bool:
    return SearchTermCount.objects.filter(day=day).count() < settings.SEARCH_NEW_TERMS_PER_DAY


def record_search(text: str, total: int) -> None:
    """Count one search for `text` today. Never raises: insight must not break a search."""
    term = normalise_term(text)
    if not term:
        return
    day = timezone.localdate()
    zero = 1 if total == 0 else 0
    try:
        with transaction.atomic():
            counted = SearchTermCount.objects.filter(day=day, term=term).update(
                searches=F("searches") + 1, zero_results=F("zero_results") + zero
            )
            if not counted and _room_for_a_new_term(day):
                SearchTermCount.objects.create(day=day, term=term, searches=1, zero_results=zero)
    except IntegrityError:
        # Another request created today's row first: count on it.
        _count_once_more(day, term, zero)
    except DatabaseError:
        logger.exception("Search: could not record a search term")
