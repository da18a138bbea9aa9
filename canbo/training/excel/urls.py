"""The Excel doors under /dao-tao/ (app_name "training", set in canbo/training/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("ke-hoach/<int:pk>/xlsx", views.plan_xlsx, name="excel-plan"),
    path("ke-hoach/<int:pk>/ket-qua.xlsx", views.achievement_xlsx, name="excel-plan-achievement"),
    path("lop/<int:pk>/mau-ket-qua.xlsx", views.results_template_xlsx, name="excel-results-template"),
    path("lop/<int:pk>/nhap-ket-qua/", views.results_import, name="excel-results-import"),
]
