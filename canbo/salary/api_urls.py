from django.urls import path

from . import api

urlpatterns = [
    path("salary/records/", api.RecordListApi.as_view(), name="api-salary-records"),
    path("salary/records/<int:pk>/", api.RecordDetailApi.as_view(), name="api-salary-record"),
    path("salary/due/", api.DueListApi.as_view(), name="api-salary-due"),
    path("salary/raises/", api.BatchRaiseApi.as_view(), name="api-salary-raises"),
    path("salary/early-raises/", api.EarlyRaiseApi.as_view(), name="api-salary-early-raises"),
]
