"""Security headers the deployment checklist does not cover on its own, and the plain 503 page
for a database that cannot be reached."""

import logging
import sys
from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.template import loader


class PortalCSPMiddleware(CSPMiddleware):
    """A strict Content-Security-Policy (no 'unsafe-inline') on every public page; the Wagtail
    admin, which relies on inline styles and scripts, gets its own policy under /admin/."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith("/admin/"):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class PermissionsPolicyMiddleware:
    """Turns off browser features the portal never uses, for every response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def _database_errors() -> tuple[type[Exception], ...]:
    """Django wraps the driver's errors in its own classes; psycopg's are listed too for the
    few paths (connection pools, server-side cursors) that can raise them unwrapped."""
    errors: tuple[type[Exception], ...] = (OperationalError, InterfaceError)
    try:
        import psycopg
    except ImportError:
        return errors
    return (*errors, psycopg.OperationalError, psycopg.InterfaceError)


DATABASE_ERRORS = _database_errors()
RETRY_AFTER_SECONDS = 60
_FAILED_ATTRIBUTE = "portal_database_error"
logger = logging.getLogger(__name__)


def database_unavailable_response() -> HttpResponse:
    """The plain 503 page. The template is rendered with no request, so no context processor,
    Wagtail site lookup, session or menu can touch the database that has just failed."""
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _remember_database_error(sender: object, request: HttpRequest | None = None, **kwargs: object) -> None:
    """got_request_exception receiver. Django turns an exception raised inside a middleware into
    a 500 response right there, before any outer middleware sees it; the signal is sent while
    the exception is being handled, so this is where the cause can still be read."""
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, DATABASE_ERRORS):
        setattr(request, _FAILED_ATTRIBUTE, error)


class DatabaseUnavailableMiddleware:
    """A database that cannot be reached (down, refusing connections, locked, connection lost)
    gives a plain 503 page with Retry-After, never a stack trace or the generic 500 page.

    Views and template rendering: process_exception. Middleware further in (sessions, sign-in,
    redirects, the page cache): Django has already turned their exception into a 500 by the
    time it gets here, so the 500 is swapped for the 503 when got_request_exception recorded
    a database error. It sits after the security-header middleware, so the 503 keeps them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        got_request_exception.connect(_remember_database_error, dispatch_uid="portal-database-unavailable")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        error = getattr(request, _FAILED_ATTRIBUTE, None)
        if error is not None and response.status_code == 500:
            return self._unavailable(request, error)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DATABASE_ERRORS):
            return self._unavailable(request, exception)
        return None

    @staticmethod
    def _unavailable(request: HttpRequest, error: BaseException) -> HttpResponse:
        logger.error(
            "Database unavailable while serving %s %s: %s",
            request.method,
            request.path,
            error,
            exc_info=error,
        )
        return database_unavailable_response()
