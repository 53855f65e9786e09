"""Who runs a service besides council teams, and where services happen."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index


class PartnerOrganisation(index.Indexed, models.Model):
    """An organisation outside the council that offers a service to schools (an NHS team, a charity)."""

    name = models.CharField(max_length=150, unique=True)
    description = models.TextField(help_text="What the organisation is, in a sentence or two.")
    website = models.URLField(blank=True)
    email = models.EmailField(help_text="A shared mailbox, not a personal address.")
    oruk_id = models.UUIDField("Open Referral id", default=uuid.uuid4, unique=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("website"), FieldPanel("email")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "partner organisation"

    def __str__(self) -> str:
        return self.name


class Location(index.Indexed, models.Model):
    """A place where a service or a post-16 provider works with children, families or staff."""

    class Kind(models.TextChoices):
        PHYSICAL = "physical", "A building"
        VIRTUAL = "virtual", "Online"

    name = models.CharField(max_length=150, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PHYSICAL)
    address_1 = models.CharField("address line 1", max_length=150, blank=True)
    address_2 = models.CharField("address line 2", max_length=150, blank=True)
    town = models.CharField(max_length=80, default="Stockton-on-Tees", blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    accessibility = models.TextField(blank=True, help_text="Step-free access, hearing loops, parking.")
    oruk_id = models.UUIDField("Open Referral id", default=uuid.uuid4, unique=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("address_1"),
        FieldPanel("address_2"),
        FieldRowPanel([FieldPanel("town"), FieldPanel("postcode")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("accessibility"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("postcode"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.kind == self.Kind.PHYSICAL and not (self.address_1 and self.postcode):
            raise ValidationError("A building needs at least the first line of its address and its postcode.")

    @property
    def address_lines(self) -> list[str]:
        return [line for line in (self.address_1, self.address_2, self.town, self.postcode) if line]
