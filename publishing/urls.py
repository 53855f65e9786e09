"""Public routes for school staff asking to become contributors, and rate-limited versions of the
Wagtail admin's sign-in and password reset (placed before the admin's own URLs in portal/urls.py,
so they answer /admin/login/ and /admin/password_reset/), and of Wagtail's sign-in for private pages."""

from collections.abc import Callable

from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import path
from django_ratelimit.decorators import ratelimit
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.account import LoginView, PasswordResetView
from wagtail.urls import WAGTAIL_FRONTEND_LOGIN_TEMPLATE

from . import views
from .admin_views import DraftHidingPageTypesUsageView, ScopedWorkflowView
from .sign_in import limit_failed_sign_ins

app_name = "publishing"

urlpatterns = [
    path("request-account/", views.request_account, name="request_account"),
    path("request-account/sent/", views.request_sent, name="request_sent"),
    path("confirm/<str:token>/", views.confirm_address, name="confirm_address"),
]


def _limited(view: Callable[..., HttpResponse], field: str, per_account: str) -> Callable[..., HttpResponse]:
    """Ten attempts a minute from one address, and `per_account` for one email (normalised), so
    one address's reset emails cannot be sent endlessly. A blocked attempt gets the same 429 page
    whether or not the account exists. (Sign-in has its own limiter: publishing.sign_in.)"""
    by_account = views.ratelimit_per_field(field, per_account)
    by_ip = ratelimit(key="ip", rate="10/m", method="POST", block=True)
    return views.answer_blocked_with_429(by_ip(by_account(view)))


account_urlpatterns = [
    path("admin/login/", limit_failed_sign_ins(LoginView.as_view())),
    # Wagtail's own sign-in for private pages: the same accounts, so the same limits.
    path(
        "_util/login/",
        limit_failed_sign_ins(auth_views.LoginView.as_view(template_name=WAGTAIL_FRONTEND_LOGIN_TEMPLATE)),
    ),
    path("admin/password_reset/", _limited(PasswordResetView.as_view(), "email", "5/h")),
]

# Wagtail admin views replaced by ones that hide other people's drafts (publishing.drafts) and
# other people's usernames (the workflow report's filter): placed
# before the admin's own URLs in portal/urls.py, so they answer the same addresses and names' URLs.
admin_overrides = [
    path("admin/reports/workflow/", require_admin_access(ScopedWorkflowView.as_view())),
    path(
        "admin/reports/workflow/results/", require_admin_access(ScopedWorkflowView.as_view(results_only=True))
    ),
    path("admin/reports/page-types-usage/", require_admin_access(DraftHidingPageTypesUsageView.as_view())),
    path(
        "admin/reports/page-types-usage/results/",
        require_admin_access(DraftHidingPageTypesUsageView.as_view(results_only=True)),
    ),
]
