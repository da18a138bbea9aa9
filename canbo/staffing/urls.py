"""Pages of staffing quotas and streamlining (included under /bien-che/)."""

from django.urls import path

from . import views

app_name = "staffing"
urlpatterns = [
    path("", views.quota_index, name="index"),
    path("xuat-excel/", views.quota_export, name="quota_export"),
    path("giao/them/", views.quota_edit, name="quota_create"),
    path("giao/<int:pk>/", views.quota_edit, name="quota_edit"),
    path("tinh-gian/", views.case_list_view, name="case_list"),
    path("tinh-gian/de-nghi/", views.case_propose_view, name="case_propose"),
    path("tinh-gian/xuat-excel/", views.case_export, name="case_export"),
    path("tinh-gian/tuyen-dung-lai/", views.rehire_list_view, name="rehire_list"),
    path("tinh-gian/<int:pk>/", views.case_detail, name="case_detail"),
    path("tinh-gian/<int:pk>/<slug:action>/", views.case_action, name="case_action"),
]
