"""A story cannot be published without a transcript, nor with a film whose captions are not
confirmed; a draft can be saved without either. Checked through the model (revision.publish(), as
scheduled publishing and bulk actions do) and through the real admin editor."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html

from stories.models import StoryPage

from .factories import story, story_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return story_index(home)


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-test-password")
    client.force_login(user)
    return client


def test_publishing_without_a_transcript_is_refused_by_the_model(index):
    draft = story(index, transcript="", live=False)
    with pytest.raises(ValidationError) as refused:
        draft.save_revision().publish()
    assert "transcript" in refused.value.message_dict
    draft.refresh_from_db()
    assert not draft.live


def test_a_whitespace_transcript_does_not_count(index):
    draft = story(index, transcript="   \n\n  ", live=False)
    with pytest.raises(ValidationError):
        draft.save_revision().publish()


def test_publishing_a_film_without_captions_is_refused(index):
    draft = story(index, has_captions=False, live=False)
    with pytest.raises(ValidationError) as refused:
        draft.save_revision().publish()
    assert set(refused.value.message_dict) == {"has_captions"}
    draft.refresh_from_db()
    assert not draft.live


def test_a_written_story_needs_no_captions(index):
    published = story(index, film_url="", has_captions=False)
    assert published.live


def test_a_complete_story_publishes(index):
    assert story(index).live


def test_only_youtube_and_vimeo_films_are_accepted(index):
    page = story(index, live=False)
    page.film_url = "https://videos.example.org/watch/123"
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert "film_url" in refused.value.message_dict


def _form_data(html: str):
    """The editor's form as a browser would send it (a checked box without a value sends "on")."""
    data = querydict_from_html(html, form_id="page-edit-form")
    for box in WagtailTestUtils.get_soup(html).select("#page-edit-form input[type=checkbox][checked]"):
        if "value" not in box.attrs:
            data[box["name"]] = "on"
    return data


def _edit_form(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    data = _form_data(response.content.decode())
    # The body StreamField is built by JavaScript in a browser; an empty one is just its count.
    data.setdefault("body-count", "0")
    return data


def test_the_admin_refuses_to_publish_without_a_transcript(index, editor_client):
    draft = story(index, transcript="", live=False)
    data = _edit_form(editor_client, draft)
    data["action-publish"] = "action-publish"

    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)

    assert response.status_code == 200  # the form again, with the error
    assert "Add the transcript before publishing" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.live


def test_the_admin_publishes_once_the_transcript_is_written(index, editor_client):
    draft = story(index, transcript="", live=False)
    data = _edit_form(editor_client, draft)
    data["transcript"] = "Interviewer: Where did you grow up?\n\nSam: Norton."
    data["action-publish"] = "action-publish"

    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live
    assert draft.transcript.startswith("Interviewer")


def test_the_admin_saves_a_draft_without_a_transcript_or_captions(index, editor_client):
    draft = story(index, transcript="", has_captions=False, live=False)
    data = _edit_form(editor_client, draft)
    data["pull_quote"] = "A new quote, saved as a draft."

    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)

    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live
    assert draft.get_latest_revision_as_object().pull_quote == "A new quote, saved as a draft."


def test_the_admin_refuses_to_publish_a_new_story_without_a_transcript(index, editor_client):
    add_url = reverse("wagtailadmin_pages:add", args=["stories", "storypage", index.pk])
    data = _form_data(editor_client.get(add_url).content.decode())
    data.update(
        {
            "title": "Alex, joiner",
            "slug": "alex-joiner",
            "first_name": "Alex",
            "job_title": "Joiner",
            "sector": "construction",
            "grew_up_in": "Thornaby",
            "local_schooling": "Ironworks Free School",
            "summary": "Alex trained as a joiner.",
            "pull_quote": "I love making things.",
            "film_url": "https://youtu.be/dQw4w9WgXcQ",
            "has_captions": "on",
            "body-count": "0",
            "route_steps-TOTAL_FORMS": "1",
            "route_steps-0-kind": "apprenticeship",
            "route_steps-0-what": "Carpentry and joinery apprenticeship",
            "route_steps-0-ORDER": "1",
            "action-publish": "action-publish",
        }
    )

    response = editor_client.post(add_url, data)

    assert response.status_code == 200
    assert "Add the transcript before publishing" in response.content.decode()
    assert not StoryPage.objects.filter(slug="alex-joiner").exists()

    data.pop("action-publish")
    assert editor_client.post(add_url, data).status_code == 302  # saving it as a draft is fine
    assert not StoryPage.objects.get(slug="alex-joiner").live


def test_bulk_publishing_refuses_a_story_without_a_transcript_and_publishes_nothing(index, editor_client):
    ready = story(index, title="Ready story", live=False)
    unready = story(index, title="Unready story", transcript="", live=False)
    next_url = reverse("wagtailadmin_explore", args=[index.pk])
    url = f"/admin/bulk/wagtailcore/page/publish/?id={ready.pk}&id={unready.pk}&next={next_url}"

    response = editor_client.post(url, {"include_descendants": ""}, follow=True)

    assert response.status_code == 200
    assert "Nothing was published. “Unready story”: Add the transcript" in response.content.decode()
    assert not StoryPage.objects.filter(live=True).exists()


def test_bulk_publishing_ready_stories_works(index, editor_client):
    ready = story(index, title="Ready story", live=False)
    url = f"/admin/bulk/wagtailcore/page/publish/?id={ready.pk}"
    assert editor_client.post(url, {"include_descendants": ""}).status_code == 302
    ready.refresh_from_db()
    assert ready.live
