"""The roles: each group holds exactly its permissions, setup_roles is idempotent, and a school
contributor is kept to their own drafts and uploads."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection, GroupPagePermission, Workflow, WorkflowPage

from demo.files import simple_pdf
from publishing import roles
from resources.models import ResourcePage
from tests.resources import factories as resource_factories
from tests.tasks import run_tasks

from . import factories

pytestmark = pytest.mark.django_db


def codenames(group_name: str) -> set[str]:
    group = Group.objects.get(name=group_name)
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def page_permissions(group_name: str) -> set[tuple[str, str]]:
    rows = GroupPagePermission.objects.filter(group__name=group_name).values_list(
        "page__title", "permission__codename"
    )
    return set(rows)


@pytest.fixture
def bank(home):
    return resource_factories.resource_index(home)


def test_the_four_roles_exist_and_wagtails_default_moderators_are_retired():
    assert set(roles.ROLES) <= set(Group.objects.values_list("name", flat=True))
    assert not Group.objects.filter(name="Moderators").exists()
    assert not WorkflowPage.objects.filter(workflow__name="Moderators approval").exists()


def test_each_role_holds_exactly_its_global_permissions():
    assert codenames(roles.COUNCIL_TEAM_MEMBERS) == {"wagtailadmin.access_admin"}
    assert codenames(roles.SCHOOL_CONTRIBUTORS) == {"wagtailadmin.access_admin"}
    assert codenames(roles.REPORTING) == {"wagtailadmin.access_admin", "publishing.view_impact_dashboard"}
    editors = codenames(roles.EDITORS)
    assert {
        "wagtailadmin.access_admin",
        "publishing.view_impact_dashboard",
        "publishing.change_contributorrequest",
    } <= editors
    # Taxonomy descriptions and schools (snippets) are the editors'; users and groups are not.
    assert {"taxonomy.change_benchmark", "taxonomy.change_school", "taxonomy.add_school"} <= editors
    # Later apps' admin models and reports join the editors' role.
    assert {"placements.change_placementrequest", "directory.view_all_referralenquiry"} <= editors
    assert "portal_search.view_searchtermcount" in editors
    assert not {p for p in editors if p.startswith(("auth.", "wagtailcore.", "wagtailusers."))}


def test_page_permissions_editors_everywhere_contributors_add_only_on_the_bank(bank):
    assert page_permissions(roles.EDITORS) == {
        ("Root", f"{action}_page") for action in ("add", "change", "bulk_delete", "publish", "lock", "unlock")
    }
    assert page_permissions(roles.SCHOOL_CONTRIBUTORS) == {("Resource bank", "add_page")}
    assert page_permissions(roles.COUNCIL_TEAM_MEMBERS) == set()
    assert page_permissions(roles.REPORTING) == set()
    assert WorkflowPage.objects.get(page=bank).workflow.name == "Editor review"


def test_setup_roles_is_idempotent_and_repairs_drift(bank):
    reporting = Group.objects.get(name=roles.REPORTING)
    GroupPagePermission.objects.create(group=reporting, page=bank, permission_type="publish")
    reporting.permissions.add(
        Permission.objects.get(content_type__app_label="taxonomy", codename="change_school")
    )
    before = {name: codenames(name) for name in roles.ROLES}

    call_command("setup_roles")
    call_command("setup_roles")

    assert page_permissions(roles.REPORTING) == set()
    assert codenames(roles.REPORTING) == {"wagtailadmin.access_admin", "publishing.view_impact_dashboard"}
    assert {name: codenames(name) for name in roles.ROLES if name != roles.REPORTING} == {
        name: before[name] for name in roles.ROLES if name != roles.REPORTING
    }
    assert Workflow.objects.filter(name="Editor review").count() == 1
    assert GroupPagePermission.objects.filter(group__name=roles.SCHOOL_CONTRIBUTORS).count() == 1
    assert Collection.objects.filter(name=roles.CONTRIBUTIONS_COLLECTION).count() == 1


def test_a_contributor_edits_their_own_draft_but_not_anyone_elses(bank):
    """Wagtail's "add" permission lets its holder edit the pages they own, and nobody else's."""
    mine = resource_factories.resource(bank, title="My draft", live=False)
    theirs = resource_factories.resource(bank, title="Their draft", live=False)
    teacher = factories.contributor()
    ResourcePage.objects.filter(pk=mine.pk).update(owner=teacher)
    ResourcePage.objects.filter(pk=theirs.pk).update(
        owner=factories.contributor("other", factories.a_school("Kingfisher Academy", "900101"))
    )
    client = factories.signed_in(teacher)

    assert client.get(reverse("wagtailadmin_pages:edit", args=[mine.pk])).status_code == 200
    for view in ("edit", "view_draft", "delete"):
        response = client.get(reverse(f"wagtailadmin_pages:{view}", args=[theirs.pk]))
        # 404: the admin does not even say that another person's draft exists (publishing.drafts).
        assert response.status_code == 404, view
        assert "Their draft" not in response.content.decode()

    listing = client.get(reverse("wagtailadmin_explore", args=[bank.pk])).content.decode()
    assert "My draft" in listing and "Their draft" not in listing


def _drafts_by_two_schools(bank: ResourcePage) -> tuple:
    teacher = factories.contributor()
    other = factories.contributor("other", factories.a_school("Kingfisher Academy", "900101"))
    for title, owner in (("Mine unpublished", teacher), ("Kingfisher unpublished", other)):
        page = resource_factories.resource(bank, title=title, live=False)
        ResourcePage.objects.filter(pk=page.pk).update(owner=owner)
    resource_factories.resource(bank, title="Published unpublished-word guide")
    run_tasks()  # Wagtail updates its admin search index in a task
    return teacher, other


# Every admin list of pages a contributor can reach: the explorer's own search, the page search,
# the page chooser (browsing and searching) and the admin API behind the explorer menu.
ADMIN_PAGE_LISTS = {
    "explorer search": lambda bank: reverse("wagtailadmin_explore", args=[bank.pk]) + "?q=unpublished",
    "page search": lambda bank: reverse("wagtailadmin_pages:search") + "?q=unpublished",
    "page search results": lambda bank: reverse("wagtailadmin_pages:search_results") + "?q=unpublished",
    "chooser browse": lambda bank: reverse("wagtailadmin_choose_page_child", args=[bank.pk]),
    "chooser search": lambda bank: reverse("wagtailadmin_choose_page_search") + "?q=unpublished",
    "admin API": lambda bank: reverse("wagtailadmin_api:pages:listing") + f"?child_of={bank.pk}&fields=title",
}


@pytest.mark.parametrize("where", ADMIN_PAGE_LISTS)
def test_no_admin_list_shows_a_contributor_another_schools_draft(bank, where):
    teacher, _ = _drafts_by_two_schools(bank)
    url = ADMIN_PAGE_LISTS[where](bank)

    response = factories.signed_in(teacher).get(url)
    assert response.status_code == 200, where
    seen = response.content.decode()
    assert "Mine unpublished" in seen and "Published unpublished-word guide" in seen
    assert "Kingfisher unpublished" not in seen
    assert "Kingfisher unpublished" in factories.signed_in(factories.editor()).get(url).content.decode()


def test_a_contributor_cannot_publish_even_by_posting_the_publish_action(bank):
    teacher = factories.contributor()
    client = factories.signed_in(teacher)
    url = factories.add_url(bank, ResourcePage)
    data = factories.resource_form_data(client, url)
    data["action-publish"] = "Publish"
    client.post(url, data)
    page = ResourcePage.objects.get(slug=data["slug"])
    assert not page.live and page.first_published_at is None


def test_contributors_upload_to_their_collection_and_choose_only_their_own_files(bank):
    editor_document = Document.objects.create(
        title="Editors planning grid", file=SimpleUploadedFile("grid.pdf", simple_pdf("Grid", ["x"]))
    )
    teacher = factories.contributor()
    client = factories.signed_in(teacher)
    contributions = roles.contributions_collection()
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Our careers week plan",
            "file": SimpleUploadedFile("plan.pdf", simple_pdf("Plan", ["Day 1"])),
            "collection": contributions.pk,
        },
    )
    assert response.status_code == 302
    own = Document.objects.get(title="Our careers week plan")
    assert own.uploaded_by_user == teacher and own.collection == contributions
    other = Document.objects.create(
        title="Kingfisher draft handout",
        collection=contributions,
        uploaded_by_user=factories.contributor("other", factories.a_school("Kingfisher Academy", "900101")),
        file=SimpleUploadedFile("other.pdf", simple_pdf("Other", ["x"])),
    )

    chooser = client.get(reverse("wagtaildocs_chooser:choose")).content.decode()
    assert "Our careers week plan" in chooser
    assert "Kingfisher draft handout" not in chooser and editor_document.title not in chooser
    assert (
        factories.signed_in(factories.editor())
        .get(reverse("wagtaildocs_chooser:choose"))
        .content.decode()
        .count(other.title)
        == 1
    )
    # Never into another collection, and no snippets.
    root_upload = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Into the root",
            "file": SimpleUploadedFile("root.pdf", simple_pdf("Root", ["x"])),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert root_upload.status_code == 302
    assert Document.objects.get(title="Into the root").collection == contributions, (
        "their one collection, whatever is sent"
    )
    assert client.get(reverse("wagtailsnippets_taxonomy_school:list")).status_code in (302, 403)


def test_editors_open_the_reports_of_later_apps_and_reporting_only_its_own():
    editor, reporter = factories.signed_in(factories.editor()), factories.signed_in(factories.reporter())
    assert editor.get(reverse("search_terms_report")).status_code == 200
    assert reporter.get(reverse("search_terms_report")).status_code in (302, 403)
    assert reporter.get(reverse("publishing_dashboard")).status_code == 200
    assert reporter.get(reverse("wagtailadmin_explore_root")).status_code in (302, 403)
