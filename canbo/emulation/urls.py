from django.urls import path

from . import views

app_name = "emulation"
urlpatterns = [
    path("", views.index, name="index"),
    path("dang-ky/", views.registration_list_view, name="registrations"),
    path("khen-thuong/", views.award_list_view, name="awards"),
    path("khen-thuong/<int:pk>/", views.award_detail, name="award_detail"),
]
