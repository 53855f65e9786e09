"""The directory's fixed addresses outside Wagtail's page tree: the Open Referral UK API and the
booklet PDF (Wagtail's page routes all end in "/", and the booklet's address is printed in
schools' newsletters)."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("openreferral/", include("directory.api.urls")),
    path("support-for-schools/booklet.pdf", views.booklet, name="directory-booklet"),
]
