from django.urls import path

from . import views

app_name = "home"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("ho-so-cua-toi/", views.my_record, name="my_record"),
]
