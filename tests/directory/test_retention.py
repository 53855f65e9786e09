"""Retention: `manage.py purge_referral_enquiries` removes the school contact's details from old
enquiries and keeps what the response-time report counts."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from directory.enquiries import response_times
from directory.management.commands.purge_referral_enquiries import retention_cutoff
from directory.models import ReferralEnquiry

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def enquiries(home):
    service = factories.service(factories.support_index(home), title="Educational psychology")
    now = timezone.now()
    return {
        "old": factories.enquiry(
            service,
            created_at=now - datetime.timedelta(days=400),
            responded_after=datetime.timedelta(hours=6),
        ),
        "older": factories.enquiry(service, created_at=now - datetime.timedelta(days=800)),
        "recent": factories.enquiry(service, created_at=now - datetime.timedelta(days=30)),
    }


def run(*args: str) -> str:
    out = StringIO()
    call_command("purge_referral_enquiries", *args, stdout=out)
    return out.getvalue()


def test_old_enquiries_lose_contact_details_and_keep_counts(enquiries, settings):
    settings.DIRECTORY_ENQUIRY_RETENTION_MONTHS = 12
    before = response_times(ReferralEnquiry.objects.all())
    assert "from 2 enquiries" in run()
    old = ReferralEnquiry.objects.get(pk=enquiries["old"].pk)
    assert (old.contact_name, old.contact_role, old.email, old.phone, old.support_sought) == (
        "",
        "",
        "",
        "",
        "",
    )
    assert old.contact_details_removed_at is not None
    # The free-text school or setting can name a family (home education): it goes too.
    assert (old.service_title, old.school_name, old.responded_at) == (
        "Educational psychology",
        "",
        enquiries["old"].responded_at,
    )
    recent = ReferralEnquiry.objects.get(pk=enquiries["recent"].pk)
    assert recent.email == "senco@school.example.org"
    assert response_times(ReferralEnquiry.objects.all()) == before
    assert "from 0 enquiries" in run()  # already done: nothing more to remove


def test_dry_run_changes_nothing(enquiries):
    assert "2 enquiries" in run("--dry-run")
    assert ReferralEnquiry.objects.filter(email="").count() == 0


def test_months_option_overrides_the_setting(enquiries):
    run("--months", "24")
    assert list(ReferralEnquiry.objects.filter(email="").values_list("pk", flat=True)) == [
        enquiries["older"].pk
    ]


def test_retention_must_be_positive(db):
    with pytest.raises(CommandError):
        run("--months", "0")


def test_retention_cutoff_counts_calendar_months():
    tz = datetime.UTC
    assert retention_cutoff(12, datetime.datetime(2026, 11, 24, 9, tzinfo=tz)) == datetime.datetime(
        2025, 11, 24, 9, tzinfo=tz
    )
    assert retention_cutoff(1, datetime.datetime(2026, 3, 31, tzinfo=tz)) == datetime.datetime(
        2026, 2, 28, tzinfo=tz
    )
    assert retention_cutoff(14, datetime.datetime(2026, 1, 15, tzinfo=tz)) == datetime.datetime(
        2024, 11, 15, tzinfo=tz
    )
