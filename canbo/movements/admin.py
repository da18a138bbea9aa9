"""Appointments and movements in the admin: read only and scoped like the pages (they are written only through
the services, which check the standards, write the career rows and audit)."""

from django.contrib import admin
from django.urls import reverse

from canbo.accounts.admin_base import ReadOnlyAdmin

from .models import Appointment, Movement
from .selectors import appointment_queryset_for, movement_queryset_for, reads_cadre_work


class ScopedReadOnlyAdmin(ReadOnlyAdmin):
    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return reads_cadre_work(request.user)


@admin.register(Appointment)
class AppointmentAdmin(ScopedReadOnlyAdmin):
    list_display = ["person", "position", "unit", "kind", "status", "check_date", "term_start", "term_end"]
    list_filter = ["kind", "status"]
    list_select_related = ["person", "position", "unit"]
    search_fields = ["person__search_text", "decision_number"]

    def get_queryset(self, request):
        return appointment_queryset_for(user=request.user)

    def view_on_site(self, obj):
        return reverse("movements:appointment_detail", args=[obj.pk])


@admin.register(Movement)
class MovementAdmin(ScopedReadOnlyAdmin):
    list_display = ["person", "kind", "from_unit", "to_unit", "direction", "start_date", "end_date"]
    list_filter = ["kind", "direction"]
    list_select_related = ["person", "from_unit", "to_unit"]
    search_fields = ["person__search_text", "decision_number"]

    def get_queryset(self, request):
        return movement_queryset_for(user=request.user)

    def view_on_site(self, obj):
        return reverse("movements:movement_detail", args=[obj.pk])
