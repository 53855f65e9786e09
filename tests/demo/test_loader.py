"""The whole demo, loaded from demo/data (the `demo` fixture, tests/demo_db.py): every file parses and every record
is loaded, loading again changes nothing, what must be upcoming is, and no contact detail could
reach a real person. Run these with the clock moved too: `pytest tests/demo --clock-ahead 365`."""

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from demo.loader import BUILDERS, DATA, SECTIONS, read
from directory.models import OpenDay, ProviderRoute, ServiceContact, ServicePage
from events.models import EventKind, EventPage
from hosts.models import HostApplication
from placements.models import PlacementRequest, WindowCapacity
from portal.home.models import HomePage
from portal.taxonomy.models import CouncilTeam

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@([\w-]+\.)*[\w-]+")
ALLOWED_EMAIL = re.compile(r"@([\w-]+\.)*(example\.org|invalid)$")
PHONE = re.compile(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b")
DRAMA_PHONE = re.compile(r"^01632 ?960 ?\d{3}$")  # Ofcom keeps 01632 960xxx for fiction
DERIVED = ("portal_search.", "django_tasks_database.")
URL = re.compile(r"https?://([^/\s\"'<>]+)")


def records() -> Iterator[tuple[str, str, Any]]:
    """(file, kind, record) for every record in every data file."""
    for section in SECTIONS:
        for kind, found in read(section).items():
            for record in found if isinstance(found, list) else [found]:
                yield section, kind, record


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def model_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


@pytest.fixture(scope="module")
def loaded(demo) -> dict[str, int]:
    return demo.loaded


def test_every_data_file_is_loaded_and_every_kind_of_record_has_a_builder():
    assert sorted(SECTIONS) == sorted(path.stem for path in DATA.glob("*.toml"))
    for section in SECTIONS:
        assert set(read(section)) <= set(BUILDERS), section


def test_every_record_is_loaded(loaded):
    in_files: dict[str, int] = {}
    for _, kind, _ in records():
        in_files[kind] = in_files.get(kind, 0) + 1
    assert loaded == in_files
    pages = sum(in_files.get(kind, 0) for kind in ("section", "page", "in_review"))
    open_day_events = EventPage.objects.filter(kind=EventKind.OPEN_DAY).count()
    host_team_pages = in_files["host_team"] + in_files["employer"]
    # Every page is below the home page, which the migrations made.
    assert Page.objects.descendant_of(HomePage.objects.get()).count() == (
        pages + open_day_events + host_team_pages
    )
    assert open_day_events == OpenDay.objects.count() > 0


def open_referral_ids() -> list[str]:
    """The ids the Open Referral API publishes: they must survive loading again."""
    services = ServicePage.objects.values_list("oruk_id", flat=True)
    return sorted(str(pk) for pk in [*services, *ProviderRoute.objects.values_list("oruk_id", flat=True)])


def test_loading_again_changes_nothing(loaded):
    """`manage.py load_demo_content` over a loaded demo (as `make run` does every time) adds no
    record, changes no place taken and keeps every published id."""
    before = model_counts()
    taken = sorted(WindowCapacity.objects.values_list("key", "places_taken"))
    ids = open_referral_ids()
    call_command("load_demo_content", verbosity=0)
    after = model_counts()
    changed = {label: (before[label], after[label]) for label in before if before[label] != after[label]}
    # Publishing makes a new revision of each page (and a log entry), as an editor's publish would;
    # the search index and the task queue follow the pages and are not demo content.
    changed = {label: change for label, change in changed.items() if not label.startswith(DERIVED)}
    assert set(changed) <= {"wagtailcore.Revision", "wagtailcore.PageLogEntry"}, changed
    assert sorted(WindowCapacity.objects.values_list("key", "places_taken")) == taken
    assert open_referral_ids() == ids


def test_what_must_be_upcoming_is(loaded):
    now, today = timezone.now(), timezone.localdate()
    assert OpenDay.objects.exists() and not OpenDay.objects.filter(date__lt=today).exists()
    assert not EventPage.objects.filter(kind=EventKind.OPEN_DAY, start__lt=now).exists()
    # Every window a school can ask for ends today or later (past ones are withdrawn history).
    open_windows = WindowCapacity.objects.filter(withdrawn=False)
    assert open_windows.exists() and not open_windows.filter(end_date__lt=today).exists()
    # Every kind of event but the network's own meetings has one coming up.
    ahead = set(EventPage.objects.filter(start__gt=now).values_list("kind", flat=True))
    assert ahead >= set(EventKind.values) - {EventKind.NETWORK_MEETING}
    # And in the files: what must be upcoming is written so that it is, whatever today is.
    for section, _, record in records():
        for window in record.get("windows", []):
            assert window["start_date"].startswith(("next:", "+")), (section, record["slug"])
        for open_day in record.get("open_days", []):
            assert open_day["date"].startswith(("next:", "+")), (section, record["slug"])


def test_no_contact_detail_could_reach_a_real_person(loaded):
    texts = [text for _, _, record in records() for text in strings(record)]
    emails = [match.group(0) for text in texts for match in EMAIL.finditer(text)]
    assert emails and all(ALLOWED_EMAIL.search(email) for email in emails), emails
    phones = [match.group(0) for text in texts for match in PHONE.finditer(text)]
    assert phones and all(DRAMA_PHONE.match(phone) for phone in phones), phones
    hosts = {match.group(1) for text in texts for match in URL.finditer(text)}
    assert hosts and all(host.endswith("example.org") for host in hosts), hosts
    # And as loaded: the rows that hold contact details.
    stored_emails = [
        *CouncilTeam.objects.values_list("contact_email", flat=True),
        *PlacementRequest.objects.values_list("contact_email", flat=True),
        *HostApplication.objects.values_list("contact_email", flat=True),
        *ServiceContact.objects.values_list("email", flat=True),
    ]
    assert all(ALLOWED_EMAIL.search(email) for email in stored_emails), stored_emails
    stored_phones = [
        *PlacementRequest.objects.exclude(contact_phone="").values_list("contact_phone", flat=True),
        *HostApplication.objects.values_list("contact_phone", flat=True),
        *ServiceContact.objects.exclude(phone="").values_list("phone", flat=True),
    ]
    assert stored_phones and all(DRAMA_PHONE.match(phone) for phone in stored_phones), stored_phones


def test_contacts_are_roles_not_people(loaded):
    names_in_documents = [
        "Rowlands",
        "Caley",
        "Dunleavy",
        "Housley",
        "Purdy",
        "Williams",
        "Hussey",
        "Langrick",
    ]
    texts = " ".join(text for _, _, record in records() for text in strings(record))
    assert not [name for name in names_in_documents if name in texts]
    contact_names = PlacementRequest.objects.values_list("contact_name", flat=True)
    assert all(name[0].isupper() and " " in name for name in contact_names)  # roles, e.g. Careers Leader
