from django.urls import path

from . import own_views, place_views, views

app_name = "nationaldb"
urlpatterns = [
    path("", views.sync_index, name="sync"),
    path("duyet-gui/", views.sync_approve, name="approve"),
    path("<int:pk>/gui-lai/", views.sync_resend, name="resend"),
    path("ai-da-xem-ho-so-cua-toi/", views.my_access_log, name="my_access"),
    path("ho-so-dien-tu-cua-toi/", own_views.own_dossier, name="own_dossier"),
    path("ho-so-dien-tu-cua-toi/dong-y/", own_views.own_consent, name="own_consent"),
    path("nhat-ky-truy-cap/", views.access_audit, name="access_audit"),
    path("dia-danh/<uuid:uuid>/", place_views.person_places, name="person_places"),
    path("dia-danh/xa-phuong/", place_views.commune_options, name="commune_options"),
]
