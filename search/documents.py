"""The Elasticsearch document: one index holds every searchable type, told apart by `search_type`.

One index rather than one per type: facet counts across all types come from one request; scores
are comparable because every type shares the same term statistics (with an index per type a rare
word in a small index outranks everything); one alias swaps on rebuild; and every type indexes
the same contract fields anyway. A type filter is a `terms` filter on a keyword, which is cheap.

Analysis happens in Python, not in Elasticsearch: the `*_stems` fields hold the stems that
search/text.py computes for the database engine (snowballstemmer's Porter 2, the same stop words,
words of at most 60 characters), split on spaces and nothing else, and queries are built from the
same parsed clauses, synonyms expanded in Python. Elasticsearch's own `english` stemmer is Porter 1
("generously" and "cvs" stem differently) and its synonym filter would run before or after its own
stemmer, never on our stems; with one implementation both engines cannot drift apart. The words
as written are kept only for "did you mean" (`spelling`) and search as you type (`title.suggest`)."""

from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Integer,
    Keyword,
    SearchAsYouType,
    Text,
    analyzer,
    normalizer,
)

from .registry import IndexDocument
from .text import INDEXED_FIELDS, Terms

# Stems are letters and digits separated by single spaces: splitting on whitespace is all it takes.
stems_analyzer = analyzer("portal_stems", tokenizer="whitespace")
# Whole words, unstemmed: what "did you mean" suggests from and what titles are typed as.
words_analyzer = analyzer("portal_words", tokenizer="standard", filter=["lowercase", "asciifolding"])
sort_normalizer = normalizer("portal_sort", filter=["lowercase", "asciifolding"])


def stems_field() -> Text:
    return Text(analyzer=stems_analyzer, copy_to=["all_stems"])


class SearchDocument(Document):
    """One searchable item. Its id is the item's key ("app_label.model:pk")."""

    key = Keyword()
    search_type = Keyword()
    kind = Keyword()
    title = Text(
        analyzer=words_analyzer,
        fields={"sort": Keyword(normalizer=sort_normalizer), "suggest": SearchAsYouType()},
    )
    title_stems = stems_field()
    summary_stems = stems_field()
    # Facet labels are searchable but are not words to suggest (like the database's vocabulary).
    labels_stems = stems_field()
    body_stems = stems_field()
    all_stems = Text(analyzer=stems_analyzer)
    spelling = Text(analyzer=words_analyzer)
    url = Keyword(index=False)
    benchmarks = Integer()
    key_stages = Keyword()
    audiences = Keyword()
    settings = Keyword()
    subjects = Keyword()
    tags = Keyword()
    date = Date()
    has_places_left = Boolean()
    doc_hash = Keyword()

    @classmethod
    def from_index_document(cls, document: IndexDocument) -> "SearchDocument":
        terms = Terms.of(document)
        return cls(
            meta={"id": document.key},
            key=document.key,
            search_type=document.search_type,
            kind=document.kind,
            title=document.title,
            **{f"{name}_stems": " ".join(getattr(terms, name)) for name in INDEXED_FIELDS},
            spelling=[document.title, document.summary, document.body],
            url=document.url,
            benchmarks=list(document.benchmarks),
            key_stages=list(document.key_stages),
            audiences=list(document.audiences),
            settings=list(document.settings),
            subjects=list(document.subjects),
            tags=[slug for slug, _ in document.tags],
            date=document.date,
            has_places_left=document.has_places_left,
            doc_hash=document.doc_hash,
        )
