"""The demo stories load, publish (so each passes the transcript and captions checks) and load again
without duplicating anything."""

import re

import pytest

from portal.home import demo as home_demo
from stories import demo
from stories.models import StoryLink, StoryPage, StoryRouteStep

pytestmark = pytest.mark.django_db


def test_ten_fictional_stories_load_twice_without_duplicates(home):
    home_demo.load(home)
    demo.load(home)
    demo.load(home)

    stories = StoryPage.objects.live()
    assert stories.count() == 10
    assert all(
        story.is_example and story.transcript and story.has_captions and story.film for story in stories
    )
    assert StoryRouteStep.objects.count() == sum(len(story.steps) for story in demo.STORIES)
    assert len({story.sector for story in stories}) == 10
    assert (
        StoryLink.objects.filter(page__in=stories).count() == 0
    )  # no resources, placements or post-16 pages yet


def test_demo_films_are_placeholders_that_need_no_network(home):
    for story in demo.STORIES:
        assert re.search(r"BornBred\d{3}|vimeo\.com/9000000\d\d", story.film_url)
