"""One small portal for the whole hostile-input module: a page of every public type, built once
with the apps' own factories inside a transaction that is rolled back when the module ends (each
test's own changes are rolled back to a savepoint by pytest-django as usual)."""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from django import forms
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from directory.forms import ReferralEnquiryForm
from placements.forms import PlacementRequestForm
from placements.links import status_token
from placements.models import PlacementPage
from portal.home.models import HomePage, StandardPage
from portal.taxonomy.models import School, Setting
from publishing.contributors import confirm_path
from publishing.forms import ContributorRequestForm
from publishing.models import ContributorRequest
from tests.directory.factories import guide, location, post16_index, provider, service, support_index
from tests.events.factories import event, event_index
from tests.placements.factories import capacity, host_team, placement, placement_request
from tests.placements.factories import school as secondary_school
from tests.publishing.factories import PASSWORD, user
from tests.resources.factories import resource, resource_index
from tests.shared_data import built_once
from tests.stories.factories import story, story_index


@dataclass
class Portal:
    """The addresses of the pages under test and, for each public form, a valid submission and
    the values each choice field offers."""

    urls: dict[str, str] = field(default_factory=dict)
    valid: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    choices: dict[str, dict[str, list[str]]] = field(default_factory=dict)


def offered(form: forms.Form) -> dict[str, list[str]]:
    """The values a person can pick in each choice field of a form, as sent in a POST."""
    values = {}
    for name, form_field in form.fields.items():
        if isinstance(form_field, forms.ModelChoiceField):
            values[name] = [str(pk) for pk in form_field.queryset.values_list("pk", flat=True)]
        elif isinstance(form_field, forms.ChoiceField):
            values[name] = [str(key) for key, _ in form_field.choices if key != ""]
    return values


def _resources(home: HomePage, portal: Portal) -> None:
    bank = resource_index(home)
    for n in range(3):
        resource(bank, title=f"Careers lesson {n}", benchmarks=(n + 4,), tags=("employers", "cv"))
    case_study = resource(bank, kind="case-study", school=secondary_school(), title="Careers week")
    portal.urls |= {"resources": bank.url, "resource": case_study.url}


def _placements(home: HomePage, portal: Portal) -> None:
    team = host_team(home, "highways")
    listing = placement(team, title="Engineering week", adjustments=("quiet-space",))
    sent = placement_request(capacity(listing))
    index_url = listing.get_parent().get_parent().url
    portal.urls |= {
        "placements": index_url,
        "placement": listing.url,
        "placement_request": f"{listing.url}request/",
        "request_status": f"{index_url}requests/{status_token(sent)}/",
    }
    portal.valid["placement-request"] = {
        "window": [str(capacity(listing).pk)],
        "setting": [str(Setting.objects.get(code="mainstream").pk)],
        "school": [str(secondary_school().pk)],
        "organisation_name": [""],
        "contact_name": ["Careers Leader"],
        "contact_email": ["careers@kingfisher.example.org"],
        "contact_phone": ["01642 123456"],
        "young_people": ["2"],
        "year_groups": ["Y10"],
        "adjustments_needed": ["A quiet space at lunchtime."],
    }


def _directory(home: HomePage, portal: Portal) -> None:
    support = support_index(home)
    speech = service(support, title="Speech and language support", locations=[location(postcode="TS18 1LD")])
    options = post16_index(home)
    college = provider(
        options,
        title="Riverside College",
        routes=(("t-levels", None), ("apprenticeship", 3)),
        open_days=(datetime.date.today() + datetime.timedelta(days=20),),
        place=location(postcode="TS17 6FB"),
    )
    portal.urls |= {
        "services": support.url,
        "service": speech.url,
        "post16": options.url,
        "provider": college.url,
        "guide": guide(options).url,
    }
    portal.valid["referral-enquiry"] = {
        "school": [str(secondary_school().pk)],
        "school_name": [""],
        "contact_name": ["A Teacher"],
        "contact_role": ["SENCO"],
        "email": ["senco@school.example.org"],
        "phone": ["01642 526000"],
        "support_sought": ["A Year 4 pupil with speech and language needs, not known to the service."],
        "no_pupil_details": ["on"],
    }


def _stories_and_events(home: HomePage, portal: Portal) -> None:
    told = story(story_index(home))
    calendar = event_index(home)
    soon = timezone.now().replace(microsecond=0) + datetime.timedelta(days=30)
    open_day = event(calendar, start=soon, kind="open-day", audiences=("parents", "young-people"))
    portal.urls |= {
        "stories": told.get_parent().url,
        "story": told.url,
        "events": calendar.url,
        "event": open_day.url,
    }


def _behind_passwords(home: HomePage, portal: Portal) -> None:
    """A page and the documents behind shared passwords, for Wagtail's public password forms."""
    notes = StandardPage(title="Network notes", slug="network-notes", body=[])
    home.add_child(instance=notes)
    notes.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=notes, restriction_type=PageViewRestriction.PASSWORD, password="a-long-page-password"
    )
    portal.urls["page_password"] = f"/_util/authenticate_with_password/{restriction.pk}/{notes.pk}/"
    portal.valid["page-password"] = {"password": ["a-long-page-password"], "return_url": [notes.url]}
    private = CollectionViewRestriction.objects.create(
        collection=Collection.get_first_root_node(),
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="a-long-collection-password",
    )
    portal.urls["document_password"] = f"/documents/authenticate_with_password/{private.pk}/"
    portal.valid["document-password"] = {"password": ["a-long-collection-password"], "return_url": ["/"]}


def _publishing(portal: Portal) -> None:
    school = School.objects.create(
        name="Heron Vale School", urn="900102", phase=School.Phase.SECONDARY, kind=School.Kind.MAINTAINED
    )
    waiting = ContributorRequest.objects.create(
        name="Pat Example", email="pat@heronvale.example.org", school=school, role_at_school="Careers leader"
    )
    user("officer", email="officer@example.org")
    portal.urls["confirm_address"] = confirm_path(waiting)
    portal.valid["contributor-request"] = {
        "name": ["Sam Example"],
        "email": ["sam@heronvale.example.org"],
        "school": [str(school.pk)],
        "role_at_school": ["Careers leader"],
    }
    sign_in = {"username": ["officer"], "password": [PASSWORD]}
    portal.valid["admin-login"] = sign_in | {"next": ["/admin/"]}
    portal.valid["site-login"] = sign_in | {"next": ["/"]}
    portal.valid["password-reset"] = {"email": ["officer@example.org"]}


@pytest.fixture(scope="module")
def portal(django_db_setup, django_db_blocker) -> Iterator[Portal]:
    """Every public page type, with what its forms need, rolled back at the end of the module."""
    with built_once(django_db_blocker):
        home = HomePage.objects.get()
        built = Portal()
        _resources(home, built)
        _placements(home, built)
        _directory(home, built)
        _stories_and_events(home, built)
        _behind_passwords(home, built)
        _publishing(built)
        # Once every school exists: the choices each form offers.
        built.choices = {
            "placement-request": offered(PlacementRequestForm(page=PlacementPage.objects.get())),
            "referral-enquiry": offered(ReferralEnquiryForm()),
            "contributor-request": offered(ContributorRequestForm()),
        }
        yield built
