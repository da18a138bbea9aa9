"""Emulation and commendation in the admin: read only (movements, registrations and awards are recorded and
revoked only through canbo.emulation.services, which check the rules and audit) and scoped by unit, like the
pages; the catalogue of movements is not personal data and every reader sees it."""

from django.contrib import admin
from django.urls import reverse

from canbo.accounts.admin_base import ReadOnlyAdmin

from .models import Award, EmulationMovement, Registration
from .selectors import award_list, is_reader, movement_list, registration_list


class ScopedReadOnlyAdmin(ReadOnlyAdmin):
    actions = None

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser or is_reader(request.user)


@admin.register(EmulationMovement)
class EmulationMovementAdmin(ScopedReadOnlyAdmin):
    list_display = ["code", "name", "start_year", "end_year", "launched_by"]
    list_filter = ["start_year"]
    search_fields = ["code", "name", "launched_by"]

    def get_queryset(self, request):
        return movement_list()


@admin.register(Registration)
class RegistrationAdmin(ScopedReadOnlyAdmin):
    list_display = ["movement", "year", "kind", "unit", "person", "registered_on"]
    list_filter = ["year", "kind", ("movement", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["person__search_text", "unit__code", "unit__name", "note"]

    def get_queryset(self, request):
        return registration_list(user=request.user)


@admin.register(Award)
class AwardAdmin(ScopedReadOnlyAdmin):
    list_display = [
        "form",
        "kind",
        "unit",
        "person",
        "year",
        "decision_number",
        "decision_date",
        "revoked_on",
    ]
    list_filter = ["year", "form", "kind", ("revoked_on", admin.EmptyFieldListFilter)]
    search_fields = ["person__search_text", "unit__code", "unit__name", "decision_number"]
    date_hierarchy = "decision_date"

    def get_queryset(self, request):
        return award_list(user=request.user)

    def view_on_site(self, obj):
        return reverse("emulation:award_detail", args=[obj.pk])
