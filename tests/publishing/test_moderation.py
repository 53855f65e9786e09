"""A teacher's contribution goes through Editor review, through the real admin views, before the
public sees it; every step is in Wagtail's audit log."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Comment, PageLogEntry, WorkflowState

from resources.models import ResourcePage
from tests.resources import factories as resource_factories

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(home):
    return resource_factories.resource_index(home)


def submit_case_study(teacher, bank, **fields) -> ResourcePage:
    """The teacher fills in the admin's add form and presses "Submit to Editor review"."""
    client = factories.signed_in(teacher)
    url = factories.add_url(bank, ResourcePage)
    data = factories.resource_form_data(client, url, **fields)
    data["action-submit"] = "Submit to Editor review"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return ResourcePage.objects.get(slug=data["slug"])


def workflow_action(person, page: ResourcePage, action: str, **data) -> None:
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    response = factories.signed_in(person).post(url, data)
    assert response.status_code in (200, 302)


def test_a_contribution_is_invisible_until_an_editor_approves_it(client, bank, mailoutbox):
    teacher = factories.contributor()
    editor = factories.editor()
    page = submit_case_study(teacher, bank)

    assert not page.live and page.owner == teacher
    assert page.current_workflow_state.workflow.name == "Editor review"
    assert client.get("/resources/careers-week-at-heron-vale/").status_code == 404
    assert "Careers week at Heron Vale" not in client.get("/resources/").content.decode()
    assert [editor.email] in [message.to for message in mailoutbox], (
        "editors are told a contribution is waiting"
    )

    workflow_action(editor, page, "approve", comment="Clear and useful: approved.")

    page.refresh_from_db()
    assert page.live
    response = client.get("/resources/careers-week-at-heron-vale/")
    assert response.status_code == 200 and "Every department hosted a visitor." in response.content.decode()
    actions = list(
        PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk").values_list("action", "user")
    )
    assert ("wagtail.workflow.start", teacher.pk) in actions
    assert ("wagtail.workflow.approve", editor.pk) in actions
    assert ("wagtail.publish", editor.pk) in actions


def test_request_changes_sends_the_draft_back_with_the_editors_comment(client, bank, mailoutbox):
    teacher = factories.contributor()
    editor = factories.editor()
    page = submit_case_study(teacher, bank)
    mailoutbox.clear()

    workflow_action(editor, page, "reject", comment="Please name the employers involved.")

    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.reject", user=editor).exists()
    assert any(teacher.email in m.to and "Please name the employers involved." in m.body for m in mailoutbox)
    assert client.get("/resources/careers-week-at-heron-vale/").status_code == 404

    # The teacher edits the draft and resubmits it through the same workflow.
    as_teacher = factories.signed_in(teacher)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = factories.resource_form_data(
        as_teacher, edit_url, summary="Now naming the six employers who took part."
    )
    data["action-submit"] = "Resubmit"
    assert as_teacher.post(edit_url, data).status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress and not page.live
    assert page.get_latest_revision_as_object().summary == "Now naming the six employers who took part."


def test_an_approved_contribution_with_a_go_live_date_waits_for_publish_scheduled(client, bank):
    teacher = factories.contributor()
    go_live = timezone.now() + datetime.timedelta(days=2)
    page = submit_case_study(teacher, bank, go_live_at=timezone.localtime(go_live).strftime("%d/%m/%Y %H:%M"))

    workflow_action(factories.editor(), page, "approve")

    page.refresh_from_db()
    assert not page.live and page.get_latest_revision().approved_go_live_at is not None
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live, "not before its time"

    three_days_on = timezone.now() + datetime.timedelta(days=3)
    with mock.patch("django.utils.timezone.now", return_value=three_days_on):  # the clock, not the database
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").exists()
    assert client.get("/resources/careers-week-at-heron-vale/").status_code == 200


def test_revisions_can_be_compared_by_the_author_and_editors(bank):
    teacher = factories.contributor()
    as_teacher = factories.signed_in(teacher)
    add_url = factories.add_url(bank, ResourcePage)
    assert as_teacher.post(add_url, factories.resource_form_data(as_teacher, add_url)).status_code == 302
    page = ResourcePage.objects.get(slug="careers-week-at-heron-vale")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = factories.resource_form_data(as_teacher, edit_url, summary="A second version of the summary.")
    assert as_teacher.post(edit_url, data).status_code == 302
    first, second = page.revisions.order_by("created_at", "pk")
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk])

    for person in (teacher, factories.editor()):
        response = factories.signed_in(person).get(compare)
        assert response.status_code == 200
        assert "A second version of the summary." in response.content.decode()
    stranger = factories.contributor(
        "another-teacher", school=factories.a_school("Kingfisher Academy", "900101")
    )
    assert factories.signed_in(stranger).get(compare).status_code in (302, 403)


def test_a_submission_is_locked_to_its_author_while_editors_review_and_comment_on_it(bank):
    """Wagtail's workflow lock: while in review only the reviewers may change it, so what the
    editor approves is what the teacher submitted; editors comment on fields."""
    teacher = factories.contributor()
    page = submit_case_study(teacher, bank)
    as_teacher = factories.signed_in(teacher)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = factories.resource_form_data(as_teacher, edit_url, summary="Changed during review.")
    as_teacher.post(edit_url, data)
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().summary != "Changed during review."

    editor = factories.editor()
    as_editor = factories.signed_in(editor)
    data = factories.resource_form_data(as_editor, edit_url, summary="Tidied by the editor.")
    comment = {  # what the admin's comments script adds to the form
        "comments-TOTAL_FORMS": "1",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "comments-0-id": "",
        "comments-0-contentpath": "summary",
        "comments-0-text": "I shortened this; check it still says what you meant.",
        "comments-0-position": "",
        "comments-0-replies-TOTAL_FORMS": "0",
        "comments-0-replies-INITIAL_FORMS": "0",
        "comments-0-replies-MIN_NUM_FORMS": "0",
        "comments-0-replies-MAX_NUM_FORMS": "1000",
    }
    for key, value in comment.items():
        data[key] = value
    assert as_editor.post(edit_url, data).status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().summary == "Tidied by the editor."
    assert Comment.objects.filter(page=page, user=editor, contentpath="summary").exists()
    assert PageLogEntry.objects.filter(page=page, action="wagtail.comments.create", user=editor).exists()
