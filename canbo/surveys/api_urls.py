from django.urls import path

from . import api

urlpatterns = [
    path("surveys/", api.SurveyListApi.as_view(), name="api-surveys"),
    path("surveys/<int:pk>/", api.SurveyDetailApi.as_view(), name="api-survey-detail"),
    path("surveys/<int:pk>/questions/", api.QuestionAddApi.as_view(), name="api-survey-questions"),
    path("surveys/<int:pk>/open/", api.SurveyTransitionApi.as_view(action="open"), name="api-survey-open"),
    path("surveys/<int:pk>/close/", api.SurveyTransitionApi.as_view(action="close"), name="api-survey-close"),
    path("surveys/<int:pk>/invitations/", api.InvitationListApi.as_view(), name="api-survey-invitations"),
    path("surveys/<int:pk>/results/", api.ResultsApi.as_view(), name="api-survey-results"),
    path(
        "surveys/<int:pk>/questions/<int:question_pk>/texts/", api.TextsApi.as_view(), name="api-survey-texts"
    ),
    path("survey-invitations/", api.MyInvitationsApi.as_view(), name="api-my-survey-invitations"),
    path("survey-invitations/<int:pk>/", api.MyQuestionnaireApi.as_view(), name="api-my-survey-invitation"),
    path("survey-invitations/<int:pk>/answer/", api.AnswerApi.as_view(), name="api-survey-answer"),
]
