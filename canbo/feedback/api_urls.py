from django.urls import path

from . import api

urlpatterns = [
    path("feedback/", api.FeedbackListApi.as_view(), name="api-feedback"),
    path("feedback/<int:pk>/", api.FeedbackDetailApi.as_view(), name="api-feedback-detail"),
    path("feedback/<int:pk>/assign/", api.FeedbackAssignApi.as_view(), name="api-feedback-assign"),
    path("feedback/<int:pk>/verify/", api.FeedbackVerifyApi.as_view(), name="api-feedback-verify"),
    path("feedback/<int:pk>/close/", api.FeedbackCloseApi.as_view(), name="api-feedback-close"),
    path("feedback/<int:pk>/open-case/", api.FeedbackOpenCaseApi.as_view(), name="api-feedback-open-case"),
]
