from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "canbo.notifications"
    verbose_name = "Thông báo, nhắc việc"

    def ready(self):
        from . import jobs  # noqa: F401 - registers the "reminders" job kind
