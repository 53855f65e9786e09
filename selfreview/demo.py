"""Demo self-reviews: the demo careers leader at Kingfisher Academy (the school contributor from
publishing's demo) with a review last term, and reviews from five other secondary schools last
term and this term, so the network view has figures for secondary schools. Primary and post-16
schools have fewer than 5 reviews, so their cells show none. Terms are relative to today."""

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from events.dates import Term
from portal.taxonomy.models import School
from publishing.demo import demo_user

from .models import CareersLeader
from .profile import record
from .vocabulary import MET, NOT_YET, PARTLY, STATEMENTS

LEADER = "careers.leader@kingfisher.example.org"
# Two more fictional secondary schools (URNs in the unused 9xxxxx range).
MORE_SCHOOLS = (("Curlew Academy", "900105"), ("Sandpiper School", "900106"))
# Each school's answer to each benchmark: a string of eight answers, M met, P partly, N not yet.
PATTERNS = {
    "900101": ("PPNPMPNP", None),
    "900102": ("MPPNMPPN", "MMPPMMPP"),
    "900103": ("MMPPPNPP", "MMMPPPPP"),
    "900104": ("PPPNMPPP", "MPPPMMPP"),
    "900105": ("MPNPMPPN", "MPPPMMMP"),
    "900106": ("MMPPMPPP", "MMPMMMPP"),
    "900201": ("PPPMPNPN", "MPPMPPPN"),
    "900202": ("PNPMPNPN", "PPPMPNPP"),
    "900501": ("MMMPPMMM", "MMMPMMMM"),
}
LETTERS = {"M": MET, "P": PARTLY, "N": NOT_YET}


def answers(pattern: str) -> dict[str, str]:
    return {s.code: LETTERS[pattern[s.benchmark - 1]] for s in STATEMENTS}


def middle_of(term: Term) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(term.first_day, datetime.time(12))
    ) + datetime.timedelta(days=20)


def load(home: Any) -> None:
    for name, urn in MORE_SCHOOLS:
        School.objects.get_or_create(
            urn=urn, defaults={"name": name, "phase": School.Phase.SECONDARY, "kind": School.Kind.ACADEMY}
        )
    schools = {school.urn: school for school in School.objects.filter(urn__in=PATTERNS)}
    # publishing's demo makes this account a school contributor when there is a resource bank.
    leader = get_user_model().objects.filter(username=LEADER).first() or demo_user(
        LEADER, "Careers", "Leader"
    )
    if "900101" in schools:
        CareersLeader.objects.update_or_create(user=leader, defaults={"school": schools["900101"]})
    now = timezone.now()
    last_term, this_term = Term.of(now).previous(), Term.of(now)
    for urn, (before, latest) in PATTERNS.items():
        if urn not in schools:
            continue
        record(schools[urn], None, answers(before), now=middle_of(last_term))
        # This term's reviews are dated today at the latest, never in the future.
        if latest:
            record(schools[urn], None, answers(latest), now=min(now, middle_of(this_term)))
