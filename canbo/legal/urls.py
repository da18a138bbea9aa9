from django.urls import path

from . import views

app_name = "legal"
urlpatterns = [
    path("", views.rule_list, name="rule_list"),
    path("<str:label>/<str:code>/", views.rule_correct, name="rule_correct"),
]
