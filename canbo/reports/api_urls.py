from django.urls import path

from .api import ReportDetailAPI, ReportListAPI

urlpatterns = [
    path("reports/", ReportListAPI.as_view(), name="api-report-list"),
    path("reports/<slug:name>/", ReportDetailAPI.as_view(), name="api-report-detail"),
]
