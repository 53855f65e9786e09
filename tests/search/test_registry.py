"""Finding searchable models and turning objects into index documents (search/registry.py)."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from resources.models import ResourcePage
from search.registry import all_documents, build_document, is_searchable, search_types, searchable_models
from tests.resources.factories import resource

pytestmark = pytest.mark.django_db


def test_every_model_with_the_protocol_is_found():
    models = searchable_models()
    assert ResourcePage in models
    assert all(is_searchable(m) and hasattr(m, "search_document") for m in models)
    assert ("resource", "Resource") in search_types()


def test_a_published_resource_becomes_a_document(bank):
    page = resource(
        bank,
        title="Careers fair toolkit",
        kind="toolkit",
        benchmarks=(6, 5),
        key_stages=("KS5", "KS4"),
        audiences=("teachers",),
        tags=("Careers fair", "Planning"),
        summary="Run a careers fair.",
    )
    document = build_document(ResourcePage.objects.get(pk=page.pk))
    assert document.key == f"resources.resourcepage:{page.pk}"
    assert (document.search_type, document.type_label) == ("resource", "Resource")
    assert (document.kind, document.kind_label) == ("toolkit", "Toolkit")
    assert document.url == "/resources/" + page.slug + "/"
    assert document.benchmarks == (5, 6)  # vocabulary order
    assert document.key_stages == ("KS4", "KS5")
    assert document.tags == (("careers-fair", "Careers fair"), ("planning", "Planning"))
    assert "Body text." in document.body
    assert isinstance(document.date, datetime.date)


def test_unknown_vocabulary_values_are_dropped_and_logged(bank, caplog):
    page = resource(bank, title="Odd values")
    page.search_document = lambda: {
        "title": "Odd",
        "url": "/odd/",
        "benchmarks": [6, 9],
        "key_stages": ["KS9"],
    }
    document = build_document(page)
    assert document.benchmarks == (6,) and document.key_stages == ()
    assert "unknown benchmarks ['9']" in caplog.text


def test_drafts_and_private_pages_are_not_documents(bank):
    draft = resource(bank, title="Draft", live=False)
    assert build_document(draft) is None
    private = resource(bank, title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert build_document(private) is None
    assert {d.title for d in all_documents()} == set()


def test_a_model_may_decline_to_be_indexed(bank):
    page = resource(bank, title="Expired")
    page.search_document = lambda: None
    assert build_document(page) is None


def test_all_documents_skips_an_object_whose_document_breaks(bank, monkeypatch, caplog):
    resource(bank, title="Good one")
    resource(bank, title="Bad one")

    def search_document(self):
        if self.title == "Bad one":
            raise ValueError("broken")
        return original(self)

    original = ResourcePage.search_document
    monkeypatch.setattr(ResourcePage, "search_document", search_document)
    assert [d.title for d in all_documents()] == ["Good one"]
    assert "could not build the document" in caplog.text
