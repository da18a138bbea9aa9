from django.urls import path

from . import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_index, name="index"),
    path("<uuid:job_id>/", views.job_detail, name="detail"),
    path("<uuid:job_id>/tien-do/", views.job_progress, name="progress"),
    path("<uuid:job_id>/tai-ve/", views.job_download, name="download"),
]
