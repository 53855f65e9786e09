"""Turning result keys into SearchHits. Both engines end here: an engine finds keys, the database
loads what to show from the search entries, so templates never see an engine's own types."""

from collections.abc import Iterable, Sequence

from django.utils.safestring import SafeString
from django.utils.text import Truncator

from ..contract import SearchHit
from ..models import SearchEntry, SearchEntryContent, from_bits
from ..text import highlight, snippet


def load_hits(keys: Sequence[str], stems: Iterable[str]) -> list[SearchHit]:
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
        hits.append(
            SearchHit(
                key=key,
                type=entry.search_type,
                type_label=content.type_label,
                kind=content.kind,
                kind_label=content.kind_label,
                title=content.title,
                title_html=highlight(content.title, stems),
                url=content.url,
                snippet_html=describe(content, stems),
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
