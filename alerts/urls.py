from django.urls import path, re_path

from . import views

app_name = "alerts"

urlpatterns = [
    path("alerts/new/", views.new_alert, name="new"),
    path("alerts/manage/", views.request_manage_link, name="request_link"),
    path("alerts/confirm/<str:token>/", views.confirm, name="confirm"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("alerts/manage/<str:token>/", views.manage, name="manage"),
    path("search/feed/", views.search_feed, name="search_feed"),
    re_path(r"^(?P<path>(?:[\w\-]+/)+)feed/$", views.listing_feed, name="listing_feed"),
]
