from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "canbo.notifications"
    verbose_name = "Thông báo, nhắc việc"

    def ready(self):
        from canbo.accounts.signals import account_changed, role_assignment_changed

        from . import jobs  # noqa: F401 - registers the "reminders" job kind
        from .receivers import account_changed_notify, role_assignment_changed_notify

        # accounts (a lower layer) sends; notifications listens: the dependency points down.
        role_assignment_changed.connect(role_assignment_changed_notify, dispatch_uid="notify-board-of-roles")
        account_changed.connect(account_changed_notify, dispatch_uid="notify-board-of-account-changes")
