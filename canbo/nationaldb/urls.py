from django.urls import path

from . import views

app_name = "nationaldb"
urlpatterns = [
    path("", views.sync_index, name="sync"),
    path("duyet-gui/", views.sync_approve, name="approve"),
    path("<int:pk>/gui-lai/", views.sync_resend, name="resend"),
    path("ai-da-xem-ho-so-cua-toi/", views.my_access_log, name="my_access"),
    path("nhat-ky-truy-cap/", views.access_audit, name="access_audit"),
]
