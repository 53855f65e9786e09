"""Which models are searchable, and the documents they give the engines.

A content app makes a model searchable by giving it a `search_type` class attribute, ("slug",
"Label"), and a `search_document()` method returning plain data (see search/README.md). The search
app finds every installed model that has both, so a new content type needs no change here.
`search_document()` may return None to say "not searchable right now" (an expired listing).
It may also add "kind_label", the human name of "kind"."""

import datetime
import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.text import slugify
from wagtail.models import Page

from portal.taxonomy.vocabulary import (
    AUDIENCES,
    BENCHMARK_NUMBERS,
    BENCHMARKS,
    KEY_STAGE_CODES,
    KEY_STAGES,
    SETTINGS,
    SUBJECTS,
)

logger = logging.getLogger(__name__)

MAX_BODY_CHARS = 20_000
AUDIENCE_CODES = tuple(code for code, _ in AUDIENCES)
SETTING_CODES = tuple(code for code, _ in SETTINGS)
SUBJECT_CODES = tuple(code for code, _ in SUBJECTS)


@dataclass(frozen=True)
class IndexDocument:
    """One searchable item as both engines index it, validated and normalised."""

    key: str  # "app_label.model:pk", stable across databases (content type ids are not)
    search_type: str
    type_label: str
    kind: str
    kind_label: str
    title: str
    summary: str
    body: str
    url: str
    benchmarks: tuple[int, ...]
    key_stages: tuple[str, ...]
    audiences: tuple[str, ...]
    settings: tuple[str, ...]
    tags: tuple[tuple[str, str], ...]  # (slug, name)
    date: datetime.date | None
    has_places_left: bool | None
    # Curriculum subjects (codes), found by their names like the other labels (label_text).
    subjects: tuple[str, ...] = ()

    @property
    def doc_hash(self) -> str:
        """A fingerprint of everything indexed, so `search_index --check` can spot stale entries."""
        data = json.dumps(asdict(self), sort_keys=True, default=str)
        return hashlib.sha256(data.encode()).hexdigest()[:32]


def is_searchable(model: type[models.Model]) -> bool:
    search_type = getattr(model, "search_type", None)
    return (
        isinstance(search_type, tuple)
        and len(search_type) == 2
        and callable(getattr(model, "search_document", None))
        and not model._meta.abstract
        and not model._meta.proxy
    )


def searchable_models() -> list[type[models.Model]]:
    return [model for model in apps.get_models() if is_searchable(model)]


def search_types() -> list[tuple[str, str]]:
    """(slug, label) of every searchable type, in INSTALLED_APPS order, each slug once."""
    return list(dict.fromkeys(tuple(model.search_type) for model in searchable_models()))


def object_key(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def _in_order(values: Iterable[Any], allowed: tuple, what: str, key: str) -> tuple:
    given = set(values or ())
    unknown = given - set(allowed)
    if unknown:
        logger.warning("Search: %s ignores unknown %s %s", key, what, sorted(map(str, unknown)))
    return tuple(value for value in allowed if value in given)


def _as_date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    return value if isinstance(value, datetime.date) else None


def build_document(obj: models.Model, *, checked: bool = False) -> IndexDocument | None:
    """The document for `obj`, or None if it should not be found by search (draft, private,
    no URL, or its `search_document()` says so). `checked` skips the live/public check for objects
    that come from `indexable_objects()`."""
    if not checked and not is_indexable(obj):
        return None
    data = obj.search_document()
    if not data or not str(data.get("title", "")).strip() or not data.get("url"):
        return None
    key = object_key(obj)
    search_type, type_label = obj.search_type
    kind = str(data.get("kind") or "")
    tags = {
        slugify(str(name))[:100]: str(name)[:100] for name in data.get("tags") or () if slugify(str(name))
    }
    return IndexDocument(
        key=key,
        search_type=str(search_type),
        type_label=str(type_label),
        kind=kind,
        kind_label=str(data.get("kind_label") or kind.replace("-", " ").capitalize()),
        title=str(data["title"]).strip()[:255],
        summary=str(data.get("summary") or "").strip(),
        body=str(data.get("body") or "").strip()[:MAX_BODY_CHARS],
        url=str(data["url"]),
        benchmarks=_in_order(data.get("benchmarks"), tuple(sorted(BENCHMARK_NUMBERS)), "benchmarks", key),
        key_stages=_in_order(data.get("key_stages"), KEY_STAGE_CODES, "key stages", key),
        audiences=_in_order(data.get("audiences"), AUDIENCE_CODES, "audiences", key),
        settings=_in_order(data.get("settings"), SETTING_CODES, "settings", key),
        subjects=_in_order(data.get("subjects"), SUBJECT_CODES, "subjects", key),
        tags=tuple(sorted(tags.items())),
        date=_as_date(data.get("date")),
        has_places_left=data.get("has_places_left")
        if isinstance(data.get("has_places_left"), bool)
        else None,
    )


def is_indexable(obj: models.Model) -> bool:
    """Live, public objects only: a page must be published and outside any private section; a
    snippet with draft state must be live."""
    if getattr(obj, "live", True) is False:
        return False
    if isinstance(obj, Page):
        return not obj.get_view_restrictions().exists()
    return True


def indexable_objects(model: type[models.Model]) -> Iterator[models.Model]:
    """Every object of `model` that may be indexed (pages of exactly this type, so a page type
    that subclasses another is indexed once, as itself)."""
    if issubclass(model, Page):
        queryset = model.objects.live().public().exact_type(model)
    else:
        queryset = model._default_manager.all()
        if any(f.name == "live" for f in model._meta.get_fields()):
            queryset = queryset.filter(live=True)
    yield from queryset.order_by("pk").iterator(chunk_size=500)


def all_documents() -> Iterator[IndexDocument]:
    """The documents of everything that should be searchable now. A model whose
    `search_document()` breaks is logged and skipped, so one bad app cannot stop a rebuild."""
    for model in searchable_models():
        for obj in indexable_objects(model):
            try:
                document = build_document(obj, checked=True)
            except Exception:
                logger.exception("Search: could not build the document for %s", object_key(obj))
                continue
            if document is not None:
                yield document


def label_text(document: IndexDocument) -> str:
    """The words of a document's facet labels ("Work placement", "Benchmark 6 Experiences of
    workplaces", "KS4 Key stage 4 Years 10 and 11", subject and tag names), indexed with a low weight so that
    "BM6 placements" or "year 10" find items tagged that way even when their text never says it."""
    benchmarks = {b.number: b.name for b in BENCHMARKS}
    key_stages = {k.code: f"{k.name} {k.year_groups}" for k in KEY_STAGES}
    names = dict(AUDIENCES) | dict(SETTINGS) | dict(SUBJECTS)
    parts = [document.type_label, document.kind_label]
    parts += [f"Benchmark {n} {benchmarks[n]}" for n in document.benchmarks]
    parts += [f"{code} {key_stages[code]}" for code in document.key_stages]
    parts += [names[code] for code in (*document.audiences, *document.settings, *document.subjects)]
    parts += [name for _, name in document.tags]
    return " ".join(parts)
