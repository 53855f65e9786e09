"""The synonym list both engines use: the database engine expands queries with it, the
Elasticsearch engine loads it into a `synonym_graph` filter. Each group lists words or phrases a
teacher, parent or young person uses for the same thing; any one finds pages that use any other.

Edit here only: the Elasticsearch index must be rebuilt (`manage.py search_index --rebuild`)
after a change, the database engine picks a change up at once."""

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("work experience", "work placement"),
    ("apprenticeship", "apprentice"),
    ("send", "special educational needs"),
    ("post 16", "sixth form", "college"),
    ("careers leader", "careers lead"),
    ("cv", "curriculum vitae"),
    # Teachers abbreviate the Gatsby Benchmarks: "BM6", "Benchmark 6", "Gatsby 6" mean the same.
    *((f"bm{n}", f"benchmark {n}", f"gatsby {n}") for n in range(1, 9)),
)


def elasticsearch_rules() -> list[str]:
    """The groups in Solr synonym format ("a, b, c": all equivalent), as Elasticsearch reads them."""
    return [", ".join(group) for group in SYNONYM_GROUPS]
