from django.urls import path

from . import api

urlpatterns = [
    path("appointments/", api.AppointmentListApi.as_view(), name="api-appointments"),
    path("appointments/<int:pk>/", api.AppointmentDetailApi.as_view(), name="api-appointment-detail"),
    path("appointments/<int:pk>/check/", api.AppointmentCheckApi.as_view(), name="api-appointment-check"),
    path(
        "appointments/<int:pk>/approve/", api.AppointmentApproveApi.as_view(), name="api-appointment-approve"
    ),
    path("appointments/<int:pk>/decide/", api.AppointmentDecideApi.as_view(), name="api-appointment-decide"),
    path(
        "appointments/<int:pk>/withdraw/",
        api.AppointmentWithdrawApi.as_view(),
        name="api-appointment-withdraw",
    ),
    path("appointments/<int:pk>/extend/", api.AppointmentExtendApi.as_view(), name="api-appointment-extend"),
    path("movements/", api.MovementListApi.as_view(), name="api-movements"),
    path("movements/batch/", api.MovementBatchApi.as_view(), name="api-movements-batch"),
    path("movements/due/", api.DueListsApi.as_view(), name="api-movements-due"),
    path("movements/<int:pk>/", api.MovementDetailApi.as_view(), name="api-movement-detail"),
]
