"""The story listing (filters by sector and route, bad values) and the story page (click-to-load
film: no third-party address in the page until the visitor chooses to play)."""

import re

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from stories.models import Sector, StepKind
from tests.listings import result_titles

from ..resources.factories import resource, resource_index
from .factories import story, story_index

pytestmark = pytest.mark.django_db

THIRD_PARTY_VIDEO = re.compile(
    r"youtube\.com|youtube-nocookie|youtu\.be|vimeo\.com|vimeocdn|ytimg", re.IGNORECASE
)


@pytest.fixture
def index(home):
    return story_index(home)


def titles(response) -> list[str]:
    return result_titles(response)


# The listing


def test_the_listing_shows_live_stories_only(client, index):
    story(index, title="Published story")
    story(index, title="Draft story", live=False)
    response = client.get("/stories/")
    assert response.status_code == 200
    assert titles(response) == ["Published story"]


def test_filter_by_sector(client, index):
    story(index, title="Nurse", sector=Sector.HEALTH)
    story(index, title="Engineer", sector=Sector.ENGINEERING)
    story(index, title="Chef", sector=Sector.HOSPITALITY)
    response = client.get("/stories/", {"sector": [Sector.HEALTH, Sector.HOSPITALITY]})
    assert titles(response) == ["Chef", "Nurse"]
    counts = {option.value: option.count for option in response.context["facets"]["sector"]}
    assert counts[Sector.ENGINEERING] == 1  # the other sectors still show what ticking them gives


def test_filter_by_a_step_of_the_route(client, index):
    story(index, title="Apprentice", steps=(StepKind.SCHOOL, StepKind.APPRENTICESHIP, StepKind.JOB))
    story(
        index,
        title="Graduate",
        steps=(StepKind.SCHOOL, StepKind.COLLEGE, StepKind.UNIVERSITY, StepKind.JOB, StepKind.JOB),
    )
    response = client.get("/stories/", {"route": StepKind.UNIVERSITY})
    assert titles(response) == ["Graduate"]
    assert titles(client.get("/stories/", {"route": StepKind.JOB})) == ["Apprentice", "Graduate"]
    counts = {option.value: option.count for option in response.context["facets"]["route"]}
    # Each story counts once per kind, however many steps of that kind it has.
    assert (counts[StepKind.JOB], counts[StepKind.APPRENTICESHIP], counts[StepKind.TRAINING]) == (2, 1, 0)


def test_sector_and_route_filters_combine(client, index):
    story(index, title="Health apprentice", sector=Sector.HEALTH, steps=(StepKind.APPRENTICESHIP,))
    story(index, title="Health graduate", sector=Sector.HEALTH, steps=(StepKind.UNIVERSITY,))
    story(index, title="Engineering apprentice", sector=Sector.ENGINEERING, steps=(StepKind.APPRENTICESHIP,))
    response = client.get("/stories/", {"sector": Sector.HEALTH, "route": StepKind.APPRENTICESHIP})
    assert titles(response) == ["Health apprentice"]


@pytest.mark.parametrize(
    "params",
    [
        {"sector": "astronaut"},
        {"route": "<script>"},
        {"sector": "x" * 5000},
        {"page": "banana"},
        {"page": "99999"},
        {"route": ["school", "school", "nonsense"]},
    ],
)
def test_bad_parameters_are_ignored_with_a_message_never_an_error(client, index, params):
    story(index, title="Still here")
    response = client.get("/stories/", params)
    assert response.status_code == 200
    assert titles(response) == ["Still here"]
    if "page" not in params:
        assert "is not a" in response.content.decode()


def test_no_third_party_address_is_in_the_page_before_the_visitor_chooses_to_play(client, index):
    page = story(index, film_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    html = client.get(page.url).content.decode()
    assert THIRD_PARTY_VIDEO.search(html) is None
    assert "<iframe" not in html
    assert 'href="?play=1#film"' in html
    assert "Play video (loads YouTube, which may set cookies)" in html


def test_choosing_to_play_loads_the_no_cookie_player(client, index):
    page = story(index, film_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    html = client.get(page.url, {"play": "1"}).content.decode()
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"' in html
    assert "www.youtube.com" not in html
    assert f'title="Film: {page.title}"' in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_the_placeholder_shows_a_poster_stored_on_the_portal(client, index):
    poster = Image.objects.create(title="Still from the film", file=get_test_image_file("poster.png"))
    page = story(index, poster=poster)
    html = client.get(page.url).content.decode()
    (src,) = re.findall(r'<img[^>]*class="portal-film__poster"[^>]*>', html)
    assert 'src="/media/' in src and 'alt=""' in src
    assert THIRD_PARTY_VIDEO.search(html) is None


def test_vimeo_plays_with_do_not_track(client, index):
    page = story(index, film_url="https://vimeo.com/76979871")
    assert THIRD_PARTY_VIDEO.search(client.get(page.url).content.decode()) is None
    html = client.get(page.url, {"play": "1"}).content.decode()
    assert 'src="https://player.vimeo.com/video/76979871?dnt=1"' in html


def test_a_written_story_shows_its_interview_without_a_player(client, index):
    page = story(index, film_url="", has_captions=False, transcript="Interviewer: Hello.\n\nSam: Hello back.")
    html = client.get(page.url, {"play": "1"}).content.decode()
    assert "<iframe" not in html
    assert "Sam: Hello back." in html


def test_the_transcript_is_on_the_page_before_playing_one_paragraph_per_speaker(client, index):
    # As a browser sends a textarea: \r\n line breaks.
    page = story(
        index, transcript="Interviewer: Where did you grow up?\r\n\r\nSam: In Norton,\r\nby the green."
    )
    html = client.get(page.url).content.decode()
    assert '<p class="govuk-body">Interviewer: Where did you grow up?</p>' in html
    assert '<p class="govuk-body">Sam: In Norton,<br>by the green.</p>' in html


def test_the_page_shows_the_route_in_order_and_links_to_live_pages_only(client, home, index):
    bank = resource_index(home)
    live = resource(bank, title="Jobs in the Tees Valley")
    draft = resource(bank, title="Unfinished resource", live=False)
    page = story(index, steps=(StepKind.SCHOOL, StepKind.COLLEGE, StepKind.JOB), links=[live, draft])
    html = client.get(page.url).content.decode()
    assert html.index("College or sixth form") < html.index(">Job<")
    assert f'href="{live.url}"' in html and "Jobs in the Tees Valley" in html
    assert "Unfinished resource" not in html
    assert "Resource" in html  # the linked page's type, so a young person knows what it is


def test_a_fictional_example_says_so(client, index):
    page = story(index, is_example=True)
    assert "This is a fictional example story" in client.get(page.url).content.decode()


def test_search_document(index):
    page = story(
        index, title="Amira, process engineer", sector=Sector.CHEMICALS, transcript="We talk about plants."
    )
    document = page.search_document()
    assert document["title"] == "Amira, process engineer"
    assert document["url"] == page.url
    assert document["kind"] == Sector.CHEMICALS
    assert document["kind_label"] == "Chemicals and process industries"
    assert "We talk about plants." in document["body"]
    assert document["audiences"] == ["young-people", "parents"]
    assert "Apprenticeship" in document["tags"]
    assert document["date"] is None and document["has_places_left"] is None
    assert page.search_type == ("story", "Born and Bred story")


def test_the_listing_preview_shows_the_listing(index):
    story(index, title="Previewed story")
    assert "Previewed story" in index.make_preview_request().content.decode()
