"""The directory's demo content: enough realistic services and providers, and valid
Open Referral output from end to end."""

import re

import pytest

from directory.models import OpenDay, Post16GuidePage, ProviderPage, ProviderRoute, ServicePage
from portal.home.models import HomePage
from portal.taxonomy.models import CouncilTeam

from .oruk import assert_valid

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(demo) -> HomePage:
    return demo.home


def test_demo_has_enough_services_and_providers(loaded):
    services = ServicePage.objects.live()
    assert services.count() >= 20
    for name in ("Thrive", "Theraplay", "Trauma-informed", "Emotion Coaching"):
        assert services.filter(title__icontains=name).exists(), name
    assert ProviderPage.objects.live().count() >= 6
    assert set(ProviderRoute.objects.values_list("kind", flat=True)) == {
        "a-levels", "t-levels", "vocational", "apprenticeship", "supported-internship", "foundation",
    }  # fmt: skip
    assert set(ProviderRoute.objects.exclude(level=None).values_list("level", flat=True)) >= {2, 3, 4, 6, 7}
    assert OpenDay.objects.count() >= 6
    assert Post16GuidePage.objects.count() == 3
    assert all(
        page.show_in_menus
        for page in (services.first().get_parent(), ProviderPage.objects.first().get_parent())
    )


def test_demo_uses_roles_and_example_addresses(loaded):
    for service in ServicePage.objects.prefetch_related("contacts"):
        for contact in service.contacts.all():
            assert contact.email.endswith("example.org"), contact.email
    # Council teams use the council's example domain, local employers their own example.org names.
    assert all(
        re.search(r"@([\w-]+\.)*example\.org$", team.contact_email) for team in CouncilTeam.objects.all()
    )


def test_demo_content_validates_through_the_api(client, loaded):
    listed = client.get("/openreferral/services", {"per_page": 100}).json()
    assert_valid("service_list", listed)
    assert listed["total_items"] == ServicePage.objects.live().count() + ProviderRoute.objects.count()
    for item in listed["contents"]:
        assert_valid("service", client.get(f"/openreferral/services/{item['id']}").json())
    assert_valid(
        "service_at_location_list", client.get("/openreferral/service_at_locations", {"per_page": 100}).json()
    )
    for organization in client.get("/openreferral/organizations", {"per_page": 100}).json()["contents"]:
        assert_valid("organization", client.get(f"/openreferral/organizations/{organization['id']}").json())
