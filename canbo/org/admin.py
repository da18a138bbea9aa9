"""Units and events in the admin: read only (the tree changes through canbo.org.services and its pages)."""

from django.contrib import admin
from django.urls import reverse

from canbo.accounts.admin_base import ReadOnlyAdmin, is_sysadmin
from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role

from .models import OrgEvent, OrgUnit


class _TreeReaderMixin:
    """The system administrator and the province board read the whole catalogue of units."""

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return is_sysadmin(request.user) or has_role(request.user, Role.PROVINCE_BOARD)


@admin.register(OrgUnit)
class OrgUnitAdmin(_TreeReaderMixin, ReadOnlyAdmin):
    list_display = ["code", "name", "level", "kind", "sector", "parent", "valid_from", "valid_to"]
    list_filter = ["level", "sector", "kind"]
    search_fields = ["code", "name", "short_name"]
    list_select_related = ["parent"]
    ordering = ["path"]
    fields = [
        "code",
        "name",
        "short_name",
        "level",
        "kind",
        "sector",
        "parent",
        "valid_from",
        "valid_to",
        "legal_basis",
        "sort_order",
        "path",
        "depth",
    ]

    def view_on_site(self, obj):
        return reverse("org:detail", args=[obj.code])


@admin.register(OrgEvent)
class OrgEventAdmin(_TreeReaderMixin, ReadOnlyAdmin):
    list_display = ["effective_on", "kind", "decision_number", "legal_basis"]
    list_filter = ["kind"]
    search_fields = ["decision_number", "legal_basis", "predecessors__name", "successors__name"]
    fields = ["kind", "effective_on", "decision_number", "legal_basis", "note", "predecessors", "successors"]
