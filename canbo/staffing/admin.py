from django.contrib import admin

from .models import ReductionTarget, StaffingQuota, StreamliningCase


@admin.register(ReductionTarget)
class ReductionTargetAdmin(admin.ModelAdmin):
    """The roadmap is data (KL 40-KL/TW): corrected here, never in code."""

    list_display = ["kind", "unit", "base_year", "first_year", "last_year", "percent", "legal_basis"]
    list_filter = ["kind", "first_year"]


@admin.register(StaffingQuota)
class StaffingQuotaAdmin(admin.ModelAdmin):
    list_display = ["unit", "year", "kind", "approved_count", "decision_number", "decision_date"]
    list_filter = ["year", "kind"]
    readonly_fields = [f.name for f in StaffingQuota._meta.fields]

    def has_add_permission(self, request):  # written through services.quota_save (audit, rules)
        return False


@admin.register(StreamliningCase)
class StreamliningCaseAdmin(admin.ModelAdmin):
    list_display = ["person", "reason", "policy", "status", "proposed_on", "exit_date"]
    list_filter = ["status", "reason"]
    readonly_fields = [f.name for f in StreamliningCase._meta.fields]

    def has_add_permission(self, request):
        return False
