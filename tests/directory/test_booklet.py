"""The booklet PDF: it opens, has a contents page whose page numbers are right, names every live
service (and no draft), prints one phase on request, refuses an unknown phase, and is built by a
task, never in a visitor's request: the latest build is sent until the next one is stored."""

import io
import re

import pytest
from django.core.management import call_command
from django.test import TestCase
from pypdf import PdfReader

from directory import booklet
from directory.models import ServicePage
from directory.vocabulary import PHASE_CODES

from . import factories

pytestmark = pytest.mark.django_db

URL = "/support-for-schools/booklet.pdf"


@pytest.fixture(autouse=True)
def _own_storage(settings, tmp_path):
    """Each test starts with no stored booklet."""
    settings.MEDIA_ROOT = tmp_path


def queued_booklets(backend) -> list[str | None]:
    return [result.args[0] for result in backend.results if result.task.name == "build_booklet_pdf"]


@pytest.fixture
def services(home):
    support = factories.support_index(home)
    return {
        "ep": factories.service(support, title="Educational psychology", phases=("primary", "secondary")),
        "portage": factories.service(
            support, title="Portage home visiting", phases=("early-years",), needs=("families",)
        ),
        "careers": factories.service(
            support, title="Careers guidance", phases=("secondary", "post-16"), needs=("careers",)
        ),
        "draft": factories.service(support, title="Draft service", phases=("primary",), live=False),
    }


def pdf_pages(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response) if response.streaming else response.content
    assert content.startswith(b"%PDF-")
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages]


def page_of(pages: list[str], text: str) -> int:
    """The 1-based number of the first page after the contents that contains `text`."""
    return next(n for n, page in enumerate(pages, start=1) if n > 2 and text in page)


def test_the_booklet_has_a_cover_contents_and_every_live_service(client, services):
    pages = pdf_pages(client.get(URL))
    assert "Support for schools" in pages[0] and "Correct at" in pages[0]
    assert pages[1].startswith("Contents")
    text = " ".join(pages)
    for key in ("ep", "portage", "careers"):
        assert services[key].title in text
    assert "Draft service" not in text
    assert "Email the referral form." in text and "Duty Officer" in text  # referral route and contacts
    assert re.search(r"Page 3 of \d+", pages[2])


def test_the_contents_page_numbers_are_right(client, services):
    pages = pdf_pages(client.get(URL))
    contents = pages[1]
    for heading in ("Early years", "Primary", "Secondary", "Post-16"):
        listed = re.search(rf"{heading} \(\d+ services?\)\s*\.*\s*(\d+)", contents)
        assert listed, f"{heading} is not in the contents: {contents}"
        section_page = next(n for n, page in enumerate(pages, start=1) if n > 2 and page.startswith(heading))
        assert int(listed.group(1)) == section_page


def test_a_service_for_several_phases_is_described_once_and_referenced(client, services):
    pages = pdf_pages(client.get(URL))
    text = " ".join(pages)
    owner = services["ep"].team.name
    full_entries = [
        n for n, page in enumerate(pages, start=1) if f"Educational psychology {owner} · " in page
    ]
    assert len(full_entries) == 1  # in full under Primary only
    reference = re.search(rf"Educational psychology \({owner}\): described in full on page (\d+)", text)
    assert reference and int(reference.group(1)) == full_entries[0]


def test_one_phase_only(client, services):
    pages = pdf_pages(client.get(URL, {"phase": "early-years"}))
    text = " ".join(pages)
    assert "Portage home visiting" in text
    assert "Educational psychology" not in text and "Careers guidance" not in text
    assert "Early years:" in pages[0]


