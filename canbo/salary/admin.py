"""The salary rules and scales in the admin: dated configuration the system administrator edits (retired with
valid_to, never deleted). The salary history itself is written only through the app's services."""

from django.contrib import admin

from canbo.accounts.admin_base import CatalogueAdmin

from .models import (
    BaseSalary,
    DisciplineDelayRule,
    EarlyRaiseQuotaRule,
    EarlyRaiseReason,
    SalaryGrade,
    SalaryScale,
    StepRule,
)


class SalaryGradeInline(admin.TabularInline):
    model = SalaryGrade
    extra = 0

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SalaryScale)
class SalaryScaleAdmin(CatalogueAdmin):
    list_display = ["code", "name", "training_class", "valid_from", "valid_to", "legal_basis"]
    search_fields = ["code", "name"]
    inlines = [SalaryGradeInline]


@admin.register(StepRule)
class StepRuleAdmin(CatalogueAdmin):
    list_display = ["training_class", "step_months", "seniority_after_months", "seniority_first_percent",
                    "seniority_yearly_percent", "valid_from", "valid_to", "legal_basis"]  # fmt: skip


@admin.register(DisciplineDelayRule)
class DisciplineDelayRuleAdmin(CatalogueAdmin):
    list_display = ["form", "months", "valid_from", "valid_to", "legal_basis"]


@admin.register(EarlyRaiseQuotaRule)
class EarlyRaiseQuotaRuleAdmin(CatalogueAdmin):
    list_display = ["share_percent", "valid_from", "valid_to", "legal_basis"]


@admin.register(EarlyRaiseReason)
class EarlyRaiseReasonAdmin(CatalogueAdmin):
    list_display = ["code", "name", "max_months", "counts_in_quota", "valid_from", "valid_to"]


@admin.register(BaseSalary)
class BaseSalaryAdmin(CatalogueAdmin):
    list_display = ["amount", "valid_from", "valid_to", "legal_basis"]
