"""Anonymous search insight: how often each term is searched for each day, and how often it
finds nothing. Editors read it in the admin report (Reports > Search terms) to see what
teachers look for and what the portal lacks. No user, session, IP address or time is stored."""

import logging

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
            if not counted:
                SearchTermCount.objects.create(day=day, term=term, searches=1, zero_results=zero)
    except IntegrityError:
        # Another request created today's row first: count on it.
        _count_once_more(day, term, zero)
    except DatabaseError:
        logger.exception("Search: could not record a search term")
