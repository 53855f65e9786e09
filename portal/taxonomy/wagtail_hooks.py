"""Admin for the shared vocabulary: editors may reword benchmark descriptions and criteria and keep
the schools list, but nobody can add, delete or renumber a benchmark, key stage, audience or setting."""

from typing import Any

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, Benchmark, CouncilTeam, KeyStage, MeaningfulCriterion, School, Setting, Subject


class ChangeOnlyPermissionPolicy(ModelPermissionPolicy):
    """Seeded terms may be edited (where the model has editable fields) but never added or deleted."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        if action in {"add", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)


for fixed_model in (Benchmark, MeaningfulCriterion, KeyStage, Audience, Setting):
    register_permission_policy(fixed_model, ChangeOnlyPermissionPolicy(fixed_model), exact_class=True)


class BenchmarkViewSet(SnippetViewSet):
    model = Benchmark
    icon = "tag"
    list_display = ["number", "name", "description"]
    menu_label = "Gatsby Benchmarks"


class MeaningfulCriterionViewSet(SnippetViewSet):
    model = MeaningfulCriterion
    icon = "list-ul"
    list_display = ["benchmark", "text"]
    list_filter = ["benchmark"]
    menu_label = "Meaningful criteria"


class KeyStageViewSet(SnippetViewSet):
    model = KeyStage
    icon = "group"
    list_display = ["code", "name", "ages", "year_groups"]


class SubjectViewSet(SnippetViewSet):
    model = Subject
    icon = "doc-full"
    list_display = ["name", "code"]


class SchoolViewSet(SnippetViewSet):
    model = School
    icon = "home"
    list_display = ["name", "urn", "phase", "kind", "is_open"]
    list_filter = ["phase", "kind", "is_open"]
    search_fields = ["name", "urn"]
    # The database's own filter: the search backend indexes only the name, and "urn" gave a 500.
    search_backend_name = None


class CouncilTeamViewSet(SnippetViewSet):
    model = CouncilTeam
    icon = "group"
    list_display = ["name", "directorate", "contact_role"]
    search_fields = ["name", "directorate"]
    search_backend_name = None


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Taxonomy"
    menu_icon = "tag"
    menu_order = 300
    items = (
        BenchmarkViewSet,
        MeaningfulCriterionViewSet,
        KeyStageViewSet,
        SubjectViewSet,
        SchoolViewSet,
        CouncilTeamViewSet,
    )


register_snippet(TaxonomyGroup)
