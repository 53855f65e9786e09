"""Gaps found auditing the security checklist against the code: no SVG images either (documents
are covered in tests/resources), the document size limit, and a rate limit on the public POSTs
that had none tested: following a request for places, confirming a contributor's address, and
Wagtail's own password forms for private pages and document collections."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from demo.files import simple_pdf
from placements.links import status_token
from tests.placements.factories import capacity, host_team, placement, placement_request

pytestmark = pytest.mark.django_db

SVG = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(document.cookie)'><rect width='1' height='1'/></svg>"


@pytest.mark.parametrize("name", ["logo.svg", "logo.svg.png"])
def test_svg_images_are_refused(admin_client, name):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, SVG, content_type="image/svg+xml"), "collection": 1},
    )
    assert response.status_code == 200  # the form again, with its error
    assert not Image.objects.filter(title=name).exists()


def test_documents_over_the_size_limit_are_refused(admin_client, settings):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024  # DOCUMENT_MAX_UPLOAD_BYTES unset
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 4096
    oversized = simple_pdf("Plan", ["A line of the plan."] * 200)
    assert len(oversized) > 4096
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Big plan", "file": SimpleUploadedFile("plan.pdf", oversized), "collection": 1},
    )
    assert response.status_code == 200 and "This file is too big" in response.content.decode()
    assert not Document.objects.filter(title="Big plan").exists()


def statuses_of(client, url: str, data: dict[str, str], attempts: int = 11) -> list[int]:
    return [client.post(url, data).status_code for _ in range(attempts)]


@pytest.mark.usefixtures("one_rate_window")
def test_following_a_request_for_places_is_rate_limited(client, home, settings):
    settings.RATELIMIT_ENABLE = True
    window = capacity(placement(host_team(home, "highways")))
    url = f"/placements/requests/{status_token(placement_request(window))}/"
    statuses = statuses_of(client, url, {})
    assert 429 not in statuses[:10]  # the first cancels; the next ones are told it is already cancelled
    assert statuses[10] == 429


@pytest.mark.usefixtures("one_rate_window")
def test_confirming_a_contributors_address_is_rate_limited(client, settings):
    settings.RATELIMIT_ENABLE = True
    statuses = statuses_of(client, "/contributors/confirm/guessed-token/", {})
    assert statuses[:10] == [400] * 10
    assert statuses[10] == 429


@pytest.mark.usefixtures("one_rate_window")
def test_guessing_a_private_pages_password_is_rate_limited(client, home, settings):
    settings.RATELIMIT_ENABLE = True
    restriction = PageViewRestriction.objects.create(
        page=home, restriction_type=PageViewRestriction.PASSWORD, password="correct horse battery"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, home.pk])
    statuses = statuses_of(client, url, {"password": "guess", "return_url": "/"})
    assert statuses[:10] == [200] * 10  # the form again, "The password you have entered is not correct"
    assert statuses[10] == 429


@pytest.mark.usefixtures("one_rate_window")
def test_guessing_a_private_collections_password_is_rate_limited(client, settings):
    settings.RATELIMIT_ENABLE = True
    restriction = CollectionViewRestriction.objects.create(
        collection=Collection.get_first_root_node(),
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="correct horse battery",
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    statuses = statuses_of(client, url, {"password": "guess", "return_url": "/"})
    assert statuses[10] == 429
