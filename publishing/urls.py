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
from .admin_views import DraftHidingPageTypesUsageView

app_name = "publishing"

urlpatterns = [
    path("request-account/", views.request_account, name="request_account"),
    path("request-account/sent/", views.request_sent, name="request_sent"),
    path("confirm/<str:token>/", views.confirm_address, name="confirm_address"),
]


def _limited(view: Callable[..., HttpResponse], field: str, per_account: str) -> Callable[..., HttpResponse]:
    """Ten attempts a minute from one address, and `per_account` for one username or email
    (normalised), so guessing one account's password is slow from any number of addresses. A
    blocked attempt gets the same 429 page whether or not the account exists."""
    by_account = views.ratelimit_per_field(field, per_account)
    by_ip = ratelimit(key="ip", rate="10/m", method="POST", block=True)
    return views.answer_blocked_with_429(by_ip(by_account(view)))


account_urlpatterns = [
    path("admin/login/", _limited(LoginView.as_view(), "username", "10/15m")),
    # Wagtail's own sign-in for private pages: the same accounts, so the same limits.
    path(
        "_util/login/",
        _limited(
            auth_views.LoginView.as_view(template_name=WAGTAIL_FRONTEND_LOGIN_TEMPLATE), "username", "10/15m"
        ),
    ),
    path("admin/password_reset/", _limited(PasswordResetView.as_view(), "email", "5/h")),
]

# Wagtail admin views replaced by ones that hide other people's drafts (publishing.drafts): placed
# before the admin's own URLs in portal/urls.py, so they answer the same addresses and names' URLs.
admin_overrides = [
    path("admin/reports/page-types-usage/", require_admin_access(DraftHidingPageTypesUsageView.as_view())),
    path(
        "admin/reports/page-types-usage/results/",
        require_admin_access(DraftHidingPageTypesUsageView.as_view(results_only=True)),
    ),
]
