"""Cadre planning in the admin: read only and scoped. Terms, posts, proposals, approvals and removals are
written through the planning pages and API (the services: rule 10's limits, decisions, audit trail)."""

from django.contrib import admin

from canbo.accounts.admin_base import ReadOnlyAdmin

from .models import PlannedPost, PlanningDecision, PlanningEntry, PlanningTerm
from .selectors import (
    decision_queryset_for,
    entry_queryset_for,
    is_reader,
    post_queryset_for,
    term_queryset_for,
)


class PlanningAdmin(ReadOnlyAdmin):
    def has_module_permission(self, request):
        return is_reader(request.user)

    def has_view_permission(self, request, obj=None):
        return is_reader(request.user)


@admin.register(PlanningTerm)
class PlanningTermAdmin(PlanningAdmin):
    list_display = [
        "code",
        "kind",
        "start_date",
        "end_date",
        "max_per_post",
        "min_women_pct",
        "min_young_pct",
    ]

    def get_queryset(self, request):
        return term_queryset_for(user=request.user)


@admin.register(PlannedPost)
class PlannedPostAdmin(PlanningAdmin):
    list_display = ["position", "unit", "term", "tier", "seats"]
    list_filter = ["term", "tier"]

    def get_queryset(self, request):
        return post_queryset_for(user=request.user)


@admin.register(PlanningDecision)
class PlanningDecisionAdmin(PlanningAdmin):
    list_display = ["number", "date", "approving_body", "term"]
    list_filter = ["term"]
    search_fields = ["number"]

    def get_queryset(self, request):
        return decision_queryset_for(user=request.user)


@admin.register(PlanningEntry)
class PlanningEntryAdmin(PlanningAdmin):
    list_display = [
        "person",
        "post",
        "status",
        "is_supplement",
        "approved_on",
        "removed_on",
        "removal_reason",
    ]
    list_filter = ["status", "is_supplement", "removal_reason", "post__term"]
    search_fields = ["person__search_text"]

    def get_queryset(self, request):
        return entry_queryset_for(user=request.user)
