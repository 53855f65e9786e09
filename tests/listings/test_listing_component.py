"""The one listing component (portal.listings.listing): `q` on every listing through the search
contract, the resource bank's subject filter, and filters that never import their app's models."""

import ast
from pathlib import Path

import pytest
from django.apps import apps

from portal.listings.listing import ListingPage
from search.registry import is_searchable
from tests.directory import factories as directory_factories
from tests.events import factories as event_factories
from tests.listings import result_titles
from tests.placements import factories as placement_factories
from tests.resources import factories as resource_factories
from tests.stories import factories as story_factories

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def database_engine_only(settings):
    settings.ELASTICSEARCH_URL = ""


def counts(response, param: str) -> dict[str, int]:
    return {option.value: option.count for option in response.context["facets"][param]}


# No filters module imports its app's models -----------------------------------------------


def filters_modules() -> list[Path]:
    return sorted(
        path
        for path in ROOT.glob("*/filters.py")
        if (path.parent / "models.py").exists() or (path.parent / "models").is_dir()
    )


def imports_models(path: Path) -> list[str]:
    app = path.parent.name
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            relative_models = node.level == 1 and (module == "models" or module.startswith("models."))
            absolute_models = node.level == 0 and (
                module == f"{app}.models" or module.startswith(f"{app}.models.")
            )
            from_app = (node.level == 1 and not module) or (node.level == 0 and module == app)
            if (
                relative_models
                or absolute_models
                or (from_app and any(a.name == "models" for a in node.names))
            ):
                found.append(f"line {node.lineno}: from {'.' * node.level}{module} import ...")
        elif isinstance(node, ast.Import):
            found += [
                f"line {node.lineno}: import {a.name}"
                for a in node.names
                if a.name.startswith(f"{app}.models")
            ]
    return found


def test_the_filters_modules_are_found():
    names = {path.parent.name for path in filters_modules()}
    assert {"resources", "stories", "events", "directory", "placements"} <= names


@pytest.mark.parametrize("path", filters_modules(), ids=lambda path: path.parent.name)
def test_no_filters_module_imports_its_apps_models(path):
    assert imports_models(path) == []


def test_the_check_sees_a_models_import(tmp_path):
    app = tmp_path / "shop"
    app.mkdir()
    (app / "filters.py").write_text("def f():\n    from .models import Thing\n")
    assert imports_models(app / "filters.py") == ["line 2: from .models import ..."]


# q on every listing ------------------------------------------------------------------------

INDEXES = {
    "resources.ResourceIndexPage": resource_factories.resource_index,
    "stories.StoryIndexPage": story_factories.story_index,
    "events.EventIndexPage": event_factories.event_index,
    "directory.SupportIndexPage": directory_factories.support_index,
    "directory.Post16IndexPage": directory_factories.post16_index,
    "placements.PlacementIndexPage": placement_factories.placement_index,
}


def test_every_listing_page_is_covered():
    listing_pages = {
        model._meta.label
        for model in apps.get_models()
        if issubclass(model, ListingPage) and not model._meta.abstract
    }
    assert listing_pages == set(INDEXES)


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(INDEXES))
def test_every_listing_answers_q_with_a_search_box(client, home, label):
    index = INDEXES[label](home)
    declaration = index.listing_declaration
    assert is_searchable(declaration.card.model), (
        "q goes through the search contract: the results must be searchable"
    )
    response = client.get(index.url, {"q": "zebra crossing"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="q" type="search" value="zebra crossing"' in page
    assert "Remove search: “zebra crossing”" in page
    assert response.context["page_obj"].paginator.count == 0


@pytest.fixture
def bank(home):
    index = resource_factories.resource_index(home)
    resource_factories.resource(
        index,
        title="Speed networking",
        benchmarks=[5],
        summary="Pupils meet ten employers.",
        subjects=["maths"],
    )
    resource_factories.resource(
        index,
        title="Placement prep",
        benchmarks=[6],
        summary="Ready for a week with an employer.",
        subjects=["english"],
    )
    resource_factories.resource(
        index, title="Mock interviews", benchmarks=[6], summary="Practice with volunteers."
    )
    return index


@pytest.mark.django_db
def test_q_narrows_the_resource_bank_and_its_counts(client, bank):
    response = client.get(bank.url, {"q": "employers"})
    assert set(result_titles(response)) == {"Speed networking", "Placement prep"}  # "employer" stems alike
    assert counts(response, "benchmark")["5"] == 1 and counts(response, "benchmark")["6"] == 1

    narrowed = client.get(bank.url, {"q": "employers", "benchmark": "6"})
    assert result_titles(narrowed) == ["Placement prep"]
    # Each facet is counted with q and every other facet: benchmark 5 still offers its one match.
    assert counts(narrowed, "benchmark")["5"] == 1


@pytest.mark.django_db
def test_q_on_stories_goes_through_the_search_contract(client, home):
    index = story_factories.story_index(home)
    story_factories.story(
        index, first_name="Ayesha", job_title="Midwife", summary="Delivering babies at North Tees."
    )
    story_factories.story(
        index, first_name="Tom", job_title="Process engineer", summary="Running a chemicals plant."
    )
    # A typo is corrected as the site search corrects it.
    response = client.get(index.url, {"q": "midwfie"})
    titles = result_titles(response)
    assert len(titles) == 1 and "Ayesha" in titles[0]


@pytest.mark.django_db
def test_the_subject_filter(client, bank):
    response = client.get(bank.url, {"subject": "maths"})
    assert result_titles(response) == ["Speed networking"]
    assert counts(response, "subject")["maths"] == 1 and counts(response, "subject")["english"] == 1
    assert "Remove filter: Maths" in response.content.decode()

    both = client.get(bank.url, {"subject": ["maths", "english"]})
    assert set(result_titles(both)) == {"Speed networking", "Placement prep"}

    unknown = client.get(bank.url, {"subject": "alchemy"})
    assert unknown.status_code == 200 and len(result_titles(unknown)) == 3
    assert "“alchemy” is not a subject we know" in unknown.content.decode()


@pytest.mark.django_db
def test_a_subject_name_finds_resources_through_search(client, bank):
    assert result_titles(client.get(bank.url, {"q": "maths"})) == ["Speed networking"]
    found = client.get("/search/", {"q": "maths"})
    assert "Speed networking" in found.content.decode()
