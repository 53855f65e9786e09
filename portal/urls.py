from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.core.views import document_password_form, health, page_password_form
from publishing.urls import account_urlpatterns, admin_overrides

urlpatterns = [
    path("health/", health, name="health"),
    # Rate-limited admin sign-in and password reset (publishing): before the admin's own URLs.
    *account_urlpatterns,
    *admin_overrides,
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password form for private documents, rate limited (portal.core.views): before its own.
    path("documents/authenticate_with_password/<int:restriction_id>/", document_password_form),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Email alerts (/alerts/...) and every listing's Atom feed (<listing>/feed/, /search/feed/),
# and shortlists (/shortlist/...): before Wagtail's pages.
urlpatterns += [path("", include("alerts.urls")), path("", include("shortlists.urls"))]

# /events/calendar.ics and /events/<event>/event.ics: .ics URLs handed to the pages' routes.
urlpatterns += [path("", include("events.urls"))]

# /openreferral/ (the Open Referral UK API) and /support-for-schools/booklet.pdf.
urlpatterns += [path("", include("directory.urls"))]

# /search/, /api/search/ and /api/search/suggest/: one search over everything.
urlpatterns += [path("", include("search.urls"))]

# /contributors/request-account/: school staff ask to share resources (publishing).
urlpatterns += [path("contributors/", include("publishing.urls"))]

# /self-review/: a careers leader rates the school's programme against the benchmarks (selfreview).
urlpatterns += [path("self-review/", include("selfreview.urls"))]

# /feedback/: the school's and the young people's forms after a placement or encounter (feedback).
urlpatterns += [path("feedback/", include("feedback.urls"))]

# /hosts/apply/: local employers apply to host young people (hosts).
urlpatterns += [path("hosts/", include("hosts.urls"))]

# Wagtail's password form for private pages, rate limited (portal.core.views): before its own.
urlpatterns += [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password_form,
    )
]

urlpatterns += [path("", include(wagtail_urls))]
