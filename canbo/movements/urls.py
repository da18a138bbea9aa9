"""Pages of appointments and movements (included under /bo-nhiem/)."""

from django.urls import path

from .views import appointments, due, movements

app_name = "movements"
urlpatterns = [
    path("", due.index, name="index"),
    path("den-han/", due.due_lists, name="due"),
    path("de-xuat/", appointments.appointment_list_view, name="appointment_list"),
    path("de-xuat/them/", appointments.appointment_propose_view, name="appointment_propose"),
    path("de-xuat/<int:pk>/", appointments.appointment_detail, name="appointment_detail"),
    path("de-xuat/<int:pk>/<slug:action>/", appointments.appointment_action, name="appointment_action"),
    path("dieu-dong/", movements.movement_list_view, name="movement_list"),
    path("dieu-dong/them/", movements.movement_create_view, name="movement_create"),
    path("dieu-dong/theo-danh-sach/", movements.movement_batch_view, name="movement_batch"),
    path("dieu-dong/<int:pk>/", movements.movement_detail, name="movement_detail"),
    path("luan-chuyen/", movements.rotation_list_view, name="rotation_list"),
]
