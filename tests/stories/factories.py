"""Factories for Born and Bred stories. Pages are created through Wagtail's tree API and published
through a revision, exactly as an editor's publish would."""

import itertools
from collections.abc import Iterable

from wagtail.models import Page

from stories.models import Sector, StepKind, StoryIndexPage, StoryLink, StoryPage, StoryRouteStep

_sequence = itertools.count(1)

YOUTUBE_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def story_index(home) -> StoryIndexPage:
    existing = StoryIndexPage.objects.first()
    if existing:
        return existing
    index = StoryIndexPage(
        title="Born and Bred stories", slug="stories", intro="Local careers.", show_in_menus=True
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def story(
    index: StoryIndexPage,
    *,
    first_name: str = "Sam",
    sector: str = Sector.ENGINEERING,
    steps: Iterable[str] = (StepKind.SCHOOL, StepKind.APPRENTICESHIP, StepKind.JOB),
    film_url: str = YOUTUBE_URL,
    has_captions: bool = True,
    transcript: str = "Interviewer: How did you start?\n\nSam: At school.",
    links: Iterable[Page] = (),
    live: bool = True,
    **fields,
) -> StoryPage:
    """A story; published (through a revision) unless live=False, when it is left as a draft."""
    n = next(_sequence)
    page = StoryPage(
        title=fields.pop("title", f"{first_name}, engineer {n}"),
        slug=f"story-{n}",
        first_name=first_name,
        job_title=fields.pop("job_title", "Engineer"),
        sector=sector,
        grew_up_in="Norton",
        local_schooling="Kingfisher Academy",
        summary=fields.pop("summary", "A story for testing."),
        pull_quote="It all started here.",
        film_url=film_url,
        has_captions=has_captions,
        transcript=transcript,
        live=False,
        route_steps=[StoryRouteStep(kind=kind, what=f"Step {i}") for i, kind in enumerate(steps)],
        related_links=[StoryLink(link_page=linked) for linked in links],
        **fields,
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page
