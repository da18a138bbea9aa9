from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "canbo.notifications"
    verbose_name = "Thông báo, nhắc việc"
