"""The admin form for recording who came to a Careers Network meeting."""

from typing import Any

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm

from portal.taxonomy.models import School

from .dates import local


class NetworkAttendanceForm(WagtailAdminModelForm):
    """Meetings newest first, with their dates; schools that are open, and any closed school already
    ticked, so editing an old record never drops it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        meeting = self.fields["meeting"]
        meeting.queryset = meeting.queryset.order_by("-start")
        meeting.label_from_instance = lambda page: f"{page.title} ({local(page.start):%d/%m/%Y})"
        already = Q(network_meetings_attended=self.instance) if self.instance.pk else Q(pk__in=[])
        self.fields["schools"].queryset = (
            School.objects.filter(Q(is_open=True) | already).distinct().order_by("name")
        )
