"""The Elasticsearch document: one index holds every searchable type, told apart by `search_type`.

One index rather than one per type: facet counts across all types come from one request; scores
are comparable because every type shares the same term statistics (with an index per type a rare
word in a small index outranks everything); one alias swaps on rebuild; and every type indexes
the same contract fields anyway. A type filter is a `terms` filter on a keyword, which is cheap.

Analysis: English stemming, possessives and stop words at index and search time; the shared
synonym list (search/synonyms.py) only at search time, as a `synonym_graph` filter, which is how
Elasticsearch handles multi-word synonyms correctly (and a changed list needs no reindex)."""

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
    token_filter,
)

from .registry import IndexDocument, label_text
from .synonyms import elasticsearch_rules

english_possessive = token_filter("portal_english_possessive", type="stemmer", language="possessive_english")
english_stop = token_filter("portal_english_stop", type="stop", stopwords="_english_")
english_stemmer = token_filter("portal_english_stemmer", type="stemmer", language="english")
synonyms = token_filter("portal_synonyms", type="synonym_graph", synonyms=elasticsearch_rules())

index_analyzer = analyzer(
    "portal_index",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", english_possessive, english_stop, english_stemmer],
)
search_analyzer = analyzer(
    "portal_search",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", english_possessive, english_stop, synonyms, english_stemmer],
)
# Whole words, unstemmed: what "did you mean" suggests from.
spelling_analyzer = analyzer("portal_spelling", tokenizer="standard", filter=["lowercase", "asciifolding"])
sort_normalizer = normalizer("portal_sort", filter=["lowercase", "asciifolding"])

TEXT_FIELDS = ("title", "summary", "labels", "body")


def english_text(copy_to: tuple[str, ...] = ("all_text", "spelling"), **kwargs) -> Text:
    return Text(analyzer=index_analyzer, search_analyzer=search_analyzer, copy_to=list(copy_to), **kwargs)


class SearchDocument(Document):
    """One searchable item. Its id is the item's key ("app_label.model:pk")."""

    key = Keyword()
    search_type = Keyword()
    kind = Keyword()
    title = english_text(
        fields={"sort": Keyword(normalizer=sort_normalizer), "suggest": SearchAsYouType()},
    )
    summary = english_text()
    # Facet labels are searchable but are not words to suggest (like the database's vocabulary).
    labels = english_text(copy_to=("all_text",))
    body = english_text()
    all_text = Text(analyzer=index_analyzer, search_analyzer=search_analyzer)
    spelling = Text(analyzer=spelling_analyzer)
    url = Keyword(index=False)
    benchmarks = Integer()
    key_stages = Keyword()
    audiences = Keyword()
    settings = Keyword()
    tags = Keyword()
    date = Date()
    has_places_left = Boolean()
    doc_hash = Keyword()

    @classmethod
    def from_index_document(cls, document: IndexDocument) -> "SearchDocument":
        return cls(
            meta={"id": document.key},
            key=document.key,
            search_type=document.search_type,
            kind=document.kind,
            title=document.title,
            summary=document.summary,
            labels=label_text(document),
            body=document.body,
            url=document.url,
            benchmarks=list(document.benchmarks),
            key_stages=list(document.key_stages),
            audiences=list(document.audiences),
            settings=list(document.settings),
            tags=[slug for slug, _ in document.tags],
            date=document.date,
            has_places_left=document.has_places_left,
            doc_hash=document.doc_hash,
        )
