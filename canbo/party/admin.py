"""Party admissions in the admin: read only (recorded, confirmed and removed only through
canbo.party.services, which check the rules and audit) and scoped by the Party organisation's unit, like the
pages."""

from django.contrib import admin
from django.urls import reverse

from canbo.accounts.admin_base import ReadOnlyAdmin

from .models import Admission, AdmissionTarget
from .selectors import admission_queryset_for, is_reader, target_list


class ScopedReadOnlyAdmin(ReadOnlyAdmin):
    actions = None

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser or is_reader(request.user)


@admin.register(AdmissionTarget)
class AdmissionTargetAdmin(ScopedReadOnlyAdmin):
    list_display = ["party_org", "start_year", "end_year", "target", "resolution_number", "resolution_date"]
    list_filter = ["start_year", ("party_org", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["party_org"]
    search_fields = ["party_org__code", "party_org__name", "resolution_number"]

    def get_queryset(self, request):
        return target_list(user=request.user)


@admin.register(Admission)
class AdmissionAdmin(ScopedReadOnlyAdmin):
    list_display = [
        "__str__",
        "party_org",
        "cell",
        "admitted_on",
        "status",
        "decision_number",
        "full_member_on",
    ]
    list_filter = ["status", ("party_org", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["person", "party_org"]
    search_fields = ["person__search_text", "candidate_name", "decision_number", "cell"]
    date_hierarchy = "admitted_on"

    def get_queryset(self, request):
        return admission_queryset_for(user=request.user)

    def view_on_site(self, obj):
        return reverse("party:detail", args=[obj.pk])
