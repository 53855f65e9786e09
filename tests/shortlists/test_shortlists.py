import io

import pytest
from pypdf import PdfReader

from shortlists import lists
from tests.resources import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def resources(home):
    index = factories.resource_index(home)
    return [factories.resource(index, title=f"Shortlisted resource {n}") for n in (1, 2, 3)]


def add_all(client, pages) -> str:
    token = lists.dumps([])
    for page in pages:
        response = client.get("/shortlist/change/", {"list": token, "add": page.pk})
        assert response.status_code == 302
        token = response["Location"].split("/shortlist/", 1)[1].rstrip("/")
    return token


def test_a_shortlist_lives_in_its_link_and_downloads_as_a_pdf_naming_every_item(client, resources):
    token = add_all(client, resources)
    page = client.get(f"/shortlist/{token}/").content.decode()
    assert all(r.title in page for r in resources)
    response = client.get(f"/shortlist/{token}/pack.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(b"".join(response))).pages)
    for resource in resources:
        assert resource.title in text
    assert "KS4" in text and "6" in text


def test_removing_gives_a_new_link_without_the_item(client, resources):
    token = add_all(client, resources)
    response = client.get("/shortlist/change/", {"list": token, "remove": resources[0].pk})
    page = client.get(response["Location"]).content.decode()
    assert resources[0].title not in page and resources[1].title in page


def test_a_changed_link_is_a_404_and_unknown_pages_cannot_be_added(client, resources, home):
    token = add_all(client, resources)
    assert client.get(f"/shortlist/{token[:-2]}xx/").status_code == 404
    assert client.get("/shortlist/change/", {"add": home.pk}).status_code == 404


def test_the_list_stops_at_its_maximum(client, resources):
    token = lists.dumps(list(range(10_000, 10_000 + lists.MAX_ITEMS)))
    response = client.get("/shortlist/change/", {"list": token, "add": resources[0].pk})
    assert response.status_code == 400
