from django.urls import path

from . import views

app_name = "discipline"
urlpatterns = [
    path("", views.case_list_view, name="index"),
    path("them/", views.case_open_view, name="case_open"),
    path("<int:pk>/", views.case_detail, name="case_detail"),
    path("<int:pk>/<slug:action>/", views.case_action, name="case_action"),
    path("quyet-dinh/", views.record_list_view, name="record_list"),
    path("quyet-dinh/xuat-excel/", views.record_export, name="record_export"),
]
