from django.urls import path

from . import views

app_name = "shortlists"

urlpatterns = [
    path("shortlist/", views.empty, name="empty"),
    path("shortlist/change/", views.change, name="change"),
    path("shortlist/<str:token>/", views.show, name="show"),
    path("shortlist/<str:token>/pack.pdf", views.pack, name="pack"),
]
