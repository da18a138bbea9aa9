from django.urls import path

from . import api

urlpatterns = [
    path("units/", api.UnitListApi.as_view(), name="api-units"),
    path("units/<str:code>/", api.UnitDetailApi.as_view(), name="api-unit-detail"),
]
