from django.urls import path

from . import views

app_name = "dossier"
urlpatterns = [
    path("<uuid:uuid>/giay-to/<uuid:document>/", views.document_view, name="document"),
]
