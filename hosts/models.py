"""Local employers who ask to host placements and encounters. An employer applies at
`/hosts/apply/`; an editor approves or declines in the admin; approval gives the employer a host
team (hosts/approval.py) with exactly the permissions of a council team.

An approved employer's host team is a portal.taxonomy CouncilTeam row, the model every host team
in the directory is built on (pages, groups, requests), in the "Local employers" service area;
docs/encounters.md explains why. The application stays as the record of the safeguarding answers
the employer gave; declined applications are deleted after HOST_APPLICATION_RETENTION_DAYS by
`manage.py purge_host_applications`."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from portal.taxonomy.models import CouncilTeam


class Sector(models.TextChoices):
    """Broad sectors, in the words of the Tees Valley's labour market information."""

    MANUFACTURING = "manufacturing", "Advanced manufacturing and engineering"
    CHEMICALS = "chemicals", "Chemicals and process industries"
    CLEAN_ENERGY = "clean-energy", "Clean energy and net zero"
    CONSTRUCTION = "construction", "Construction and property"
    DIGITAL = "digital", "Digital, creative and media"
    HEALTH = "health", "Health and social care"
    LOGISTICS = "logistics", "Logistics and transport"
    HOSPITALITY = "hospitality", "Hospitality, retail and leisure"
    PROFESSIONAL = "professional", "Professional and financial services"
    CHARITY = "charity", "Charities and community organisations"
    OTHER = "other", "Another sector"


class DbsChecks(models.TextChoices):
    ENHANCED = "enhanced", "Staff who will work with young people have enhanced DBS checks"
    WILL_ARRANGE = "will-arrange", "We will arrange DBS checks before any activity that needs them"
    NOT_NEEDED = (
        "not-needed",
        "Not needed: a member of school staff stays with the young people throughout",
    )


class ApplicationQuerySet(models.QuerySet):
    def pending(self) -> "ApplicationQuerySet":
        return self.filter(status=HostApplication.Status.PENDING)

    def expired(self, now: datetime.datetime | None = None) -> "ApplicationQuerySet":
        """Declined applications older than the retention period."""
        cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.HOST_APPLICATION_RETENTION_DAYS)
        return self.filter(status=HostApplication.Status.DECLINED, decided_at__lt=cutoff)


class HostApplication(models.Model):
    """A local employer's application to host: the organisation, one contact, what it can offer,
    and its safeguarding answers. Holds only adults' work contact details, never a pupil's."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for an editor"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    organisation_name = models.CharField("organisation", max_length=150)
    sector = models.CharField(max_length=20, choices=Sector.choices)
    address = models.TextField("address of the workplace")
    postcode = models.CharField(max_length=8)
    website = models.URLField(blank=True)
    contact_name = models.CharField("contact's name", max_length=100)
    contact_role = models.CharField("contact's job title", max_length=100)
    contact_email = models.EmailField("contact's work email address")
    contact_phone = models.CharField("contact's telephone number", max_length=20)
    offers = models.JSONField(default=list, help_text="Codes of the kinds of opportunity it can offer.")
    key_stages = models.JSONField(default=list)
    offer_details = models.TextField("what you can offer")
    safeguarding_name = models.CharField("safeguarding contact's name", max_length=100)
    safeguarding_role = models.CharField("safeguarding contact's job title", max_length=100)
    dbs_checks = models.CharField("DBS checks", max_length=20, choices=DbsChecks.choices)
    liability_insurance = models.BooleanField("employer's liability insurance", default=False)
    insurer = models.CharField(max_length=100)
    insurance_expires = models.DateField("insurance renewal date")
    password_hash = models.CharField(
        max_length=128, blank=True, editable=False, help_text="The account's password, as Django stores one."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    submission = models.UUIDField(
        null=True, blank=True, unique=True, editable=False, help_text="The form's one-time token."
    )
    created_at = models.DateTimeField("received", default=timezone.now, editable=False)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(blank=True)
    host_team = models.OneToOneField(
        CouncilTeam,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="host_application",
        help_text="The host team made when the application was approved.",
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "employer's application to host"
        verbose_name_plural = "employers' applications to host"
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(liability_insurance=True),
                name="hosts_approved_have_insurance",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.organisation_name}"

    @property
    def reference(self) -> str:
        return f"HA-{self.pk:05d}" if self.pk else "HA-new"

    @property
    def offer_labels(self) -> list[str]:
        from placements.vocabulary import KINDS_BY_CODE

        return [KINDS_BY_CODE[code].name for code in self.offers if code in KINDS_BY_CODE]
