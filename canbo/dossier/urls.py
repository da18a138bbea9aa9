from django.urls import path

from . import document_views, views

app_name = "dossier"
urlpatterns = [
    path("<uuid:uuid>/", views.person_dossier, name="person"),
    path("<uuid:uuid>/gia-dinh/them/", views.family_add, name="family_add"),
    path("<uuid:uuid>/gia-dinh/<int:pk>/sua/", views.family_edit, name="family_edit"),
    path("<uuid:uuid>/gia-dinh/<int:pk>/xoa/", views.family_delete, name="family_delete"),
    path("<uuid:uuid>/lich-su-ban-than/", views.history_save, name="history_save"),
    path("<uuid:uuid>/anh/", views.photo_view, name="photo"),
    path("<uuid:uuid>/anh/tai-len/", views.photo_upload, name="photo_upload"),
    path("<uuid:uuid>/giay-to/tai-len/", views.document_upload, name="document_upload"),
    path("<uuid:uuid>/giay-to/<uuid:document>/", document_views.document_view, name="document"),
]
