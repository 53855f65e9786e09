"""An employer's application as the public form sends it, and an approved employer."""

import datetime
from typing import Any

from django.utils import timezone

from hosts.approval import approve
from hosts.forms import HostApplicationForm
from hosts.models import HostApplication
from placements.models import HostTeamPage

PASSWORD = "a long employer passphrase"


def answers(**overrides: Any) -> dict[str, Any]:
    """Valid answers to every question on /hosts/apply/."""
    data = {
        "organisation_name": "Hartburn Precision Engineering",
        "sector": "manufacturing",
        "address": "Unit 4, Bowesfield Industrial Estate\nStockton-on-Tees",
        "postcode": "TS18 3HG",
        "website": "",
        "contact_name": "Sam Example",
        "contact_role": "Apprenticeships Manager",
        "contact_email": "apprenticeships@hartburn.example.org",
        "contact_phone": "01642 123456",
        "offers": ["workplace-visit", "insight-day"],
        "key_stages": ["KS3", "KS4"],
        "offer_details": "Machine shop visits for up to 15 pupils.",
        "safeguarding_name": "Alex Example",
        "safeguarding_role": "Designated Safeguarding Lead",
        "dbs_checks": "enhanced",
        "liability_insurance": "on",
        "insurer": "An insurer",
        "insurance_expires": (timezone.localdate() + datetime.timedelta(days=200)).isoformat(),
        "password": PASSWORD,
        "password_again": PASSWORD,
    }
    data.update(overrides)
    return data


def application(**overrides: Any) -> HostApplication:
    form = HostApplicationForm(answers(**overrides))
    assert form.is_valid(), form.errors
    return form.save()


def approved_employer(name: str = "Hartburn Precision Engineering", email: str | None = None) -> HostTeamPage:
    slug = name.lower().replace(" ", "-")
    return approve(application(organisation_name=name, contact_email=email or f"contact@{slug}.example.org"))
