"""What publishing stores: school staff's requests to become contributors, per-day download counts
for the impact dashboard, and the dashboard's permission."""

import datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from portal.taxonomy.models import School


class ContributorRequestQuerySet(models.QuerySet):
    def pending(self) -> "ContributorRequestQuerySet":
        return self.filter(status=ContributorRequest.Status.PENDING)

    def expired(self, now: datetime.datetime | None = None) -> "ContributorRequestQuerySet":
        """Requests never approved and older than the retention period."""
        cutoff = (now or timezone.now()) - datetime.timedelta(
            days=settings.CONTRIBUTOR_REQUEST_RETENTION_DAYS
        )
        return self.exclude(status=ContributorRequest.Status.APPROVED).filter(created_at__lt=cutoff)


class ContributorRequest(models.Model):
    """A member of school staff asking to share resources and case studies. There is no open
    sign-up: an editor approves the request, or the address's domain is on
    CONTRIBUTOR_AUTO_APPROVE_DOMAINS and confirming the address approves it. An approved request
    stays as the contributor's record (which school they write for); the rest are deleted after
    CONTRIBUTOR_REQUEST_RETENTION_DAYS."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for an editor"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Turned down"

    name = models.CharField("full name", max_length=120)
    email = models.EmailField("school email address", max_length=254)
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="contributor_requests")
    role_at_school = models.CharField(
        "role at the school", max_length=120, help_text="For example, careers leader or head of Year 10."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="The editor who decided; empty when the address's domain approved it.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="contributor_request",
        editable=False,
    )

    objects = ContributorRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "contributor request"
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.name}, {self.role_at_school} at {self.school}"

    @property
    def email_domain(self) -> str:
        return self.email.rsplit("@", 1)[-1].lower()

    @property
    def is_auto_approvable(self) -> bool:
        return self.email_domain in settings.CONTRIBUTOR_AUTO_APPROVE_DOMAINS


class DocumentDownload(models.Model):
    """How many times a document was downloaded on a day. Counts only: nothing about who
    downloaded it is kept."""

    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "date"], name="one_count_per_document_day")
        ]

    def __str__(self) -> str:
        return f"{self.document_id} on {self.date}: {self.count}"

    @classmethod
    def record(cls, document_id: int, on: datetime.date | None = None) -> None:
        """Count one download. The increment is a single UPDATE so concurrent downloads never
        lose a count; the first download of the day creates the row."""
        day = on or timezone.localdate()
        if cls.objects.filter(document_id=document_id, date=day).update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(document_id=document_id, date=day, count=1)
        except IntegrityError:  # another request created today's row first
            cls.objects.filter(document_id=document_id, date=day).update(count=F("count") + 1)


def count_download(sender: type, instance: Any, request: HttpRequest, **kwargs: Any) -> None:
    """`document_served` receiver: one more download of the document today (GET only)."""
    if request.method == "GET":
        DocumentDownload.record(instance.pk)


class ImpactDashboard(models.Model):
    """No table: this model only owns the permission to see the impact dashboard and the content
    freshness report (held by Editors and Reporting)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("view_impact_dashboard", "Can view the impact dashboard and content freshness report")
        ]

    def __str__(self) -> str:
        return "Impact dashboard"
