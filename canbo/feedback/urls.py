from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("", views.feedback_list_view, name="index"),
    path("them/", views.feedback_receive_view, name="receive"),
    path("xuat-excel/", views.feedback_export, name="export"),
    path("<int:pk>/", views.feedback_detail, name="detail"),
    path("<int:pk>/<slug:action>/", views.feedback_action, name="action"),
]
