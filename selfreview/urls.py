from django.urls import path

from . import views

app_name = "selfreview"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("take/", views.take, name="take"),
    path("<int:pk>/", views.review_profile, name="profile"),
]
