from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "canbo.surveys"
    verbose_name = "Khảo sát"
