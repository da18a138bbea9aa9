"""Ratings in the admin. Campaigns and sheets are read only and scoped like the pages (written only through
the services, which check the rules and write the AnnualRating)."""

from django.contrib import admin

from canbo.accounts.admin_base import ReadOnlyAdmin

from .models import AnnualRating, PartyMemberRating, RatingCampaign, RatingSheet
from .selectors import (
    annual_rating_queryset_for,
    campaign_queryset_for,
    party_rating_queryset_for,
    reads_cadre_work,
    sheet_queryset_for,
)


class ScopedReadOnlyAdmin(ReadOnlyAdmin):
    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return reads_cadre_work(request.user)


@admin.register(AnnualRating)
class AnnualRatingAdmin(ScopedReadOnlyAdmin):
    """Written by the rating sheet's decision (services); read here within the user's units — a superuser
    without a role sees none (Django's permissions grant nothing in Canbo)."""

    list_display = ["person", "year", "level", "unit"]
    list_filter = ["year", "level"]
    list_select_related = ["person", "unit"]

    def get_queryset(self, request):
        return annual_rating_queryset_for(user=request.user)


@admin.register(RatingCampaign)
class RatingCampaignAdmin(ScopedReadOnlyAdmin):
    list_display = ["year", "unit", "deadline", "status"]
    list_filter = ["year", "status"]

    def get_queryset(self, request):
        return campaign_queryset_for(user=request.user)


@admin.register(RatingSheet)
class RatingSheetAdmin(ScopedReadOnlyAdmin):
    list_display = ["person", "year", "unit", "status", "level"]
    list_filter = ["year", "status", "level"]

    def get_queryset(self, request):
        return sheet_queryset_for(user=request.user)


@admin.register(PartyMemberRating)
class PartyMemberRatingAdmin(ScopedReadOnlyAdmin):
    list_display = ["person", "year", "party_org", "level", "decided_on"]
    list_filter = ["year", "level"]

    def get_queryset(self, request):
        return party_rating_queryset_for(user=request.user)
