"""Publishing's demo content: an account per role, a case study waiting in Editor review, a
request waiting for an editor; passwords only under the demo admin's rule; idempotent."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import WorkflowState

from demo.loader import load, read
from publishing.models import ContributorRequest
from resources.models import ResourcePage

pytestmark = pytest.mark.django_db


def load_again(demo) -> None:
    load(demo.home, ("publishing",))


def groups_of(username: str) -> set[str]:
    return set(get_user_model().objects.get(username=username).groups.values_list("name", flat=True))


def test_demo_accounts_a_case_study_in_review_and_a_waiting_request(demo, client, settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    load_again(demo)  # idempotent

    assert groups_of("demo.editor@example.org") == {"Editors"}
    assert groups_of("demo.reporting@example.org") == {"Reporting"}
    assert groups_of("careers.leader@kingfisher.example.org") == {"School contributors"}
    assert not any(user.has_usable_password() for user in get_user_model().objects.all()), (
        "no password without the rule"
    )

    case_study = ResourcePage.objects.get(slug=read("publishing")["in_review"][0]["slug"])
    assert not case_study.live and case_study.owner.username == "careers.leader@kingfisher.example.org"
    assert (
        WorkflowState.objects.filter(base_content_type__isnull=False, object_id=str(case_study.pk)).count()
        == 1
    )
    assert case_study.current_workflow_state.workflow.name == "Editor review"
    assert client.get(case_study.url).status_code == 404
    assert ContributorRequest.objects.pending().get().school.name == "Lapwing Primary Academy"


def test_demo_passwords_follow_the_demo_admin_rule(demo, settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-demo-only-passphrase")
    load_again(demo)
    editor = get_user_model().objects.get(username="demo.editor@example.org")
    assert editor.check_password("a-demo-only-passphrase")
