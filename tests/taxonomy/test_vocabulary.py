import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from portal.taxonomy.models import (
    Audience,
    Benchmark,
    FixedVocabularyError,
    KeyStage,
    MeaningfulCriterion,
    Setting,
)

pytestmark = pytest.mark.django_db

NAMES_2025 = {
    1: "A stable careers programme",
    2: "Learning from career and labour market information",
    3: "Addressing the needs of each young person",
    4: "Linking curriculum learning to careers",
    5: "Encounters with employers and employees",
    6: "Experiences of workplaces",
    7: "Encounters with further and higher education",
    8: "Personal guidance",
}


def test_the_eight_benchmarks_carry_their_2025_names():
    assert dict(Benchmark.objects.values_list("number", "name")) == NAMES_2025
    assert all(len(b.description) > 80 for b in Benchmark.objects.all())


def test_meaningful_criteria_exist_for_5_6_and_7_only():
    counts = {n: MeaningfulCriterion.objects.filter(benchmark__number=n).count() for n in NAMES_2025}
    assert counts == {1: 0, 2: 0, 3: 0, 4: 0, 5: 4, 6: 7, 7: 6, 8: 0}
    b6 = list(MeaningfulCriterion.objects.filter(benchmark__number=6).values_list("text", flat=True))
    assert b6[4].startswith("include opportunities for young people to perform a task set by the employer")


def test_key_stages_have_ages_and_year_groups():
    ks = {k.code: k for k in KeyStage.objects.all()}
    assert list(ks) == ["EYFS", "KS1", "KS2", "KS3", "KS4", "KS5"]
    assert ks["KS4"].year_groups == "Years 10 and 11" and ks["KS4"].ages == "14 to 16"


def test_audiences_and_settings_are_seeded():
    assert set(Audience.objects.values_list("code", flat=True)) == {
        "teachers",
        "parents",
        "young-people",
        "employers",
    }
    assert Setting.objects.count() == 5


def test_a_benchmark_cannot_be_deleted_even_by_a_queryset():
    with pytest.raises(FixedVocabularyError):
        Benchmark.objects.get(number=3).delete()
    with pytest.raises(FixedVocabularyError):
        Benchmark.objects.filter(number=8).delete()
    assert Benchmark.objects.count() == 8


def test_a_benchmark_cannot_be_renumbered():
    benchmark = Benchmark.objects.get(number=2)
    benchmark.number = 9
    with pytest.raises(FixedVocabularyError):
        benchmark.save()


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "a-long-test-password")
    group = Group.objects.create(name="Test editors")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="taxonomy"),
    )
    user.groups.add(group)
    return user


def test_editor_can_reword_a_description_in_the_admin(client, editor):
    client.force_login(editor)
    benchmark = Benchmark.objects.get(number=6)
    url = reverse("wagtailsnippets_taxonomy_benchmark:edit", args=[benchmark.pk])
    response = client.post(url, {"description": "Reworded for parents."})
    assert response.status_code == 302
    benchmark.refresh_from_db()
    assert (benchmark.description, benchmark.number, benchmark.name) == (
        "Reworded for parents.",
        6,
        NAMES_2025[6],
    )


def test_even_a_superuser_cannot_add_or_delete_a_benchmark_in_the_admin(client, admin_user):
    client.force_login(admin_user)
    benchmark = Benchmark.objects.get(number=1)
    add = client.get(reverse("wagtailsnippets_taxonomy_benchmark:add"))
    delete = client.post(reverse("wagtailsnippets_taxonomy_benchmark:delete", args=[benchmark.pk]))
    assert add.status_code in (302, 403) and delete.status_code in (302, 403)
    assert Benchmark.objects.count() == 8
