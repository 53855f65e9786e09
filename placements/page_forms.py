"""The page editor's forms for host team and placement pages. Imported by models.py, so they use
only the form's instance and portal.taxonomy, never the placements models module."""

from typing import Any

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from portal.taxonomy.models import CouncilTeam

from .vocabulary import KINDS_BY_CODE


class HostTeamPageForm(WagtailAdminPageForm):
    """The team is chosen once, from teams without a page; after that it is fixed, so a team's
    staff editing their own page can never point it at another team."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("team")
        if field is None:
            return
        if self.instance.pk:
            field.disabled = True
        else:
            field.queryset = CouncilTeam.objects.filter(host_team_page__isnull=True)


class PlacementPageForm(WagtailAdminPageForm):
    """Checks the key stages and the "meaningful" criteria against what it is (a work placement
    is for KS4 and KS5 and carries Benchmark 6's checklist; an encounter carries Benchmark 5's),
    and refuses to remove a window that still has requests waiting, waitlisted or accepted: the
    team decides or cancels them first, so no school is left holding places that vanished."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("meaningful_criteria")
        if field is not None:
            # Benchmarks 5 and 6 share some wording: say which one each criterion belongs to.
            field.queryset = field.queryset.select_related("benchmark")
            field.label_from_instance = lambda c: f"Benchmark {c.benchmark.number}: it should {c.text}"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self._check_kind(data)
        formset = self.formsets.get("windows")
        if formset is None or not self.instance.pk or not formset.is_valid():
            return data
        for form in formset.deleted_forms:
            capacity = self.instance.capacities.filter(key=form.instance.key).first()
            open_requests = capacity.open_request_count() if capacity else 0
            if open_requests:
                raise forms.ValidationError(
                    f"The window {form.instance} has {open_requests} open request"
                    f"{'s' if open_requests != 1 else ''}. Decide or cancel them in “Requests for places” "
                    "before removing it."
                )
        return data

    def _check_kind(self, data: dict[str, Any]) -> None:
        kind = KINDS_BY_CODE.get(data.get("kind") or "")
        if kind is None:
            return
        key_stages = data.get("key_stages")
        if key_stages is not None:
            unsuitable = sorted(ks.code for ks in key_stages if ks.code not in kind.key_stages)
            if unsuitable:
                self.add_error(
                    "key_stages",
                    f"{kind.name} is for {', '.join(kind.key_stages)}: untick {', '.join(unsuitable)}.",
                )
        criteria = data.get("meaningful_criteria")
        if criteria is not None and any(c.benchmark.number != kind.benchmark for c in criteria):
            self.add_error(
                "meaningful_criteria",
                f"Tick only Benchmark {kind.benchmark} criteria for a {kind.name.lower()}.",
            )
