"""The council's network view of the self-reviews in the admin, with CSV downloads of the same
tables. Held by whoever may see the impact dashboard (Editors and Reporting)."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from events.dates import Term
from portal.exports import SafeCSVWriter
from publishing.admin_views import DASHBOARD_PERMISSION, DashboardPermissionMixin
from publishing.dashboard import Table

from . import network


def chosen_term(request: HttpRequest) -> tuple[Term, list[Term]]:
    """The term asked for (?term=2026-autumn), else the latest with reviews, else this term."""
    terms = network.terms_with_reviews()
    asked = Term.parse(request.GET.get("term", ""))
    if asked is not None:
        return asked, terms
    return (terms[-1] if terms else Term.of(timezone.now())), terms


# (lowest share, band) from the top: the shading, explained in words by the page's key.
SHARE_BANDS = ((75, "high"), (50, "mid"), (25, "low"), (0, "lowest"))


def display_rows(table: Table) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each row's header and its cells as (text, CSS class): the first row counts schools, the
    others are shares, shaded by band; a suppressed cell says so in words."""
    rows = []
    for index, (header, *values) in enumerate(table.rows):
        cells = []
        for value in values:
            if index == 0:
                cells.append((str(value), "selfreview-count"))
            elif value == network.SUPPRESSED:
                cells.append((network.SUPPRESSED, "selfreview-suppressed"))
            else:
                band = next(name for lowest, name in SHARE_BANDS if value >= lowest)
                cells.append((f"{value}%", f"selfreview-share selfreview-share--{band}"))
        rows.append((str(header), cells))
    return rows


def tables(term: Term) -> dict[str, Table]:
    return {"heatmap": network.heatmap(term), "trend": network.trend(network.recent_terms(term))}


class NetworkView(DashboardPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Benchmark by school phase for one term, and the trend by term. Never names a school."""

    template_name = "selfreview/admin/network.html"
    page_title = "Careers self-review: the network"
    header_icon = "table"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        term, terms = chosen_term(self.request)
        context.update(
            term=term,
            terms=terms,
            tables=[(key, table, display_rows(table)) for key, table in tables(term).items()],
            suppressed=network.SUPPRESSED,
            min_schools=network.MIN_SCHOOLS,
        )
        return context


def network_csv(request: HttpRequest, key: str) -> HttpResponse:
    if not request.user.has_perm(DASHBOARD_PERMISSION):
        raise PermissionDenied
    term, _ = chosen_term(request)
    table = tables(term).get(key)
    if table is None:
        raise Http404("No such table.")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="self-review-{key}-{term.code}.csv"'
    writer = SafeCSVWriter(response)
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow(row)
    return response
