from django.urls import path

from . import views

app_name = "party"
urlpatterns = [
    path("", views.index, name="index"),
    path("ket-nap/", views.admission_create, name="create"),
    path("xuat-excel/", views.admission_export, name="export"),
    path("chi-tieu/", views.target_list_view, name="targets"),
    path("chi-tieu/them/", views.target_edit, name="target_create"),
    path("chi-tieu/<int:pk>/", views.target_edit, name="target_edit"),
    path("<int:pk>/", views.admission_detail, name="detail"),
]
