from django.urls import path

from . import views

app_name = "party"
urlpatterns = [
    path("", views.index, name="index"),
    path("ket-nap/", views.admission_create, name="create"),
    path("<int:pk>/", views.admission_detail, name="detail"),
]
