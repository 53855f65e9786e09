"""Admin: the search-terms report under Reports."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import SearchTermsReportView


@hooks.register("register_admin_urls")
def register_search_terms_report_urls() -> list:
    return [
        path("reports/search-terms/", SearchTermsReportView.as_view(), name="search_terms_report"),
        path(
            "reports/search-terms/results/",
            SearchTermsReportView.as_view(results_only=True),
            name="search_terms_report_results",
        ),
    ]


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm("portal_search.view_searchtermcount")


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item() -> MenuItem:
    return SearchTermsMenuItem("Search terms", reverse("search_terms_report"), icon_name="search", order=700)
