from django.urls import path

from . import api

urlpatterns = [
    path("imports/", api.ImportCreateApi.as_view(), name="api-imports"),
    path("imports/<uuid:job_id>/", api.ImportDetailApi.as_view(), name="api-import-detail"),
]
