"""Whose drafts, and whose uploads, a user may see in the admin and download.

A school contributor holds only "add" on the resource bank; a council officer edits only their own
team's pages; a Reporting user edits nothing. Wagtail stops them opening or editing anyone else's
page, but its lists (the explorer, the page search, the page chooser, the admin API), the pages it
opens by id (a parent in the explorer or chooser, a move's destination, a bulk action's
confirmation) and its document API would still show them the titles of other people's work in
progress and the files it uses. Ids are sequential, so anything reachable by id must be checked.

One rule for pages, `without_other_peoples_drafts` (live pages, the user's own pages and the pages
they may edit), served through the page permission policy below to Wagtail's lists and through
`AdminDraftGuard` to every admin URL that names a page; one rule for uploads, `visible_uploads`;
and `withheld_download`, which keeps a file used only by unpublished pages from the public."""

from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import resolve
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupCollectionPermission, Page, ReferenceIndex
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import page_permission_policy

from portal.core.middleware import DATABASE_ERRORS


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


def hides_a_page(page_ids: Iterable[Any], user: Any) -> bool:
    """Whether any of these pages is another person's draft that `user` may not see."""
    wanted = {int(pk) for pk in page_ids if str(pk).isdigit()}
    if not wanted or user.is_superuser:
        return False
    pages = Page.objects.filter(pk__in=wanted)
    return pages.count() != without_other_peoples_drafts(pages, user).count()


def may_change_all_uploads(user: Any, model: Any) -> bool:
    """Whether `user` may change documents (or images, by `model`) in some collection by group
    permission: editors. Not the policy's "change" check: under Wagtail's ownership rules an
    uploader may change their own files, so it is true for contributors too."""
    if user is None or not user.is_active:
        return False
    codename = get_permission_codename("change", model._meta)
    return (
        user.is_superuser
        or GroupCollectionPermission.objects.filter(
            group__user=user,
            permission__codename=codename,
            permission__content_type__app_label=model._meta.app_label,
        ).exists()
    )


def visible_uploads(items: QuerySet, user: Any) -> QuerySet:
    """Documents (or images) `user` may list or choose: all of them for someone who may change
    them anywhere (editors), otherwise only their own uploads, never other schools' files for
    unpublished work."""
    if may_change_all_uploads(user, items.model):
        return items
    return items.filter(uploaded_by_user=user)


def hides_an_upload(model: Any, ids: Iterable[Any], user: Any) -> bool:
    """Whether any of these documents (or images) is an upload `user` may not see."""
    wanted = {int(pk) for pk in ids if str(pk).isdigit()}
    uploads = model.objects.filter(pk__in=wanted)
    return bool(wanted) and uploads.count() != visible_uploads(uploads, user).count()


def _pages_using(document: Any) -> QuerySet:
    references = ReferenceIndex.get_references_to(document)
    page_type = ContentType.objects.get_for_model(Page)  # every page's base type in the index
    ids = [ref.object_id for ref in references if ref.base_content_type_id == page_type.pk]
    return Page.objects.filter(pk__in=ids)


def _private_until_used(document: Any) -> bool:
    """Whether a file must wait for a live page before the public may download it: one that only
    unpublished pages use, or a contributor's upload that no live page uses yet. Wagtail's
    reference index holds a live page's published content and an unpublished page's draft, so a
    file added only in a live page's newer draft counts as unused."""
    using = _pages_using(document)
    if using.filter(live=True).exists():
        return False
    if using.exists():
        return True
    uploader = document.uploaded_by_user
    return uploader is not None and not may_change_all_uploads(uploader, type(document))


def withheld_download(document: Any, user: Any) -> bool:
    """A file used only by unpublished pages (or a contributor's file no live page uses) stays
    private until a page that uses it goes live, except to those who may see it in the admin or
    see one of those pages' drafts. Any other file is left to Wagtail's collection privacy."""
    if not _private_until_used(document):
        return False
    if not user.is_authenticated:
        return True
    if visible_uploads(get_document_model().objects.filter(pk=document.pk), user).exists():
        return False
    return not without_other_peoples_drafts(_pages_using(document), user).exists()


PAGE_ARGUMENTS = frozenset({"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"})
# For each kind of upload: the URL arguments that name one, and its admin's namespace (whose
# viewsets and choosers call it `pk`).
UPLOAD_ARGUMENTS = {
    "wagtaildocs": frozenset({"document_id", "doc_id"}),
    "wagtailimages": frozenset({"image_id"}),
}


def _upload_model(app_label: str) -> Any:
    return get_document_model() if app_label == "wagtaildocs" else get_image_model()


class AdminDraftGuard:
    """A 404 for any admin URL that names another person's draft page, or an upload the user may
    not see, by id: in its path (`/admin/pages/<id>/`, `/admin/choose-page/<id>/`, a move's
    destination...) or in a bulk action's `?id=` list. Wagtail's own checks still follow; this
    only stops its confirmation and browsing pages from showing the title first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Any, args: Any, kwargs: dict[str, Any]) -> None:
        if not request.path_info.startswith("/admin/"):
            return None
        try:
            self._check(request, kwargs)
        except DATABASE_ERRORS:
            # Who the user is lives in the database: let the view meet the outage, where the
            # portal's middleware answers it with the plain 503 (an error here would be a 500).
            return None
        return None

    def _check(self, request: HttpRequest, kwargs: dict[str, Any]) -> None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return
        match = request.resolver_match or resolve(request.path_info)
        bulk = match.url_name == "wagtail_bulk_action"
        pages = [v for k, v in kwargs.items() if k in PAGE_ARGUMENTS]
        if bulk and (kwargs.get("app_label"), kwargs.get("model_name")) == ("wagtailcore", "page"):
            pages += request.GET.getlist("id")
        if hides_a_page(pages, user):
            raise Http404("No such page.")
        for app_label, names in UPLOAD_ARGUMENTS.items():
            model = _upload_model(app_label)
            ids = [v for k, v in kwargs.items() if k in names]
            if "pk" in kwargs and any(ns.startswith(app_label) for ns in match.namespaces):
                ids.append(kwargs["pk"])
            if bulk and (kwargs.get("app_label"), kwargs.get("model_name")) == (
                model._meta.app_label,
                model._meta.model_name,
            ):
                ids += request.GET.getlist("id")
            if hides_an_upload(model, ids, user):
                raise Http404("No such file.")
