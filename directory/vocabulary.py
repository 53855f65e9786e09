"""The directory's fixed vocabulary: school phases, needs, kinds of support, post-16 routes and
provider types, and the Open Referral UK taxonomies built from them.

Every term has a stable UUID derived from its code (UUID version 5 in the portal's own namespace),
so the Open Referral API gives the same id for "primary" on every server and after every rebuild,
and the phase and need rows seeded by migration carry exactly these ids."""

import uuid
from typing import NamedTuple

from portal.taxonomy.vocabulary import BENCHMARKS

# The portal's namespace for derived Open Referral ids. Never change it: every derived id would change.
ORUK_NAMESPACE = uuid.UUID("3a1bc6b6-2dc1-4a29-99c0-5685ebe273cb")


def stable_uuid(kind: str, key: object) -> uuid.UUID:
    """The same UUID for the same kind of record and key, everywhere and for ever."""
    return uuid.uuid5(ORUK_NAMESPACE, f"{kind}:{key}")


class Term(NamedTuple):
    code: str
    name: str
    description: str


PHASES: tuple[Term, ...] = (
    Term(
        "early-years",
        "Early years",
        "Nurseries, childminders and Reception classes: children from birth to 5.",
    ),
    Term("primary", "Primary", "Primary schools: Reception to Year 6, ages 4 to 11."),
    Term("secondary", "Secondary", "Secondary schools: Years 7 to 11, ages 11 to 16."),
    Term(
        "post-16",
        "Post-16",
        "Sixth forms, colleges and training: ages 16 to 19, and up to 25 with an EHC plan.",
    ),
)
PHASE_CODES = tuple(term.code for term in PHASES)

# The key stages each phase covers: the search app and the resource bank speak in key stages.
PHASE_KEY_STAGES: dict[str, tuple[str, ...]] = {
    "early-years": ("EYFS",),
    "primary": ("KS1", "KS2"),
    "secondary": ("KS3", "KS4"),
    "post-16": ("KS5",),
}
# Ages each phase serves, for the Open Referral minimum_age and maximum_age.
PHASE_AGES: dict[str, tuple[int, int]] = {
    "early-years": (0, 5),
    "primary": (4, 11),
    "secondary": (11, 16),
    "post-16": (16, 25),
}

NEEDS: tuple[Term, ...] = (
    Term(
        "send",
        "Special educational needs and disabilities (SEND)",
        "Children and young people with special educational needs or disabilities, with or without an "
        "education, health and care (EHC) plan.",
    ),
    Term(
        "children-in-our-care",
        "Children in our care",
        "Children in our care (looked after by the council), children previously in care, and care leavers.",
    ),
    Term(
        "families",
        "Families and parenting",
        "Help for parents and carers, and early help for the whole family.",
    ),
    Term(
        "wellbeing",
        "Emotional health and wellbeing",
        "Managing emotions, mental health, relationships and behaviour.",
    ),
    Term("attendance", "Attendance and inclusion", "Attendance, exclusions, and children missing education."),
    Term(
        "careers", "Careers and next steps", "Careers guidance, work experience and moving on at 16 and 18."
    ),
)
NEED_CODES = tuple(term.code for term in NEEDS)

# The `type` filter on the services listing.
SERVICE_KINDS: tuple[Term, ...] = (
    Term("direct-support", "Work with children and young people", "The service works directly with pupils."),
    Term(
        "advice",
        "Advice, consultation and assessment",
        "Advice and assessment for staff about a pupil or group.",
    ),
    Term(
        "training", "Training and CPD for staff", "Courses and continuing professional development for staff."
    ),
    Term("programme", "Programmes for whole schools", "Whole-school programmes, awards and networks."),
)

COSTS: tuple[Term, ...] = (
    Term("free", "Free", "Free to schools and families."),
    Term(
        "traded",
        "Traded (schools pay)",
        "Schools buy the service, for example through a service level agreement.",
    ),
    Term("mixed", "Free, with traded extras", "A free core offer, with more that schools can buy."),
)

PROVIDER_KINDS: tuple[Term, ...] = (
    Term("college", "Further education college", "A college with courses, T levels and apprenticeships."),
    Term("sixth-form", "Sixth form", "A school sixth form or a sixth form college, mostly A levels."),
    Term(
        "training-provider",
        "Training provider",
        "An organisation that trains apprentices and runs foundation courses.",
    ),
    Term("employer", "Apprenticeship employer", "An employer that takes on apprentices."),
)

