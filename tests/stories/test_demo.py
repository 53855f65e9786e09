"""The demo stories load, publish (so each passes the transcript and captions checks) and load again
without duplicating anything."""

import pytest

from demo.loader import load, read
from stories.models import StoryLink, StoryPage, StoryRouteStep

pytestmark = pytest.mark.django_db
STORIES = [page for page in read("stories")["page"] if page["type"] == "stories.StoryPage"]


def test_ten_fictional_stories_load_twice_without_duplicates(demo):
    load(demo.home, ("stories",))

    stories = StoryPage.objects.live()
    assert stories.count() == 10
    # Made-up interviews have no film: the transcript is the whole interview.
    assert all(story.is_example and story.transcript and not story.film_url for story in stories)
    assert StoryRouteStep.objects.count() == sum(len(story["route_steps"]) for story in STORIES)
    assert len({story.sector for story in stories}) == 10
    # Each story points to live resources, placements and post-16 pages, each once.
    links = StoryLink.objects.filter(page__in=stories)
    pairs = list(links.values_list("page_id", "link_page_id"))
    assert pairs and len(pairs) == len(set(pairs))
    assert all(link.link_page.live for link in links.select_related("link_page"))


def test_a_demo_story_says_it_has_no_film_and_gives_the_interview_as_text(client, demo):
    html = client.get(StoryPage.objects.live().first().url).content.decode()
    assert "There is no film of this interview" in html
    assert "Watch " not in html and "The film has captions" not in html and "<iframe" not in html
    assert "The interview" in html


# Qualifications the stories name, and the year each was first taught or first awarded.
FIRSTS = {
    "T level": ("started", 2020),  # the first T levels were taught from September 2020
    "food preparation and nutrition": ("ended", 2018),  # the GCSE was first awarded in 2018
}


def test_no_story_takes_a_qualification_before_it_existed():
    checked = 0
    for story in STORIES:
        for step in story["route_steps"]:
            what, years = step["what"], step["years"]
            for name, (end, first) in FIRSTS.items():
                if name.lower() in what.lower():
                    start, _, finish = years.partition(" to ")
                    year = int(start) if end == "started" else int(finish or start)
                    assert year >= first, (story["slug"], what, years)
                    checked += 1
    assert checked >= 2
