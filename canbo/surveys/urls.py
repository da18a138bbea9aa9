from django.urls import path

from . import views

app_name = "surveys"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("phieu/<int:pk>/", views.answer, name="answer"),
    path("quan-ly/", views.survey_index, name="index"),
    path("quan-ly/tao/", views.survey_create, name="create"),
    path("quan-ly/<int:pk>/", views.survey_detail, name="detail"),
    path("quan-ly/<int:pk>/cau-hoi/<int:question_pk>/xoa/", views.question_delete, name="question_delete"),
    path("quan-ly/<int:pk>/mo/", views.survey_transition, {"action": "open"}, name="open"),
    path("quan-ly/<int:pk>/dong/", views.survey_transition, {"action": "close"}, name="close"),
    path("quan-ly/<int:pk>/moi/", views.invitations, name="invitations"),
    path("quan-ly/<int:pk>/ket-qua/", views.results, name="results"),
    path("quan-ly/<int:pk>/ket-qua/xuat-excel/", views.results_export, name="results_xlsx"),
    path("quan-ly/<int:pk>/tu-do/<int:question_pk>/", views.texts, name="texts"),
    path("quan-ly/<int:pk>/tu-do/<int:question_pk>/xuat-excel/", views.texts_export, name="texts_xlsx"),
]
