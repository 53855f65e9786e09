"""Post-16 options: places to learn or train with filters, the compare table, provider pages with
their coming open days, the guides, and the guides' plain English."""

import datetime
import re
from collections.abc import Iterator

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import strip_tags

from demo.loader import read
from directory.models import Post16IndexPage, ProviderPage, ProviderRoute
from portal.home.models import HomePage
from tests.shared_data import built_once

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built_post16(django_db_setup, django_db_blocker) -> Iterator[int]:
    """The post-16 page with three live providers, a draft and a guide: built once for the module
    (tests/shared_data.py); no test changes them."""
    with built_once(django_db_blocker):
        yield _build_post16(HomePage.objects.get()).pk


@pytest.fixture
def post16(built_post16, db) -> Post16IndexPage:
    """The post-16 page, read afresh for each test (docs/test-suite.md)."""
    return Post16IndexPage.objects.get(pk=built_post16)


def _build_post16(home: HomePage) -> Post16IndexPage:
    index = factories.post16_index(home)
    today = timezone.localdate()
    factories.provider(
        index,
        title="Teesmouth College",
        routes=(("t-levels", None), ("apprenticeship", 3), ("apprenticeship", 2), ("apprenticeship", 3)),
        open_days=(today - datetime.timedelta(days=7), today + datetime.timedelta(days=14)),
    )
    factories.provider(index, title="Riverside Sixth Form", kind="sixth-form", routes=(("a-levels", None),))
    factories.provider(index, title="Lowfield Engineering", kind="employer", routes=(("apprenticeship", 6),))
    factories.provider(index, title="Hidden draft", routes=(("a-levels", None),), live=False)
    factories.guide(index, "What are the options at 16?")
    return index


def get_html(client, url, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def providers_in(html: str) -> set[str]:
    names = {"Teesmouth College", "Riverside Sixth Form", "Lowfield Engineering", "Hidden draft"}
    return {name for name in names if f">{name}</a>" in html}


def test_the_index_lists_guides_and_places(client, post16):
    html = get_html(client, post16.url)
    assert "What are the options at 16?" in html
    assert providers_in(html) == {"Teesmouth College", "Riverside Sixth Form", "Lowfield Engineering"}
    assert "compare/" in html


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"route": "apprenticeship"}, {"Teesmouth College", "Lowfield Engineering"}),
        ({"level": "6"}, {"Lowfield Engineering"}),
        ({"route": "a-levels"}, {"Riverside Sixth Form"}),
        ({"type": "employer"}, {"Lowfield Engineering"}),
        ({"route": "astrology"}, {"Teesmouth College", "Riverside Sixth Form", "Lowfield Engineering"}),
    ],
)
def test_filters(client, post16, params, expected):
    assert providers_in(get_html(client, post16.url, **params)) == expected


def test_the_compare_table(client, post16):
    html = get_html(client, post16.url + "compare/")
    rows = {
        re.search(r'<a class="govuk-link" href="[^"]*">([^<]+)</a>', row).group(1): re.findall(
            r'<td class="govuk-table__cell">(.*?)</td>', row
        )
        for row in html.split('<tr class="govuk-table__row">')[2:]
    }
    assert set(rows) == {"Teesmouth College", "Riverside Sixth Form", "Lowfield Engineering"}
    # Columns: A levels, T levels, vocational, apprenticeships, supported internships, foundation.
    assert rows["Teesmouth College"] == ["No", "Yes", "No", "Yes: levels 2 and 3", "No", "No"]
    assert rows["Lowfield Engineering"][3] == "Yes: level 6"
    assert '<th scope="col" class="govuk-table__header">T levels</th>' in html
    only_a_levels = get_html(client, post16.url + "compare/", route="a-levels")
    assert providers_in(only_a_levels) == {"Riverside Sixth Form"}


def test_a_provider_page_shows_routes_and_only_coming_open_days(client, post16):
    page = ProviderPage.objects.get(title="Teesmouth College")
    html = get_html(client, page.url)
    coming = timezone.localdate() + datetime.timedelta(days=14)
    past = timezone.localdate() - datetime.timedelta(days=7)
    assert coming.strftime("%A %-d %B %Y") in html and past.strftime("%A %-d %B %Y") not in html
    assert "Level 3" in html and "Help for students with SEND" in html and "Getting there" in html
    assert page.search_document()["date"] == coming


def test_a_guide_page(client, post16):
    html = get_html(client, post16.get_children().live().type(factories.Post16GuidePage).first().url)
    assert "You can stay at school." in html


def test_an_apprenticeship_needs_a_level_and_nothing_else_has_one(post16):
    page = ProviderPage.objects.get(title="Teesmouth College")
    with pytest.raises(ValidationError):
        ProviderRoute(page=page, kind="apprenticeship", title="No level").full_clean()
    with pytest.raises(ValidationError):
        ProviderRoute(page=page, kind="a-levels", level=3, title="A levels at level 3").full_clean()


def test_provider_search_document(post16):
    doc = ProviderPage.objects.get(title="Teesmouth College").search_document()
    assert ProviderPage.search_type[0] == "post16-provider"
    assert doc["tags"] == ["T levels", "Apprenticeships"]
    assert doc["audiences"] == ["parents", "young-people"] and doc["benchmarks"] == [7]


# Plain English: the demo guides are written for a reading age of about 9 to 11 ---------------------

ACRONYM = re.compile(r"\b[A-Z]{2,}s?\b")
KNOWN_WORDS = {"UK"}


GUIDES = [page for page in read("post16")["page"] if page["type"] == "directory.Post16GuidePage"]


@pytest.mark.parametrize("guide", GUIDES, ids=[g["slug"] for g in GUIDES])
def test_guides_use_short_sentences_and_explain_acronyms(guide):
    text = " ".join([guide["summary"], *(strip_tags(block).removeprefix("## ") for block in guide["body"])])
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", text) if s.strip()]
    lengths = [len(s.split()) for s in sentences]
    assert sum(lengths) / len(lengths) <= 12, "sentences should average 12 words or fewer"
    assert max(lengths) <= 22, max(sentences, key=lambda s: len(s.split()))
    for acronym in sorted(set(ACRONYM.findall(text)) - KNOWN_WORDS):
        first = text.index(acronym)
        nearby = text[first : first + 80]
        assert re.search(rf"{acronym} (means|is|stands for)|{acronym} \(", nearby) or "(" + acronym in text, (
            f"{acronym} is not explained where it is first used"
        )
