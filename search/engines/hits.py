"""Turning result keys into SearchHits. Both engines end here: an engine finds keys, the database
loads what to show from the search entries, so templates never see an engine's own types."""

import html
from collections.abc import Iterable, Mapping, Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from ..contract import SearchHit
from ..models import SearchEntry, SearchEntryContent, from_bits
from ..text import highlight, snippet

# Highlighted text from an engine: (title_html, snippet_html), either may be None.
Highlights = Mapping[str, tuple[SafeString | None, SafeString | None]]


def load_hits(
    keys: Sequence[str], stems: Iterable[str], highlights: Highlights | None = None
) -> list[SearchHit]:
    """Hits for `keys`, in that order, in one query. Keys the database no longer has (an engine
    that is behind) are left out."""
    if not keys:
        return []
    stems = frozenset(stems)
    entries = {e.key: e for e in SearchEntry.objects.filter(key__in=list(keys)).select_related("content")}
    hits = []
    for key in keys:
        entry = entries.get(key)
        if entry is None:
            continue
        content = entry.content
        title_html, snippet_html = (highlights or {}).get(key, (None, None))
        hits.append(
            SearchHit(
                key=key,
                type=entry.search_type,
                type_label=content.type_label,
                kind=content.kind,
                kind_label=content.kind_label,
                title=content.title,
                title_html=title_html or highlight(content.title, stems),
                url=content.url,
                snippet_html=snippet_html or describe(content, stems),
                benchmarks=tuple(int(n) for n in from_bits("benchmark", entry.benchmark_bits)),
                key_stages=from_bits("key_stage", entry.key_stage_bits),
                date=entry.date,
                has_places_left=entry.has_places_left,
            )
        )
    return hits


def describe(entry: SearchEntryContent, stems: frozenset[str]) -> SafeString:
    """The summary, highlighted; if the words are only in the body, the best passage of the body."""
    summary = highlight(entry.summary or Truncator(entry.body).words(40), stems)
    if stems and "<mark>" not in summary and entry.body:
        return snippet(entry.body, stems) or summary
    return summary


def safe_fragment(fragment: str) -> SafeString:
    """An engine's highlighted fragment made safe: everything is escaped except our own <mark>
    tags, whatever the engine returned. (Elasticsearch is asked to HTML-encode fragments; they
    are unescaped and escaped again here so a fragment can never carry markup of its own.)"""
    pieces = []
    for i, part in enumerate(fragment.split("<mark>")):
        inside, _, after = part.partition("</mark>") if i else ("", "", part)
        if i:
            pieces.append(f"<mark>{escape(html.unescape(inside))}</mark>")
        pieces.append(escape(html.unescape(after)))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above
