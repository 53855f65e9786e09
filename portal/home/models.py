"""The home page that routes each kind of visitor, and plain standard pages (guides, the
accessibility statement, privacy notices)."""

from django.db import models
from django.http import Http404, HttpRequest
from django.urls import Resolver404
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from portal.blocks import BodyBlock


class RouteBlock(blocks.StructBlock):
    """One card on the home page: who it is for and where they go next."""

    heading = blocks.CharBlock(help_text="Who this is for, e.g. “Teachers and careers leaders”.")
    text = blocks.TextBlock()
    links = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("label", blocks.CharBlock()),
                ("page", blocks.PageChooserBlock(required=False)),
                (
                    "url",
                    blocks.CharBlock(
                        required=False, help_text="A site path such as /resources/, if no page."
                    ),
                ),
            ]
        )
    )

    class Meta:
        template = "home/blocks/route.html"
        icon = "user"


class HomePage(Page):
    """The portal's front door."""

    intro = models.TextField(help_text="One or two sentences under the page title.")
    routes = StreamField([("route", RouteBlock())], blank=True, help_text="One card per kind of visitor.")
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("routes"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "home page"

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        """The page at a path in two queries, where Wagtail walks the tree a level at a time with
        two queries per level (a placement, four levels down, took nine). Every page along the
        path is fetched at once by url_path. As in Wagtail's walk, a page with routes of its own
        (RoutablePageMixin) has first say over the rest of the path, and the page found decides
        what is left (its own routes, its `live` check, or a 404)."""
        if not path_components:
            return super().route(request, path_components)
        depth_of = {
            f"{self.url_path}{'/'.join(path_components[:n])}/": self.depth + n
            for n in range(1, len(path_components) + 1)
        }
        found = Page.objects.filter(url_path__in=depth_of, path__startswith=self.path).order_by("depth")
        chain = [page for page in found if depth_of[page.url_path] == page.depth]
        if not chain:
            raise Http404
        for page in chain[:-1]:
            rest = path_components[page.depth - self.depth :]
            if issubclass(page.specific_class, RoutablePageMixin) and _resolves(page.specific_class, rest):
                return page.specific.route(request, rest)
        deepest = chain[-1]
        return deepest.specific.route(request, path_components[deepest.depth - self.depth :])


def _resolves(page_class: type[RoutablePageMixin], components: list[str]) -> bool:
    try:
        page_class.get_resolver().resolve("/" + "".join(f"{c}/" for c in components))
    except Resolver404:
        return False
    return True


class StandardPage(Page):
    """A plain page of text: guides, the accessibility statement, privacy notices."""

    summary = models.TextField(blank=True, help_text="Shown under the title and in search results.")
    body = StreamField(BodyBlock())
    last_reviewed = models.DateField(null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    class Meta:
        verbose_name = "standard page"
