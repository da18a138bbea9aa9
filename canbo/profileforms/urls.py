from django.urls import path

from . import views

app_name = "profileforms"
urlpatterns = [
    path("in-hang-loat/", views.batch, name="batch"),
    path("<uuid:uuid>/<slug:form_key>.<slug:fmt>", views.form_download, name="download"),
]
