from django.urls import path

from . import api

urlpatterns = [
    path("jobs/<uuid:job_id>/", api.JobDetailApi.as_view(), name="api-job-detail"),
    path("jobs/<uuid:job_id>/file/", api.JobFileApi.as_view(), name="api-job-file"),
]
