from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("", views.index, name="index"),
    path("tep-mau/", views.template_download, name="template"),
    path("danh-muc-kiem-tra/", views.checklist, name="checklist"),
    path("ho-so-chua-du/", views.incomplete, name="incomplete"),
    path("cach-viet-khac/", views.aliases, name="aliases"),
    path("cach-viet-khac/<int:pk>/bo/", views.alias_delete, name="alias-delete"),
    path("<uuid:job_id>/", views.detail, name="detail"),
    path("<uuid:job_id>/tien-do/", views.progress, name="progress"),
]
