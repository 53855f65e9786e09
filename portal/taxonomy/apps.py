from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    """The shared vocabulary every app tags with: Gatsby Benchmarks, key stages, audiences,
    settings, curriculum subjects and the area's schools and colleges."""

    name = "portal.taxonomy"
    label = "taxonomy"
    verbose_name = "Taxonomy"
