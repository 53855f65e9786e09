"""The resource bank's filters, using the portal-wide parameter names (benchmark, key_stage, type,
audience, setting, tag, sort, page)."""

from collections.abc import Mapping
from typing import Any

from portal.taxonomy.facets import Facet, first_valid
from portal.taxonomy.vocabulary import AUDIENCES, BENCHMARKS, KEY_STAGES, SETTINGS

PAGE_SIZE = 20

# sort parameter value -> (label, ORM ordering)
SORTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "recent": ("Recently updated", ("-last_published_at", "title")),
    "title": ("Title (A to Z)", ("title",)),
    "reviewed": ("Recently reviewed", ("-last_reviewed", "title")),
}


def resource_facets() -> tuple[Facet, ...]:
    # Imported here so that the choices stay defined once, on the model.
    from .models import ResourceKind

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
        Facet("tag", "Tag", "tags__slug", label_lookup="tags__name", value_noun="tag"),
    )


def sort_from_params(params: Mapping[str, Any]) -> str:
    return first_valid(params.getlist("sort"), SORTS, "recent")
