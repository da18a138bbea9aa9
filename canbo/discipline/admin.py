"""Discipline in the admin: read only (cases are opened, reviewed, deferred and decided only through
canbo.discipline.services, which apply the rules of QĐ 69 / NĐ 112 and audit; the decision writes the record)
and scoped by unit, like the pages."""

from django.contrib import admin
from django.urls import reverse

from canbo.accounts.admin_base import ReadOnlyAdmin

from .models import DisciplineAct, DisciplineCase, DisciplineRecord
from .selectors import case_queryset_for, reads_cadre_work, record_queryset_for


class ScopedReadOnlyAdmin(ReadOnlyAdmin):
    actions = None

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser or reads_cadre_work(request.user)


class DisciplineActInline(admin.TabularInline):
    model = DisciplineAct
    fields = ["description", "committed_on", "form"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DisciplineCase)
class DisciplineCaseAdmin(ScopedReadOnlyAdmin):
    list_display = [
        "person",
        "unit",
        "opened_on",
        "status",
        "proposed_form",
        "required_form",
        "deferred_until",
    ]
    list_filter = ["status", "proposed_form", ("unit", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["person", "unit"]
    search_fields = ["person__search_text", "note"]
    date_hierarchy = "opened_on"
    inlines = [DisciplineActInline]

    def get_queryset(self, request):
        return case_queryset_for(user=request.user)

    def view_on_site(self, obj):
        return reverse("discipline:case_detail", args=[obj.pk])


@admin.register(DisciplineRecord)
class DisciplineRecordAdmin(ScopedReadOnlyAdmin):
    list_display = ["person", "form", "decision_number", "decided_on", "effective_until", "unit"]
    list_filter = ["form", ("unit", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["person", "unit"]
    search_fields = ["person__search_text", "decision_number", "authority"]
    date_hierarchy = "decided_on"

    def get_queryset(self, request):
        return record_queryset_for(user=request.user)
