from django.urls import path

from . import views

app_name = "hosts"

urlpatterns = [
    path("apply/", views.apply, name="apply"),
    path("apply/sent/", views.apply_sent, name="apply_sent"),
]
