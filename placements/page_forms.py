"""The page editor's forms for host team and placement pages. Imported by models.py, so they use
only the form's instance and portal.taxonomy, never the placements models module."""

from typing import Any

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from portal.taxonomy.models import CouncilTeam


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
    """Refuses to remove a window that still has requests waiting, waitlisted or accepted: the
    team decides or cancels them first, so no school is left holding places that vanished."""

    def clean(self) -> dict[str, Any]:
        data = super().clean()
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