ROUTE_KINDS: tuple[Term, ...] = (
    Term(
        "a-levels",
        "A levels",
        "Two-year courses in 3 subjects, mostly in a classroom, usually taken before university.",
    ),
    Term(
        "t-levels",
        "T levels",
        "Two-year technical courses equal to 3 A levels, with a 45-day industry placement.",
    ),
    Term(
        "vocational",
        "Vocational qualifications",
        "Courses that teach the skills for a type of work, such as BTECs.",
    ),
    Term("apprenticeship", "Apprenticeships", "A paid job with training, leading to a qualification."),
    Term(
        "supported-internship",
        "Supported internships",
        "A year of learning at work for young people aged 16 to 24 with an EHC plan, with a job coach.",
    ),
    Term(
        "foundation",
        "Foundation programmes",
        "A first step course to build skills and confidence before the next course.",
    ),
)
ROUTE_KIND_CODES = tuple(term.code for term in ROUTE_KINDS)

APPRENTICESHIP_LEVELS: tuple[tuple[int, str], ...] = (
    (2, "Level 2: intermediate (like GCSEs)"),
    (3, "Level 3: advanced (like A levels)"),
    (4, "Level 4: higher (like the first year of a degree)"),
    (5, "Level 5: higher (like a foundation degree)"),
    (6, "Level 6: degree (like a bachelor's degree)"),
    (7, "Level 7: degree (like a master's degree)"),
)


def choices(terms: tuple[Term, ...]) -> list[tuple[str, str]]:
    return [(term.code, term.name) for term in terms]


class TaxonomyTerm(NamedTuple):
    """One Open Referral taxonomy term: which taxonomy, its code there, and its parent's code."""

    taxonomy: str
    code: str
    name: str
    description: str
    parent: str | None = None

    @property
    def id(self) -> uuid.UUID:
        return stable_uuid(f"term:{self.taxonomy}", self.code)

    @property
    def parent_id(self) -> uuid.UUID | None:
        return stable_uuid(f"term:{self.taxonomy}", self.parent) if self.parent else None


class Taxonomy(NamedTuple):
    code: str
    name: str
    description: str
    terms: tuple[TaxonomyTerm, ...]

    @property
    def id(self) -> uuid.UUID:
        return stable_uuid("taxonomy", self.code)


def _terms(taxonomy: str, terms: tuple[Term, ...]) -> tuple[TaxonomyTerm, ...]:
    return tuple(TaxonomyTerm(taxonomy, t.code, t.name, t.description) for t in terms)


def _route_terms() -> tuple[TaxonomyTerm, ...]:
    levels = tuple(
        TaxonomyTerm(
            "post-16-routes",
            f"apprenticeship-level-{level}",
            f"Apprenticeship, {label[0].lower()}{label[1:]}",
            f"An apprenticeship at {label[0].lower()}{label[1:]}.",
            parent="apprenticeship",
        )
        for level, label in APPRENTICESHIP_LEVELS
    )
    return _terms("post-16-routes", ROUTE_KINDS) + levels


TAXONOMIES: tuple[Taxonomy, ...] = (
    Taxonomy(
        "gatsby-benchmarks",
        "Gatsby Benchmarks",
        "The 8 Gatsby Benchmarks of good career guidance (2025 revision).",
        tuple(
            TaxonomyTerm("gatsby-benchmarks", str(b.number), f"Benchmark {b.number}: {b.name}", b.description)
            for b in BENCHMARKS
        ),
    ),
    Taxonomy(
        "phases", "School phases", "The phases of education a service works with.", _terms("phases", PHASES)
    ),
    Taxonomy("needs", "Needs", "The needs a service for schools helps with.", _terms("needs", NEEDS)),
    Taxonomy(
        "support-types",
        "Types of support",
        "What kind of help a service gives schools.",
        _terms("support-types", SERVICE_KINDS),
    ),
    Taxonomy(
        "post-16-routes",
        "Post-16 routes",
        "The routes into learning and work at 16, with apprenticeships by level.",
        _route_terms(),
    ),
)
TAXONOMY_BY_ID: dict[uuid.UUID, Taxonomy] = {taxonomy.id: taxonomy for taxonomy in TAXONOMIES}
TERM_BY_ID: dict[uuid.UUID, TaxonomyTerm] = {term.id: term for t in TAXONOMIES for term in t.terms}
TAXONOMY_BY_CODE: dict[str, Taxonomy] = {taxonomy.code: taxonomy for taxonomy in TAXONOMIES}


def term_id(taxonomy: str, code: object) -> uuid.UUID:
    """The Open Referral id of a term, e.g. term_id("phases", "primary")."""
    return stable_uuid(f"term:{taxonomy}", code)
