from django.urls import path

from . import api, party_api

urlpatterns = [
    path("rating-campaigns/", api.CampaignListApi.as_view(), name="api-rating-campaigns"),
    path("rating-campaigns/<int:pk>/", api.CampaignDetailApi.as_view(), name="api-rating-campaign-detail"),
    path(
        "rating-campaigns/<int:pk>/close/", api.CampaignCloseApi.as_view(), name="api-rating-campaign-close"
    ),
    path(
        "rating-campaigns/<int:pk>/sheets/",
        api.CampaignSheetsApi.as_view(),
        name="api-rating-campaign-sheets",
    ),
    path("rating-sheets/mine/", api.MySheetsApi.as_view(), name="api-rating-sheets-mine"),
    path("rating-sheets/<int:pk>/", api.SheetDetailApi.as_view(), name="api-rating-sheet-detail"),
    path(
        "rating-sheets/<int:pk>/self-assess/",
        api.SheetSelfAssessApi.as_view(),
        name="api-rating-sheet-self-assess",
    ),
    path("rating-sheets/<int:pk>/propose/", api.SheetProposeApi.as_view(), name="api-rating-sheet-propose"),
    path("rating-sheets/<int:pk>/decide/", api.SheetDecideApi.as_view(), name="api-rating-sheet-decide"),
    path("rating-sheets/<int:pk>/facts/", api.SheetFactsApi.as_view(), name="api-rating-sheet-facts"),
    path(
        "rating-sheets/<int:pk>/deliverables/",
        api.SheetDeliverablesApi.as_view(),
        name="api-rating-sheet-deliverables",
    ),
    path("rating-deliverables/<int:pk>/", api.DeliverableDetailApi.as_view(), name="api-rating-deliverable"),
    path("party-member-ratings/", party_api.PartyRatingListApi.as_view(), name="api-party-member-ratings"),
    path(
        "party-member-ratings/bulk/",
        party_api.PartyRatingBulkApi.as_view(),
        name="api-party-member-ratings-bulk",
    ),
]
