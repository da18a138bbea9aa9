from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The top floor: the dashboard and the menu, composed from the apps' own summary functions."""

    name = "canbo.home"
    verbose_name = "Trang chủ"
