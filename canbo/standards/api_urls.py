from django.urls import path

from . import api

urlpatterns = [
    path("standards/", api.StandardListApi.as_view(), name="api-standards"),
    path("standards/<int:pk>/", api.StandardDetailApi.as_view(), name="api-standard-detail"),
    path("standards/check/", api.CheckApi.as_view(), name="api-standards-check"),
    path("standards/gaps/", api.GapListApi.as_view(), name="api-standards-gaps"),
    path("review-campaigns/", api.CampaignListApi.as_view(), name="api-review-campaigns"),
    path("review-campaigns/<int:pk>/", api.CampaignDetailApi.as_view(), name="api-review-campaign-detail"),
    path(
        "review-campaigns/<int:pk>/findings/",
        api.FindingListApi.as_view(),
        name="api-review-campaign-findings",
    ),
    path(
        "review-campaigns/<int:pk>/recheck/",
        api.CampaignRecheckApi.as_view(),
        name="api-review-campaign-recheck",
    ),
]
