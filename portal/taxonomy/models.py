"""The shared vocabulary. Benchmarks, key stages, audiences and settings are seeded by data
migrations and cannot be added, deleted or renumbered through the portal; editors may reword the
benchmark descriptions. Schools are a snippet that editors maintain."""

from typing import Any

from django.contrib.auth.models import Group
from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class FixedVocabularyError(Exception):
    """Raised when code tries to delete or renumber a seeded vocabulary term."""


class FixedTermQuerySet(models.QuerySet):
    def delete(self) -> tuple[int, dict[str, int]]:
        raise FixedVocabularyError(
            f"{self.model._meta.verbose_name_plural} are fixed vocabulary and cannot be deleted."
        )


class FixedTerm(models.Model):
    """A seeded term that resources, placements and URLs depend on: it can be reworded, never
    deleted, whether through a model or a queryset. (Raised before any transaction starts, so a
    refused delete leaves the surrounding transaction usable.)"""

    objects = FixedTermQuerySet.as_manager()

    class Meta:
        abstract = True

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise FixedVocabularyError(f"{self._meta.verbose_name} is fixed vocabulary and cannot be deleted.")


class Benchmark(FixedTerm):
    """One of the 8 Gatsby Benchmarks of good career guidance (2025 revision)."""

    number = models.PositiveSmallIntegerField(unique=True, editable=False)
    name = models.CharField(max_length=120, editable=False)
    description = models.TextField(help_text="A plain-English description for teachers and parents.")

    panels = [FieldPanel("description")]

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Benchmark {self.number}: {self.name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk:
            stored = Benchmark.objects.filter(pk=self.pk).values_list("number", flat=True).first()
            if stored is not None and stored != self.number:
                raise FixedVocabularyError("A Gatsby Benchmark cannot be renumbered.")
        super().save(*args, **kwargs)

    @property
    def short_name(self) -> str:
        return f"Benchmark {self.number}"


class MeaningfulCriterion(FixedTerm):
    """One criterion of a "meaningful" encounter or experience (Benchmarks 5, 6 and 7). Placements
    record which Benchmark 6 criteria they meet by the stable code."""

    benchmark = models.ForeignKey(
        Benchmark, on_delete=models.PROTECT, related_name="meaningful_criteria", editable=False
    )
    code = models.SlugField(max_length=40, unique=True, editable=False)
    text = models.TextField()
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    panels = [FieldPanel("text")]

    class Meta:
        ordering = ["benchmark__number", "sort_order"]

    def __str__(self) -> str:
        return self.text


class KeyStage(FixedTerm):
    """A key stage (EYFS, KS1 to KS5) with its ages and year groups."""

    code = models.CharField(max_length=4, unique=True)
    name = models.CharField(max_length=60)
    ages = models.CharField(max_length=20)
    year_groups = models.CharField(max_length=40)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return f"{self.code} ({self.year_groups})"


class _CodedTerm(models.Model):
    """A term identified by a stable slug code (the value used in URLs)."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=80)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return self.name


class Audience(_CodedTerm, FixedTerm):
    """Who a piece of content is for: teachers, parents, young people, employers."""


class Setting(_CodedTerm, FixedTerm):
    """The kind of setting a resource or placement suits: mainstream, special, AP/PRU, college, home education."""


class Subject(_CodedTerm):
    """A curriculum subject a resource links careers learning to (Benchmark 4)."""


class School(index.Indexed, models.Model):
    """A school or college of the area, used by case studies, requests for places and events."""

    class Phase(models.TextChoices):
        PRIMARY = "primary", "Primary"
        SECONDARY = "secondary", "Secondary"
        ALL_THROUGH = "all-through", "All-through"
        SPECIAL = "special", "Special"
        ALTERNATIVE = "alternative", "Alternative provision or PRU"
        POST_16 = "post-16", "Sixth form or college"

    class Kind(models.TextChoices):
        ACADEMY = "academy", "Academy"
        MAINTAINED = "maintained", "Local authority maintained"
        FREE_SCHOOL = "free-school", "Free school"
        COLLEGE = "college", "Further education college"
        SIXTH_FORM = "sixth-form", "Sixth form college"
        INDEPENDENT = "independent", "Independent"

    name = models.CharField(max_length=150)
    urn = models.CharField(
        "URN",
        max_length=6,
        unique=True,
        validators=[
            RegexValidator(
                r"^\d{6}$", "A URN is the 6-digit unique reference number from Get Information About Schools."
            )
        ],
    )
    phase = models.CharField(max_length=20, choices=Phase.choices)
    kind = models.CharField("type", max_length=20, choices=Kind.choices)
    is_open = models.BooleanField(
        default=True, help_text="Untick when the school closes; it stays on old records."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("urn"),
        FieldPanel("phase"),
        FieldPanel("kind"),
        FieldPanel("is_open"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("phase")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_secondary_or_college(self) -> bool:
        return self.phase in {self.Phase.SECONDARY, self.Phase.ALL_THROUGH, self.Phase.POST_16}


class CouncilTeam(index.Indexed, models.Model):
    """A council service or team: it hosts work placements and offers services to schools. Its staff
    are the members of its Wagtail group, which is how the portal limits a team to its own content."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    directorate = models.CharField(
        max_length=150, help_text="e.g. Children's Services, Adults, Health and Wellbeing."
    )
    description = models.TextField(help_text="What the team does, in a sentence or two.")
    contact_role = models.CharField(
        max_length=150, help_text="A role, not a person's name, e.g. “Placements Coordinator”."
    )
    contact_email = models.EmailField(help_text="A team mailbox rather than a personal address.")
    group = models.OneToOneField(
        Group,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="council_team",
        help_text="The Wagtail group whose members are this team's staff.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("directorate"),
        FieldPanel("description"),
        FieldPanel("contact_role"),
        FieldPanel("contact_email"),
        FieldPanel("group"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def for_user(cls, user: Any) -> models.QuerySet["CouncilTeam"]:
        """The teams whose group the user belongs to (none for anonymous users)."""
        if not getattr(user, "is_authenticated", False):
            return cls.objects.none()
        return cls.objects.filter(group__in=user.groups.all())
