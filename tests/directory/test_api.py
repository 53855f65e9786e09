"""The Open Referral UK 3.0 API: every endpoint's output validated against the official schemas
(list and detail, empty and full, paged and filtered), errors, methods, CORS and stable ids."""

import datetime
import uuid
from collections.abc import Iterator

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.api.records import COUNCIL_ID, team_id
from directory.models import Phase
from directory.vocabulary import TAXONOMIES, term_id
from portal.home.models import HomePage
from tests.shared_data import Kept, afresh, built_once, kept

from . import factories
from .oruk import assert_valid, errors

pytestmark = pytest.mark.django_db

LISTS = {
    "services": "service_list",
    "organizations": "organization_list",
    "service_at_locations": "service_at_location_list",
    "taxonomies": "taxonomy_list",
    "taxonomy_terms": "taxonomy_term_list",
}
ORIGIN = "https://another-council.example.org"


SERVICES = ("ep", "careers", "carers", "draft")
PROVIDERS = ("college", "employer")


@pytest.fixture(scope="module")
def built_content(django_db_setup, django_db_blocker) -> Iterator[Kept]:
    """Services run by two teams and a partner (one draft), and two providers with routes: built
    once for the module (tests/shared_data.py)."""
    with built_once(django_db_blocker):
        built = _build_content(HomePage.objects.get())
        yield kept(
            built["services"]
            | built["providers"]
            | dict(zip(("team_a", "team_b"), built["teams"], strict=True))
            | {"partner": built["partner"]}
        )


@pytest.fixture
def content(built_content, db) -> dict:
    """The module's content, read afresh for each test."""
    found = afresh(built_content)
    return {
        "services": {key: found[key] for key in SERVICES},
        "providers": {key: found[key] for key in PROVIDERS},
        "teams": (found["team_a"], found["team_b"]),
        "partner": found["partner"],
    }


def _build_content(home: HomePage) -> dict:
    support = factories.support_index(home)
    place, college_site = (
        factories.location("Family Hub"),
        factories.location("College campus", postcode="TS17 9ZC"),
    )
    team_a, team_b, charity = factories.team("Team A"), factories.team("Team B"), factories.partner("Charity")
    services = {
        "ep": factories.service(
            support,
            title="Educational psychology",
            run_by=team_a,
            phases=("primary", "secondary"),
            locations=[place],
        ),
        "careers": factories.service(
            support,
            title="Careers guidance",
            run_by=team_b,
            phases=("secondary",),
            needs=("careers",),
            benchmarks=(8,),
        ),
        "carers": factories.service(
            support, title="Young carers", run_by=charity, needs=("families",), locations=[place]
        ),
        "draft": factories.service(support, title="Unpublished service", run_by=team_a, live=False),
    }
    post16 = factories.post16_index(home)
    providers = {
        "college": factories.provider(
            post16,
            title="Teesmouth College",
            routes=(("t-levels", None), ("apprenticeship", 3), ("apprenticeship", 2)),
            place=college_site,
        ),
        "employer": factories.provider(
            post16, title="Lowfield Engineering", kind="employer", routes=(("apprenticeship", 6),)
        ),
    }
    return {"services": services, "providers": providers, "teams": (team_a, team_b), "partner": charity}


def get(client, path, **params):
    return client.get(f"/openreferral/{path}", params, HTTP_ORIGIN=ORIGIN)


# Schema validation --------------------------------------------------------------------------------


def test_api_details_validates(client, db):
    response = get(client, "")
    assert response.status_code == 200
    assert_valid("api_details", response.json())
    assert response.json()["version"] == "HSDS-UK-3.0"


@pytest.mark.parametrize("path,schema", LISTS.items())
def test_every_list_validates_when_full(client, content, path, schema):
    response = get(client, path)
    assert response.status_code == 200
    data = response.json()
    assert_valid(schema, data)
    assert data["contents"] and not data["empty"]
    assert data["total_items"] == len(data["contents"])


