from django.urls import path

from . import api

urlpatterns = [
    path("planning/terms/", api.TermListApi.as_view(), name="api-planning-terms"),
    path("planning/terms/<int:pk>/", api.TermDetailApi.as_view(), name="api-planning-term-detail"),
    path(
        "planning/terms/<int:pk>/composition/", api.CompositionApi.as_view(), name="api-planning-composition"
    ),
    path(
        "planning/terms/<int:pk>/removal-proposals/",
        api.RemovalProposalsApi.as_view(),
        name="api-planning-removal-proposals",
    ),
    path("planning/terms/<int:pk>/needs/", api.NeedsApi.as_view(), name="api-planning-needs"),
    path("planning/posts/", api.PostListApi.as_view(), name="api-planning-posts"),
    path("planning/posts/<int:pk>/", api.PostDetailApi.as_view(), name="api-planning-post-detail"),
    path("planning/entries/", api.EntryListApi.as_view(), name="api-planning-entries"),
    path("planning/entries/approve/", api.EntriesApproveApi.as_view(), name="api-planning-entries-approve"),
    path("planning/entries/remove/", api.EntriesRemoveApi.as_view(), name="api-planning-entries-remove"),
    path("planning/entries/<int:pk>/", api.EntryDetailApi.as_view(), name="api-planning-entry-detail"),
    path(
        "planning/entries/<int:pk>/withdraw/",
        api.EntryWithdrawApi.as_view(),
        name="api-planning-entry-withdraw",
    ),
    path("planning/decisions/", api.DecisionListApi.as_view(), name="api-planning-decisions"),
    path(
        "planning/decisions/<int:pk>/", api.DecisionDetailApi.as_view(), name="api-planning-decision-detail"
    ),
]
