from django.urls import path

from . import api

urlpatterns = [
    path("staffing/quotas/", api.QuotaListApi.as_view(), name="api-staffing-quotas"),
    path("staffing/quotas/<int:pk>/", api.QuotaDetailApi.as_view(), name="api-staffing-quota-detail"),
    path("staffing/progress/", api.ProgressApi.as_view(), name="api-staffing-progress"),
    path("staffing/cases/", api.CaseListApi.as_view(), name="api-staffing-cases"),
    path("staffing/cases/<int:pk>/", api.CaseDetailApi.as_view(), name="api-staffing-case-detail"),
    path("staffing/cases/<int:pk>/approve/", api.CaseApproveApi.as_view(), name="api-staffing-case-approve"),
    path("staffing/cases/<int:pk>/reject/", api.CaseRejectApi.as_view(), name="api-staffing-case-reject"),
    path("staffing/cases/<int:pk>/exit/", api.CaseExitApi.as_view(), name="api-staffing-case-exit"),
    path("staffing/cases/<int:pk>/repay/", api.CaseRepayApi.as_view(), name="api-staffing-case-repay"),
]
