from django.urls import path

from . import api

urlpatterns = [
    path("persons/", api.PersonListApi.as_view(), name="api-persons"),
    path("persons/<uuid:uuid>/", api.PersonDetailApi.as_view(), name="api-person-detail"),
    path("persons/<uuid:uuid>/employments/", api.EmploymentListApi.as_view(), name="api-person-employments"),
    path(
        "persons/<uuid:uuid>/employments/<int:pk>/",
        api.EmploymentDetailApi.as_view(),
        name="api-person-employment-detail",
    ),
    path(
        "persons/<uuid:uuid>/qualifications/",
        api.QualificationListApi.as_view(),
        name="api-person-qualifications",
    ),
    path(
        "persons/<uuid:uuid>/qualifications/<int:pk>/",
        api.QualificationDetailApi.as_view(),
        name="api-person-qualification-detail",
    ),
]
