from django.urls import path

from . import views

app_name = "emulation"
urlpatterns = [
    path("", views.index, name="index"),
    path("dang-ky/", views.registration_list_view, name="registrations"),
    path("dang-ky/xuat-excel/", views.registration_export, name="registration_export"),
    path("khen-thuong/", views.award_list_view, name="awards"),
    path("khen-thuong/xuat-excel/", views.award_export, name="award_export"),
    path("khen-thuong/<int:pk>/", views.award_detail, name="award_detail"),
    path("phong-trao/", views.movement_list_view, name="movements"),
    path("phong-trao/them/", views.movement_edit, name="movement_create"),
    path("phong-trao/<int:pk>/", views.movement_edit, name="movement_edit"),
]
