from django.urls import path, re_path

from . import views
from .occasions import EVENT, OPEN_DAY

app_name = "alerts"

urlpatterns = [
    path("alerts/new/", views.new_alert, name="new"),
    path("alerts/manage/", views.request_manage_link, name="request_link"),
    path("alerts/confirm/<str:token>/", views.confirm, name="confirm"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("alerts/manage/<str:token>/", views.manage, name="manage"),
    path("reminders/new/event/<int:pk>/", views.new_reminder, {"kind": EVENT}, name="new_event_reminder"),
    path(
        "reminders/new/open-day/<int:pk>/",
        views.new_reminder,
        {"kind": OPEN_DAY},
        name="new_open_day_reminder",
    ),
    path("reminders/confirm/<str:token>/", views.confirm, {"kind": "reminder"}, name="confirm_reminder"),
    path(
        "reminders/unsubscribe/<str:token>/",
        views.unsubscribe,
        {"kind": "reminder"},
        name="unsubscribe_reminder",
    ),
    path("search/feed/", views.search_feed, name="search_feed"),
    re_path(r"^(?P<path>(?:[\w\-]+/)+)feed/$", views.listing_feed, name="listing_feed"),
]
