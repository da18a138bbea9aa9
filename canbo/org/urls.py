from django.urls import path

from . import views

app_name = "org"
urlpatterns = [
    path("", views.tree, name="tree"),
    path("them/", views.unit_create, name="create"),
    path("sap-nhap/", views.unit_merge, name="merge"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/chia-tach/", views.unit_split, name="split"),
]
