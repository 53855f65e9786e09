"""/openreferral/: paths as the standard writes them (no trailing slash), with one accepted too."""

from django.urls import re_path

from . import views

app_name = "openreferral"

UUID_OR_ANY = r"(?P<id>[^/]+)"

urlpatterns = [
    re_path(r"^$", views.api_details, name="api_details"),
    re_path(r"^services/?$", views.services, name="services"),
    re_path(rf"^services/{UUID_OR_ANY}/?$", views.service, name="service"),
    re_path(r"^organizations/?$", views.organizations, name="organizations"),
    re_path(rf"^organizations/{UUID_OR_ANY}/?$", views.organization, name="organization"),
    re_path(r"^service_at_locations/?$", views.service_at_locations, name="service_at_locations"),
    re_path(r"^taxonomies/?$", views.taxonomies, name="taxonomies"),
    re_path(rf"^taxonomies/{UUID_OR_ANY}/?$", views.taxonomy, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_terms, name="taxonomy_terms"),
    re_path(rf"^taxonomy_terms/{UUID_OR_ANY}/?$", views.taxonomy_term, name="taxonomy_term"),
    re_path(r"^(?P<path>.*)$", views.not_found, name="not_found"),
]
