from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.report_index, name="index"),
    path("<slug:name>/", views.report_detail, name="detail"),
    path("<slug:name>/xuat-excel/", views.report_export, name="export"),
]
