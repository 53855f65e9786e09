from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.home.views import health

urlpatterns = [
    path("health/", health, name="health"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# /events/calendar.ics and /events/<event>/event.ics: .ics URLs handed to the pages' routes.
urlpatterns += [path("", include("events.urls"))]

# /openreferral/ (the Open Referral UK API) and /support-for-schools/booklet.pdf.
urlpatterns += [path("", include("directory.urls"))]

urlpatterns += [path("", include(wagtail_urls))]
