from django.urls import path

from . import api

urlpatterns = [
    path("emulation/movements/", api.MovementListApi.as_view(), name="api-emulation-movements"),
    path("emulation/registrations/", api.RegistrationListApi.as_view(), name="api-emulation-registrations"),
    path("emulation/awards/", api.AwardListApi.as_view(), name="api-emulation-awards"),
    path("emulation/awards/<int:pk>/", api.AwardDetailApi.as_view(), name="api-emulation-award"),
    path("emulation/awards/<int:pk>/revoke/", api.AwardRevokeApi.as_view(), name="api-emulation-revoke"),
]
