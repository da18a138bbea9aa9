from django.urls import path

from . import api

urlpatterns = [
    path("discipline/cases/", api.CaseListApi.as_view(), name="api-discipline-cases"),
    path("discipline/cases/<int:pk>/", api.CaseDetailApi.as_view(), name="api-discipline-case"),
    path("discipline/cases/<int:pk>/review/", api.CaseReviewApi.as_view(), name="api-discipline-review"),
    path("discipline/cases/<int:pk>/defer/", api.CaseDeferApi.as_view(), name="api-discipline-defer"),
    path("discipline/cases/<int:pk>/resume/", api.CaseResumeApi.as_view(), name="api-discipline-resume"),
    path("discipline/cases/<int:pk>/decide/", api.CaseDecideApi.as_view(), name="api-discipline-decide"),
    path("discipline/records/", api.RecordListApi.as_view(), name="api-discipline-records"),
    path(
        "discipline/promotion-blocked/<uuid:uuid>/",
        api.PromotionBlockApi.as_view(),
        name="api-discipline-promotion-blocked",
    ),
]
