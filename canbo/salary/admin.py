"""The salary scales and early-raise reasons in the admin: dated configuration the system administrator edits
(retired with valid_to, never deleted); the salary rules (SalaryRule) are listed here to read and corrected on
the "Căn cứ pháp lý" page. The salary history itself is written only through the app's services."""

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


class SalaryRuleViewAdmin(CatalogueAdmin):
    """One kind of salary rule, to read: a correction is a new dated version on the "Căn cứ pháp lý" page
    (canbo.core.rulebook.rule_version_append), never an edit of a row here."""

    list_display = ["code", "label", "value", "valid_from", "valid_to", "legal_basis"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(code__startswith=self.model.code_prefix)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


for view in (StepRule, DisciplineDelayRule, EarlyRaiseQuotaRule, BaseSalary):
    admin.site.register(view, SalaryRuleViewAdmin)


@admin.register(EarlyRaiseReason)
class EarlyRaiseReasonAdmin(CatalogueAdmin):
    list_display = ["code", "name", "max_months", "counts_in_quota", "valid_from", "valid_to"]
