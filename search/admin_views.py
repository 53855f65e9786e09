"""The editors' report of what people search for (Reports > Search terms)."""

import datetime
from typing import Any

import django_filters
from django.db.models import QuerySet, Sum
from django.utils import timezone
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import SearchTermCount

DEFAULT_DAYS = 30


class SearchTermFilterSet(WagtailFilterSet):
    day = django_filters.DateFromToRangeFilter(label="Searched between", widget=DateRangePickerWidget)
    zero_results_only = django_filters.BooleanFilter(
        label="Only terms that found nothing", method="filter_zero_results"
    )

    class Meta:
        model = SearchTermCount
        fields = ["day"]

    def filter_zero_results(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        return queryset.filter(zero_results__gt=0) if value else queryset


def _value(name: str):
    return lambda row: row[name]


class SearchTermsReportView(ReportView):
    """Search terms with how often they were searched for and how often they found nothing,
    over the chosen dates (the last 30 days unless chosen). Exportable as a spreadsheet."""

    page_title = "Search terms"
    header_icon = "search"
    index_url_name = "search_terms_report"
    index_results_url_name = "search_terms_report_results"
    model = SearchTermCount
    permission_policy = ModelPermissionPolicy(SearchTermCount)
    permission_required = "view"
    filterset_class = SearchTermFilterSet
    columns = [
        Column("term", label="Search term", accessor=_value("term")),
        Column("searches", label="Searches", accessor=_value("searches")),
        Column("zero_results", label="Searches that found nothing", accessor=_value("zero_results")),
    ]
    list_export = ["term", "searches", "zero_results"]
    export_headings = {"term": "Search term", "searches": "Searches", "zero_results": "Found nothing"}

    def get_filename(self) -> str:
        return f"search-terms-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self) -> QuerySet:
        counts = self.filter_queryset(SearchTermCount.objects.all())
        if not self.request.GET.get("day_after") and not self.request.GET.get("day_before"):
            counts = counts.filter(day__gte=timezone.localdate() - datetime.timedelta(days=DEFAULT_DAYS))
        return (
            counts.values("term")
            .annotate(searches=Sum("searches"), zero_results=Sum("zero_results"))
            .order_by("-searches", "term")
        )

    def to_row_dict(self, item: dict[str, Any]) -> dict[str, Any]:
        return {field: item[field] for field in self.list_export}
