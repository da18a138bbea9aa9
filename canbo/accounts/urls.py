from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import LoginForm

app_name = "accounts"
urlpatterns = [
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(template_name="accounts/login.html", authentication_form=LoginForm),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", views.password_change, name="password_change"),
    path("phan-quyen/", views.role_requests, name="role_requests"),
    path("phan-quyen/<int:pk>/quyet-dinh/", views.role_request_decide, name="role_request_decide"),
    path(
        "phan-quyen/tai-khoan/<int:pk>/quyet-dinh/", views.account_change_decide, name="account_change_decide"
    ),
]
