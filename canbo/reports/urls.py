from django.urls import path

from . import picker, views

app_name = "reports"
urlpatterns = [
    path("", views.report_index, name="index"),
    path("chon-don-vi/", picker.unit_picker, name="unit_picker"),
    path("<slug:name>/", views.report_detail, name="detail"),
    path("<slug:name>/xuat-excel/", views.report_export, name="export"),
]
