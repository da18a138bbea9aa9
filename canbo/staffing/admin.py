from django.contrib import admin

from canbo.accounts.admin_base import NotFoundOutsideScopeMixin, ReadOnlyAdmin

from .models import ReductionTarget, StaffingQuota, StreamliningCase
from .selectors import case_queryset_for, reads_cadre_work


@admin.register(ReductionTarget)
class ReductionTargetAdmin(NotFoundOutsideScopeMixin, admin.ModelAdmin):
    """The roadmap is data (KL 40-KL/TW): corrected here, never in code."""

    list_display = ["kind", "unit", "base_year", "first_year", "last_year", "percent", "legal_basis"]
    list_filter = ["kind", "first_year"]


@admin.register(StaffingQuota)
class StaffingQuotaAdmin(NotFoundOutsideScopeMixin, admin.ModelAdmin):
    list_display = ["unit", "year", "kind", "approved_count", "decision_number", "decision_date"]
    list_filter = ["year", "kind"]
    readonly_fields = [f.name for f in StaffingQuota._meta.fields]

    def has_add_permission(self, request):  # written through services.quota_save (audit, rules)
        return False


@admin.register(StreamliningCase)
class StreamliningCaseAdmin(ReadOnlyAdmin):
    """Personal data: read only and scoped like the pages (written through the services); a superuser
    without a role sees none (Django's permissions grant nothing in Canbo)."""

    list_display = ["person", "reason", "policy", "status", "proposed_on", "exit_date"]
    list_filter = ["status", "reason"]

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return reads_cadre_work(request.user)

    def get_queryset(self, request):
        return case_queryset_for(user=request.user)
