from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "canbo.feedback"
    verbose_name = "Phản ánh, kiến nghị"