@pytest.mark.parametrize("path,schema", LISTS.items())
def test_every_list_validates_when_empty(client, db, path, schema):
    data = get(client, path, search="nothing matches this").json()
    assert_valid(schema, data)
    assert data["contents"] == [] and data["empty"] is True and data["total_items"] == 0


def test_every_service_detail_validates(client, content):
    listed = get(client, "services").json()["contents"]
    assert len(listed) == 3 + 4  # three live services and four routes
    for item in listed:
        response = get(client, f"services/{item['id']}")
        assert response.status_code == 200
        assert_valid("service", response.json())


def test_service_detail_is_fully_nested(client, content):
    ep = content["services"]["ep"]
    data = get(client, f"services/{ep.oruk_id}").json()
    assert data["organization"]["name"] == "Team A"
    assert data["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] == "TS18 9ZA"
    assert data["contacts"][0]["title"] == "Duty Officer"
    assert data["cost_options"][0]["option"] == "Free"
    assert "Email the referral form." in data["application_process"]
    terms = {a["taxonomy_term"]["name"] for a in data["attributes"]}
    assert {"Primary", "Secondary", "Advice, consultation and assessment"} <= terms
    assert data["minimum_age"] == 4 and data["maximum_age"] == 16


def test_route_detail_names_its_provider_and_level(client, content):
    college = content["providers"]["college"]
    route = college.routes.get(level=3)
    data = get(client, f"services/{route.oruk_id}").json()
    assert_valid("service", data)
    assert data["organization"]["id"] == str(college.oruk_id)
    assert {a["taxonomy_term"]["code"] for a in data["attributes"]} == {
        "post-16",
        "apprenticeship",
        "apprenticeship-level-3",
    }
    assert data["service_at_locations"][0]["location"]["name"] == "College campus"


def test_every_organization_detail_validates(client, content):
    listed = get(client, "organizations").json()["contents"]
    names = {item["name"] for item in listed}
    assert {"Stockton-on-Tees Borough Council", "Team A", "Team B", "Charity", "Teesmouth College"} <= names
    for item in listed:
        data = get(client, f"organizations/{item['id']}").json()
        assert_valid("organization", data)
        for service in data["services"]:
            assert_valid("service", service)


def test_an_organization_lists_its_own_services(client, content):
    team_a = content["teams"][0]
    data = get(client, f"organizations/{team_id(team_a)}").json()
    assert [s["name"] for s in data["services"]] == ["Educational psychology"]
    assert data["parent_organization_id"] == str(COUNCIL_ID)
    college = content["providers"]["college"]
    routes = get(client, f"organizations/{college.oruk_id}").json()["services"]
    assert len(routes) == 3


def test_every_taxonomy_and_term_detail_validates(client, db):
    for taxonomy in get(client, "taxonomies").json()["contents"]:
        assert_valid("taxonomy", get(client, f"taxonomies/{taxonomy['id']}").json())
    terms = get(client, "taxonomy_terms", per_page=100).json()
    assert terms["total_items"] == sum(len(t.terms) for t in TAXONOMIES)
    for term in terms["contents"]:
        assert_valid("taxonomy_term", get(client, f"taxonomy_terms/{term['id']}").json())


def test_the_validator_really_rejects_bad_output(client, content):
    """The schema check can fail: a service without an id, or with a made-up status, is refused."""
    data = get(client, f"services/{content['services']['ep'].oruk_id}").json()
    assert errors("service", {**data, "status": "open"})
    assert errors("service", {k: v for k, v in data.items() if k != "id"})
    assert errors("service", {**data, "last_modified": "yesterday"})


# Paging and filters -------------------------------------------------------------------------------


def test_pages_cover_every_service_once(client, content):
    everything = [item["id"] for item in get(client, "services").json()["contents"]]
    seen = []
    for page in (1, 2, 3, 4):
        data = get(client, "services", per_page=2, page=page).json()
        assert_valid("service_list", data)
        assert data["page_number"] == page and data["total_pages"] == 4 and data["total_items"] == 7
        assert data["first_page"] is (page == 1) and data["last_page"] is (page == 4)
        seen += [item["id"] for item in data["contents"]]
    assert seen == everything
    beyond = get(client, "services", per_page=2, page=5).json()
    assert_valid("service_list", beyond)
    assert beyond["contents"] == [] and beyond["empty"] is True


def names(response) -> set[str]:
    return {item["name"] for item in response.json()["contents"]}


def test_filter_by_taxonomy_term(client, content):
    assert names(get(client, "services", taxonomy_term_id=term_id("phases", "primary"))) == {
        "Educational psychology",
        "Young carers",
    }
    assert names(get(client, "services", taxonomy_term_id=term_id("gatsby-benchmarks", 8))) == {
        "Careers guidance"
    }
    levels = get(client, "services", taxonomy_term_id=term_id("post-16-routes", "apprenticeship-level-6"))
    assert_valid("service_list", levels.json())
    assert len(levels.json()["contents"]) == 1
    post16 = get(client, "services", taxonomy_term_id=term_id("phases", "post-16")).json()
    assert post16["total_items"] == 4  # the routes; no support service here is for post-16
    unknown = get(client, "services", taxonomy_term_id=uuid.uuid4()).json()
    assert unknown["total_items"] == 0


def test_filter_by_taxonomy(client, content):
    routes_taxonomy = next(t for t in TAXONOMIES if t.code == "post-16-routes")
    assert get(client, "services", taxonomy_id=routes_taxonomy.id).json()["total_items"] == 4
    benchmarks = next(t for t in TAXONOMIES if t.code == "gatsby-benchmarks")
    assert names(get(client, "services", taxonomy_id=benchmarks.id)) == {"Careers guidance"}
    terms = get(client, "taxonomy_terms", taxonomy_id=routes_taxonomy.id).json()
    assert_valid("taxonomy_term_list", terms)
    assert terms["total_items"] == len(routes_taxonomy.terms)


def test_filter_by_organization(client, content):
    team_a, _ = content["teams"]
    assert names(get(client, "services", organization_id=team_id(team_a))) == {"Educational psychology"}
    assert names(get(client, "services", organization_id=content["partner"].oruk_id)) == {"Young carers"}
    assert (
        get(client, "services", organization_id=content["providers"]["employer"].oruk_id).json()[
            "total_items"
        ]
        == 1
    )
    council = get(client, "services", organization_id=COUNCIL_ID)
    assert names(council) == {"Educational psychology", "Careers guidance"}
    assert get(client, "services", organization_id=uuid.uuid4()).json()["total_items"] == 0


def test_filter_by_modified_after_and_search(client, content):
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    assert get(client, "services", modified_after=tomorrow).json()["total_items"] == 0
    assert get(client, "services", modified_after="2020-01-01T00:00:00+00:00").json()["total_items"] == 7
    assert names(get(client, "services", search="psychology")) == {"Educational psychology"}
    assert names(get(client, "organizations", search="team")) == {"Team A", "Team B"}


def test_service_at_locations_filtered_by_postcode(client, content):
    data = get(client, "service_at_locations").json()
    assert data["total_items"] == 2 + 3  # two services at the hub, three routes at the campus
    campus = get(client, "service_at_locations", postcode="TS17 9ZC").json()
    assert_valid("service_at_location_list", campus)
    assert {item["location"]["name"] for item in campus["contents"]} == {"College campus"}


def test_taxonomy_terms_children_and_top_level(client, db):
    apprenticeship = term_id("post-16-routes", "apprenticeship")
    children = get(client, "taxonomy_terms", parent_id=apprenticeship).json()
    assert children["total_items"] == 6
    top = get(client, "taxonomy_terms", top_only="true").json()
    assert all("parent_id" not in term for term in top["contents"])


# Drafts, ids and query counts ---------------------------------------------------------------------


def test_drafts_are_never_exposed(client, content):
    draft = content["services"]["draft"]
    assert "Unpublished service" not in names(get(client, "services", per_page=100))
    assert get(client, f"services/{draft.oruk_id}").status_code == 404


def test_ids_are_stable_uuids(client, content):
    ep = content["services"]["ep"]
    first = get(client, f"services/{ep.oruk_id}").json()
    ep.title = "Educational psychology service"
    ep.save_revision().publish()
    second = get(client, f"services/{ep.oruk_id}").json()
    assert first["id"] == second["id"] == str(ep.oruk_id)
    assert second["name"] == "Educational psychology service"
    assert Phase.objects.get(code="primary").oruk_id == term_id("phases", "primary")
    # Derived ids never change: the namespace and the key format are fixed for ever.
    portal_namespace = uuid.UUID("3a1bc6b6-2dc1-4a29-99c0-5685ebe273cb")
    assert term_id("phases", "primary") == uuid.uuid5(portal_namespace, "term:phases:primary")


def test_a_copied_service_gets_its_own_id(content):
    ep = content["services"]["ep"]
    copy = ep.copy(update_attrs={"slug": "copy-of-ep", "title": "Copy"})
    assert copy.oruk_id != ep.oruk_id


def test_list_queries_do_not_grow_with_the_number_of_services(client, content):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert get(client, "services", per_page=100).status_code == 200
        return len(queries)

    get(client, "services", per_page=99)  # warms this process's caches, as a running server's are
    before = count()
    support = factories.support_index(None)
    for _ in range(5):
        factories.service(support, phases=("primary", "secondary"), locations=[factories.location()])
    assert count() == before


# Errors, methods and CORS -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params,name",
    [
        ({"per_page": "0"}, "per_page"),
        ({"per_page": "101"}, "per_page"),
        ({"page": "abc"}, "page"),
        ({"page": "-1"}, "page"),
        ({"taxonomy_term_id": "primary"}, "taxonomy_term_id"),
        ({"organization_id": "42"}, "organization_id"),
        ({"modified_after": "last tuesday"}, "modified_after"),
        ({"modified_after": "2026-13-45"}, "modified_after"),
        ({"format": "xml"}, "format"),
        ({"search": "x" * 201}, "search"),
    ],
)
def test_bad_parameters_get_a_problem_body(client, db, params, name):
    response = get(client, "services", **params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert body["status"] == 400 and body["invalid_params"][0]["name"] == name


def test_bad_top_only_on_terms(client, db):
    assert get(client, "taxonomy_terms", top_only="maybe").status_code == 400


@pytest.mark.parametrize("path", ["services", "organizations", "taxonomies", "taxonomy_terms"])
def test_unknown_and_malformed_ids(client, db, path):
    missing = get(client, f"{path}/{uuid.uuid4()}")
    assert missing.status_code == 404 and missing.json()["status"] == 404
    assert missing["Access-Control-Allow-Origin"] == "*"
    malformed = get(client, f"{path}/not-a-uuid")
    assert malformed.status_code == 400 and malformed.json()["invalid_params"][0]["name"] == "id"


def test_unknown_endpoint_is_a_json_404(client, db):
    response = get(client, "locations")
    assert response.status_code == 404
    assert response.json()["title"] == "Not found"
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, content, method):
    ep = content["services"]["ep"]
    response = getattr(client, method)(f"/openreferral/services/{ep.oruk_id}")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["status"] == 405
    assert get(client, f"services/{ep.oruk_id}").json()["name"] == "Educational psychology"


def test_options_and_head(client, db):
    options = client.options("/openreferral/services")
    assert options.status_code == 204 and options["Access-Control-Allow-Origin"] == "*"
    head = client.head("/openreferral/services")
    assert head.status_code == 200 and head["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "path", ["", "services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms"]
)
def test_every_response_is_open_to_other_origins(client, db, path):
    response = get(client, path)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"].startswith("application/json")


def test_trailing_slash_is_accepted(client, db):
    assert get(client, "services/").status_code == 200
