"""The database engine's index, the spelling vocabulary, anonymous search insight and the record
of imported resources.

The index is denormalised and split in two, one row each per live, public searchable item:
SearchEntry is narrow (what filtering, counting and sorting read: type, facets, date, sort title)
and SearchEntryContent holds what a result shows (title, summary, body, URL), read only for the
page of hits. Counting facets over 50,000 matching items then reads a few megabytes, not the
hundred or so the text would add. Fixed-vocabulary facets (benchmarks, key stages, audiences,
settings) are bit sets in one small integer each; tags are open-ended, so they keep a child table.
Facet counts come from per-process bitsets built from these tables (search/engines/bitsets.py),
rebuilt when SearchIndexState's version changes.

The full-text index lives beside them, created by migration 0002 for the database in use: an FTS5
table on SQLite, a table of two `tsvector`s (one GIN-indexed) on PostgreSQL."""

from django.db import models

from portal.taxonomy.vocabulary import BENCHMARKS, KEY_STAGE_CODES

from .registry import AUDIENCE_CODES, SETTING_CODES

# Bit positions are the vocabulary's order; `search_index --rebuild` after the vocabulary changes.
BIT_CODES: dict[str, tuple[str, ...]] = {
    "benchmark": tuple(str(b.number) for b in BENCHMARKS),
    "key_stage": KEY_STAGE_CODES,
    "audience": AUDIENCE_CODES,
    "setting": SETTING_CODES,
}


def to_bits(facet: str, values: tuple) -> int:
    codes = BIT_CODES[facet]
    return sum(1 << codes.index(str(v)) for v in values if str(v) in codes)


def from_bits(facet: str, bits: int) -> tuple[str, ...]:
    return tuple(code for i, code in enumerate(BIT_CODES[facet]) if bits & (1 << i))


FACET_COLUMNS = (
    "search_type",
    "benchmark_bits",
    "key_stage_bits",
    "audience_bits",
    "setting_bits",
    "has_places_left",
)


class SearchEntry(models.Model):
    """One searchable item in the database engine's index: its facets and sort keys."""

    key = models.CharField(max_length=120, unique=True)
    search_type = models.CharField(max_length=40)
    title_sort = models.CharField(max_length=100)
    date = models.DateField(null=True, blank=True)
    has_places_left = models.BooleanField(null=True)
    benchmark_bits = models.PositiveSmallIntegerField(default=0)
    key_stage_bits = models.PositiveSmallIntegerField(default=0)
    audience_bits = models.PositiveSmallIntegerField(default=0)
    setting_bits = models.PositiveSmallIntegerField(default=0)
    doc_hash = models.CharField(max_length=32)

    class Meta:
        verbose_name_plural = "search entries"
        indexes = [
            models.Index(fields=["-date", "id"], name="search_entry_newest"),
            models.Index(fields=["title_sort", "id"], name="search_entry_title"),
        ]

    def __str__(self) -> str:
        return self.key


class SearchEntryContent(models.Model):
    """What a search result shows for an entry."""

    entry = models.OneToOneField(
        SearchEntry, on_delete=models.CASCADE, primary_key=True, related_name="content"
    )
    type_label = models.CharField(max_length=80)
    kind = models.CharField(max_length=40, blank=True)
    kind_label = models.CharField(max_length=80, blank=True)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    indexed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.title


class SearchIndexState(models.Model):
    """One row: a random version, replaced by every write to the database index, so each process
    knows when its facet bitsets are out of date."""

    version = models.CharField(max_length=32)

    def __str__(self) -> str:
        return self.version


class SearchEntryTag(models.Model):
    """A tag of a search entry (the one open-ended facet)."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="tags")
    slug = models.CharField(max_length=100)
    name = models.CharField(max_length=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "slug"], name="search_tag_once_per_entry")]
        indexes = [
            models.Index(fields=["slug", "entry"], name="search_tag_slug"),
            # Tag counts join from the matching entries and read the name without touching rows.
            models.Index(fields=["entry", "slug", "name"], name="search_tag_entry"),
        ]

    def __str__(self) -> str:
        return self.name


class SearchWord(models.Model):
    """A word of the indexed text and how many entries use it, for typo tolerance (the most used
    of equally close words wins) and search as you type. Kept exact as entries come and go."""

    word = models.CharField(max_length=60, unique=True)
    stem = models.CharField(max_length=60, db_index=True)
    initial = models.CharField(max_length=1)
    length = models.PositiveSmallIntegerField()
    entries = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["initial", "length"], name="search_word_shape")]

    def __str__(self) -> str:
        return self.word


class SearchTermCount(models.Model):
    """How often a search term was searched for on one day, and how often it found nothing.
    Anonymous by design: no user, session, IP address or time of day is stored."""

    day = models.DateField()
    term = models.CharField(max_length=100)
    searches = models.PositiveIntegerField(default=0)
    zero_results = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "term"], name="search_term_once_a_day")]
        indexes = [models.Index(fields=["-day"], name="search_term_day")]

    def __str__(self) -> str:
        return f"{self.term} ({self.day})"


class ImportedResource(models.Model):
    """Which resource page a spreadsheet row (by its `id` column) became, so a re-import updates
    that page instead of adding another."""

    source_id = models.CharField(max_length=100, unique=True)
    page = models.ForeignKey("resources.ResourcePage", on_delete=models.CASCADE, related_name="+")
    imported_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.source_id
