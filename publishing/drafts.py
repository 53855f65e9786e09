"""Whose drafts appear in the admin's lists of pages.

A school contributor holds only "add" on the resource bank. Wagtail already stops them opening or
editing anyone else's page, but every admin list of pages (the explorer, the page search, the page
chooser and the admin API behind the explorer menu) would still show them the titles of other
schools' work in progress. One rule, `without_other_peoples_drafts`, keeps those lists to live pages,
the user's own pages and the pages they may edit."""

from typing import Any

from django.db.models import Q, QuerySet
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import page_permission_policy


def without_other_peoples_drafts(pages: QuerySet, user: Any) -> QuerySet:
    """`pages` less the unpublished pages of other people that `user` may not change or publish."""
    if user.is_superuser:
        return pages
    editable = page_permission_policy.instances_user_has_any_permission_for(user, {"change", "publish"})
    return pages.filter(Q(live=True) | Q(owner=user) | Q(pk__in=editable.values("pk")))


class DraftHidingPagePolicy(PagePermissionPolicy):
    """Wagtail's page permissions, except that the pages a user may explore leave out other
    people's drafts. The explorer, the page search and the admin API all list pages through
    `explorable_instances`, so registering this policy covers each of them."""

    def explorable_instances(self, user: Any) -> QuerySet:
        return without_other_peoples_drafts(super().explorable_instances(user), user)


draft_hiding_page_policy = DraftHidingPagePolicy(Page)
