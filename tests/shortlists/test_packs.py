"""Shortlist packs are built by a task into the storage, never in a visitor's request: the first
request queues the build (immediate in tests, so it is built then), later ones are sent the stored
file; while the worker has not built it, a quick 503 page; any content change makes a new pack;
packs older than a week are deleted."""

import datetime
import io
import os
import time
from collections.abc import Iterator

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from pypdf import PdfReader

from portal.home.models import HomePage
from resources.models import ResourcePage
from shortlists import lists, packs
from tests.resources import factories
from tests.shared_data import Kept, afresh, built_once, kept

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built_resources(django_db_setup, django_db_blocker) -> Iterator[Kept]:
    """Three published resources, built once for the module (tests/shared_data.py): each test's
    packs go to its own storage (tests/shortlists/conftest.py), and its edits and unpublishing are
    rolled back. No test here commits, so the on-commit callbacks of their publishing stay pending
    harmlessly until the module's rollback (docs/test-suite.md)."""
    with built_once(django_db_blocker):
        index = factories.resource_index(HomePage.objects.get())
        yield kept(
            {f"resource {n}": factories.resource(index, title=f"Packed resource {n}") for n in (1, 2, 3)}
        )


@pytest.fixture
def resources(built_resources, db) -> list[ResourcePage]:
    """The module's resources in list order, read afresh for each test: one test renames and
    publishes the first and unpublishes the second."""
    return list(afresh(built_resources).values())


@pytest.fixture
def token(resources) -> str:
    return lists.dumps([r.pk for r in resources])


def queued_packs(backend) -> list[tuple]:
    return [result.args for result in backend.results if result.task.name == "build_shortlist_pack"]


def stored_packs() -> list[str]:
    try:
        return sorted(default_storage.listdir(packs.FOLDER)[1])
    except FileNotFoundError:
        return []


def pdf_text(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="careers-shortlist.pdf"'
    content = b"".join(response.streaming_content)
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_first_request_builds_the_pack_and_the_next_is_sent_it_without_rendering(
    client, token, resources, monkeypatch
):
    text = pdf_text(client.get(f"/shortlist/{token}/pack.pdf"))
    assert all(r.title in text for r in resources)
    assert f"/resources/{resources[0].slug}/" in text  # links are full addresses, made without a request
    [stored] = stored_packs()
    monkeypatch.setattr(packs, "render_pdf", lambda ids: pytest.fail("rendered again"))
    assert all(r.title in pdf_text(client.get(f"/shortlist/{token}/pack.pdf")) for r in resources)
    assert stored_packs() == [stored]


def test_a_task_run_twice_renders_once(token, resources, monkeypatch):
    wanted = packs.Pack.current(lists.loads(token))
    assert packs.build_shortlist_pack.call(list(wanted.ids), wanted.version) == wanted.name
    monkeypatch.setattr(packs, "render_pdf", lambda ids: pytest.fail("rendered again"))
    assert packs.build_shortlist_pack.call(list(wanted.ids), wanted.version) == wanted.name


def test_with_no_pack_yet_visitors_get_a_quick_503_page_and_the_build_is_queued_once(
    client, token, resources, queued_only
):
    url = f"/shortlist/{token}/pack.pdf"
    response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"].isdigit() and response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "Your pack is being prepared" in html
    assert f'href="{url}"' in html and "Try again" in html
    assert f'href="/shortlist/{token}/"' in html
    assert "http-equiv" not in html  # no meta refresh: the visitor decides when to try again
    assert client.get(url).status_code == 503
    [args] = queued_packs(queued_only)  # one build, however many times it is asked for
    assert stored_packs() == []
    packs.build_shortlist_pack.call(*args)  # the worker
    assert resources[2].title in pdf_text(client.get(url))
    assert len(queued_packs(queued_only)) == 1


def test_a_changed_link_is_a_404_and_queues_nothing(client, token, queued_only):
    assert client.get(f"/shortlist/{token[:-2]}xx/pack.pdf").status_code == 404
    assert queued_packs(queued_only) == [] and stored_packs() == []


def test_a_content_change_makes_a_new_pack(client, token, resources):
    url = f"/shortlist/{token}/pack.pdf"
    assert "Packed resource 1" in pdf_text(client.get(url))
    [first] = stored_packs()
    page = resources[0]
    page.title = "Renamed resource"
    page.save_revision().publish()
    text = pdf_text(client.get(url))
    assert "Renamed resource" in text and "Packed resource 1" not in text
    assert first in stored_packs() and len(stored_packs()) == 2
    resources[1].unpublish()
    assert "Packed resource 2" not in pdf_text(client.get(url))


def test_the_pack_follows_the_order_of_the_list(token, resources):
    forward = packs.Pack.current([r.pk for r in resources])
    backward = packs.Pack.current([r.pk for r in reversed(resources)])
    assert forward.name != backward.name and forward.version == backward.version


def test_packs_older_than_a_week_are_deleted(client, resources):
    tokens = [lists.dumps([r.pk]) for r in resources]
    for token in tokens:
        assert client.get(f"/shortlist/{token}/pack.pdf").status_code == 200
    # The first list's pack is the one a week old, so it is the one asked for again below.
    old = packs.Pack.current([resources[0].pk]).name.rsplit("/", 1)[-1]
    recent, new = sorted(set(stored_packs()) - {old})
    now = time.time()  # every pack's age is set: the files' own times come from the real clock
    for name, days in ((old, packs.RETENTION_DAYS + 1), (recent, packs.RETENTION_DAYS - 1), (new, 0)):
        path = default_storage.path(f"{packs.FOLDER}/{name}")
        os.utime(path, (now - days * 86400, now - days * 86400))
    out = io.StringIO()
    call_command("purge_shortlist_packs", stdout=out)
    assert out.getvalue().strip() == "Deleted 1 pack."
    assert stored_packs() == sorted([recent, new])
    # A pack asked for again after its deletion is built again.
    assert client.get(f"/shortlist/{tokens[0]}/pack.pdf").status_code == 200


def test_the_purge_with_no_packs_folder_deletes_nothing(db):
    assert packs.purge(datetime.datetime.now(tz=datetime.UTC)) == 0


def test_a_queue_that_fails_is_a_503_page_not_a_500_and_the_next_request_tries_again(
    client, token, resources, queued_only, monkeypatch, caplog
):
    real_enqueue = type(queued_only).enqueue

    def refuse(*args, **kwargs):
        raise ConnectionError("task database unreachable")

    monkeypatch.setattr(type(queued_only), "enqueue", refuse)
    url = f"/shortlist/{token}/pack.pdf"
    assert client.get(url).status_code == 503
    assert "Could not queue build_shortlist_pack" in caplog.text
    monkeypatch.setattr(type(queued_only), "enqueue", real_enqueue)
    assert client.get(url).status_code == 503
    assert len(queued_packs(queued_only)) == 1  # the failed attempt did not hold the marker
