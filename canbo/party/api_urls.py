from django.urls import path

from . import api

urlpatterns = [
    path("party/targets/", api.TargetListApi.as_view(), name="api-party-targets"),
    path("party/admissions/", api.AdmissionListApi.as_view(), name="api-party-admissions"),
    path("party/admissions/<int:pk>/", api.AdmissionDetailApi.as_view(), name="api-party-admission"),
    path("party/admissions/<int:pk>/confirm/", api.AdmissionConfirmApi.as_view(), name="api-party-confirm"),
    path("party/admissions/<int:pk>/remove/", api.AdmissionRemoveApi.as_view(), name="api-party-remove"),
]
