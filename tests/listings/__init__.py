"""Reading a listing page as a visitor sees it: the results are cards rendered once and cached
(portal.listings.cards), so tests read their titles from the page rather than from model objects."""

import html
import re

from django.http import HttpResponse

# Every result card is a div.portal-result whose heading links to the item.
_CARD = re.compile(r'<div class="portal-result">.*?<h[34][^>]*><a [^>]*>(.*?)</a>', re.DOTALL)


def result_titles(response: HttpResponse) -> list[str]:
    """The titles of the result cards on a listing page, in the order shown."""
    assert response.status_code == 200
    return [html.unescape(title) for title in _CARD.findall(response.content.decode())]
