"""Admin hooks for stories: bulk publishing refuses stories that are not ready, as the editor does."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from wagtail import hooks

from .models import StoryPage


@hooks.register("before_bulk_action")
def refuse_to_bulk_publish_unready_stories(
    request: HttpRequest, action_type: str, objects: list[Any], action: Any
) -> HttpResponse | None:
    """Bulk "Publish" publishes each page's latest draft without its form, so a story saved as a
    draft without a transcript would fail the model's check mid-way; stop before anything is
    published and say which stories need what."""
    if action_type != "publish":
        return None
    unready = []
    for page in objects:
        if page.specific_class is not StoryPage:
            continue
        revision = page.get_latest_revision()
        draft = revision.as_object() if revision else page.specific
        if problems := draft.publish_problems():
            unready.append(f"“{draft.title}”: {' '.join(problems.values())}")
    if not unready:
        return None
    messages.error(request, "Nothing was published. " + " ".join(unready))
    return redirect(action.next_url)
