"""The resource bank's filters, using the portal-wide parameter names (benchmark, key_stage, type,
audience, setting, subject, tag, q, sort, page)."""

from portal.listings.facets import Facet, Sort
from portal.taxonomy.vocabulary import AUDIENCES, BENCHMARKS, KEY_STAGES, SETTINGS, SUBJECTS

from .vocabulary import ResourceKind

PAGE_SIZE = 20

SORTS: dict[str, Sort] = {
    "recent": Sort("Recently updated", ("-last_published_at", "title")),
    "title": Sort("Title (A to Z)", ("title",)),
    "reviewed": Sort("Recently reviewed", ("-last_reviewed", "title")),
}


def resource_facets() -> tuple[Facet, ...]:
    return (
        Facet(
            "benchmark",
            "Gatsby Benchmark",
            "benchmarks__number",
            tuple((str(b.number), f"{b.number}. {b.name}") for b in BENCHMARKS),
            value_noun="Gatsby Benchmark number (1 to 8)",
        ),
        Facet(
            "key_stage",
            "Key stage",
            "key_stages__code",
            tuple((k.code, f"{k.code} ({k.year_groups})") for k in KEY_STAGES),
            value_noun="key stage",
        ),
        Facet("type", "Type of resource", "kind", tuple(ResourceKind.choices), value_noun="type of resource"),
        Facet("audience", "Who it is for", "audiences__code", AUDIENCES, value_noun="audience"),
        Facet("setting", "Setting", "settings__code", SETTINGS, value_noun="setting"),
        Facet("subject", "Subject", "subjects__code", SUBJECTS, value_noun="subject"),
        Facet("tag", "Tag", "tags__slug", label_lookup="tags__name", value_noun="tag"),
    )
