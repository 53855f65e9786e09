"""Referral enquiries: a school asks a service about support. They hold the adult contact's details
only (never a pupil's), are seen by the service's own team, and lose those details after the
retention period while the counts and response times stay for reporting."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from portal.taxonomy.models import CouncilTeam, School

from .services import ServicePage

VIEW_ALL_PERMISSION = "directory.view_all_referralenquiry"


class ReferralEnquiryQuerySet(models.QuerySet):
    def for_user(self, user: Any) -> "ReferralEnquiryQuerySet":
        """The enquiries a user may see: editors and superusers see all, a team sees its services'."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_superuser or user.has_perm(VIEW_ALL_PERMISSION):
            return self
        return self.filter(service__team__in=CouncilTeam.for_user(user))


class ReferralEnquiry(models.Model):
    """An enquiry from a school to a service, sent from the service's page."""

    service = models.ForeignKey(
        ServicePage, null=True, on_delete=models.SET_NULL, related_name="enquiries", editable=False
    )
    # Kept so counts still make sense if the service page is deleted.
    service_title = models.CharField("service", max_length=255, editable=False)
    school = models.ForeignKey(School, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    school_name = models.CharField("school or setting (not listed)", max_length=150, blank=True)
    contact_name = models.CharField(max_length=120, blank=True)
    contact_role = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    support_sought = models.TextField("support sought", blank=True)
    created_at = models.DateTimeField("received", default=timezone.now, db_index=True, editable=False)
    responded_at = models.DateTimeField("first responded", null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_time_right = models.BooleanField(
        "accepted first time",
        null=True,
        blank=True,
        help_text="Recorded when the team answers: accepted without asking the school for more information.",
    )
    contact_details_removed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The enquiry form's one-time token (portal.core.submissions): sending it twice makes one enquiry.
    submission = models.UUIDField(null=True, unique=True, editable=False)

    objects = ReferralEnquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "referral enquiry"
        verbose_name_plural = "referral enquiries"
        permissions = [("view_all_referralenquiry", "Can see every team's referral enquiries")]

    def __str__(self) -> str:
        # No personal details: this string appears in the admin's history and logs.
        return f"{self.reference}: {self.service_title}"

    @property
    def reference(self) -> str:
        return f"ENQ-{self.pk:06d}" if self.pk else "ENQ-new"

    @property
    def school_display(self) -> str:
        return self.school.name if self.school else self.school_name

    @property
    def responded(self) -> bool:
        return self.responded_at is not None

    @property
    def responded_label(self) -> str:
        if self.responded_at is None:
            return "Awaiting response"
        return f"Responded {timezone.localtime(self.responded_at):%d/%m/%Y}"
