"""The home page that routes each kind of visitor, and plain standard pages (guides, the
accessibility statement, privacy notices)."""

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

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
