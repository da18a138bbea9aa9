from django.urls import path

from . import views

app_name = "salary"
urlpatterns = [
    path("", views.due_list, name="due"),
    path("nang-luong/", views.batch_raise, name="batch_raise"),
    path("can-bo/<uuid:uuid>/", views.person_salary, name="person"),
    path("can-bo/<uuid:uuid>/<slug:action>/", views.person_action, name="person_action"),
]
