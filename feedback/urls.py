from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("school/<str:value>/", views.school_feedback, name="school"),
    path("young-people/<str:value>/", views.young_people_feedback, name="young_people"),
    path("young-people/<str:value>/qr.<str:kind>", views.young_people_qr, name="young_people_qr"),
    path("thanks/", views.thanks, name="thanks"),
]