def test_an_unknown_phase_is_explained_not_ignored(client, services):
    response = client.get(URL, {"phase": "sixth-form"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "We do not have a booklet for that phase" in html and "sixth-form" in html
    assert '?phase=primary"' in html


def test_no_services_section_no_booklet(client, db):
    assert client.get(URL).status_code == 404


def test_the_booklet_is_cached_until_a_service_is_published(client, services, monkeypatch):
    first = b"".join(client.get(URL))
    rendered = []
    real_render = booklet.render_pdf
    monkeypatch.setattr(booklet, "render_pdf", lambda b: rendered.append(b) or real_render(b))
    assert b"".join(client.get(URL)) == first and rendered == []
    new = factories.service(factories.support_index(None), title="Sensory support", phases=("primary",))
    assert "Sensory support" in " ".join(pdf_pages(client.get(URL)))
    assert len(rendered) == 1
    new.unpublish()
    assert "Sensory support" not in " ".join(pdf_pages(client.get(URL)))


def test_with_no_build_yet_visitors_get_a_quick_503_and_a_build_is_queued_once(client, services, queued_only):
    response = client.get(URL)
    assert response.status_code == 503 and response["Retry-After"].isdigit()
    html = response.content.decode()
    assert "The booklet is being prepared" in html and 'href="/support-for-schools/"' in html
    client.get(URL)
    assert queued_booklets(queued_only) == [None]  # one build, however many visitors ask
    booklet.build_booklet_pdf.call(None)  # the worker
    assert "Educational psychology" in " ".join(pdf_pages(client.get(URL)))


def test_the_previous_build_is_sent_until_the_new_one_is_stored(client, services, queued_only):
    booklet.build_booklet_pdf.call(None)
    new = factories.service(factories.support_index(None), title="Sensory support", phases=("primary",))
    assert "Sensory support" not in " ".join(pdf_pages(client.get(URL)))
    assert queued_booklets(queued_only) == [None]
    booklet.build_booklet_pdf.call(None)
    assert "Sensory support" in " ".join(pdf_pages(client.get(URL)))
    new.unpublish()
    booklet.build_booklet_pdf.call(None)
    assert "Sensory support" not in " ".join(pdf_pages(client.get(URL)))
    assert len(booklet._builds(None)) == 2  # the latest and the one before it


def test_a_build_is_cheap_to_run_twice(services, monkeypatch):
    first = booklet.build_booklet_pdf.call("primary")
    monkeypatch.setattr(booklet, "render_pdf", lambda b: pytest.fail("rendered again"))
    assert booklet.build_booklet_pdf.call("primary") == first


def rename_team(services, name: str) -> None:
    with TestCase.captureOnCommitCallbacks(execute=True):
        team = ServicePage.objects.get(pk=services["ep"].pk).team
        team.name = name
        team.save()


def test_a_committed_change_queues_every_booklet_that_has_a_build(services, queued_only):
    rename_team(services, "Renamed Psychology Team")
    assert queued_booklets(queued_only) == []  # nobody has asked for one: built when first asked
    for code in (None, "primary"):
        booklet.build_booklet_pdf.call(code)  # as `manage.py prebuild` or a first request does
    rename_team(services, "Psychology Team")
    assert sorted(queued_booklets(queued_only), key=str) == sorted([None, "primary"], key=str)


def test_prebuild_queues_every_booklet(queued_only):
    call_command("prebuild", stdout=io.StringIO())
    assert sorted(queued_booklets(queued_only), key=str) == sorted([None, *PHASE_CODES], key=str)


def test_changing_a_team_clears_the_booklet(client, services):
    client.get(URL)
    version = booklet._version()
    team = ServicePage.objects.get(pk=services["ep"].pk).team
    team.name = "Renamed Psychology Team"
    team.save()
    assert booklet._version() != version
    assert "Renamed Psychology Team" in " ".join(pdf_pages(client.get(URL)))


def test_parse_phase():
    assert (
        booklet.parse_phase(None) is None
        and booklet.parse_phase("") is None
        and booklet.parse_phase("all") is None
    )
    assert booklet.parse_phase(" Primary ") == "primary"
    with pytest.raises(booklet.UnknownPhase):
        booklet.parse_phase("ks2")
