from django.urls import path

from .picker import person_picker
from .views import edit, history, lists, profile, self_service

app_name = "people"
urlpatterns = [
    path("", lists.person_list, name="list"),
    path("xuat-excel/", lists.person_export, name="export"),
    path("them/", edit.person_create_view, name="create"),
    path("tim-nguoi/", person_picker, name="person_picker"),
    path("de-nghi/", self_service.change_requests, name="change_requests"),
    path("de-nghi/<int:pk>/xu-ly/", self_service.change_request_decide_view, name="change_request_decide"),
    path("trinh-do/cac-muc/", edit.qualification_levels, name="qualification_levels"),
    path("<uuid:uuid>/", profile.person_detail, name="detail"),
    path("<uuid:uuid>/sua/", edit.person_edit, name="edit"),
    path("<uuid:uuid>/lich-su/", history.person_history, name="history"),
    path("<uuid:uuid>/de-nghi/", self_service.change_request_propose, name="propose"),
    path("<uuid:uuid>/cong-tac/", edit.employment_add_view, name="employment_add"),
    path("<uuid:uuid>/thoi-cong-tac/", edit.end_service_view, name="end_service"),
    path("<uuid:uuid>/trinh-do/", edit.qualification_add_view, name="qualification_add"),
    path("<uuid:uuid>/trinh-do/<int:pk>/xoa/", edit.qualification_delete_view, name="qualification_delete"),
]
