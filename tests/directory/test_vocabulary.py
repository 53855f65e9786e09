"""The directory's fixed vocabulary: seeded phases and needs carry the derived Open Referral ids,
cannot be deleted, and every taxonomy term id is unique and points at a real parent."""

import pytest

from directory.models import Need, Phase
from directory.vocabulary import NEEDS, PHASES, TAXONOMIES, TERM_BY_ID, term_id
from portal.taxonomy.models import FixedVocabularyError

pytestmark = pytest.mark.django_db


def test_phases_and_needs_are_seeded_with_their_derived_ids():
    assert list(Phase.objects.values_list("code", flat=True)) == [p.code for p in PHASES]
    assert list(Need.objects.values_list("code", flat=True)) == [n.code for n in NEEDS]
    for phase in Phase.objects.all():
        assert phase.oruk_id == term_id("phases", phase.code)
    for need in Need.objects.all():
        assert need.oruk_id == term_id("needs", need.code)


def test_phases_and_needs_cannot_be_deleted():
    with pytest.raises(FixedVocabularyError):
        Phase.objects.get(code="primary").delete()
    with pytest.raises(FixedVocabularyError):
        Need.objects.all().delete()
    assert Phase.objects.count() == 4


def test_every_term_id_is_unique_and_every_parent_exists():
    terms = [term for taxonomy in TAXONOMIES for term in taxonomy.terms]
    assert len({term.id for term in terms}) == len(terms) == len(TERM_BY_ID)
    assert len({taxonomy.id for taxonomy in TAXONOMIES}) == len(TAXONOMIES)
    for term in terms:
        assert term.parent_id is None or term.parent_id in TERM_BY_ID
    assert {t.code for t in TAXONOMIES} >= {"gatsby-benchmarks", "phases"}
    assert len(next(t for t in TAXONOMIES if t.code == "gatsby-benchmarks").terms) == 8
