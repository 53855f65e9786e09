"""The synonym list both engines use: search/text.py stems each phrase and expands a query's
words with every phrase of their group, for both engines alike (so plurals trigger them:
"apprentices" is "apprentice"). Each group lists words or phrases a teacher, parent or young
person uses for the same thing; any one finds pages that use any other.

Edit here only. SQLite and Elasticsearch pick a change up at once (the expansion is at search
time); PostgreSQL indexes a token per group, so rebuild its index after a change
(`manage.py search_index --rebuild --engine database`)."""

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
