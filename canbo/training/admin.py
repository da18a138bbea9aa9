"""Catalogues the system administrator keeps without code changes: programmes and the sponsorship rule."""

from django.contrib import admin

from canbo.accounts.admin_base import NotFoundOutsideScopeMixin, RetireNotDeleteMixin
from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role

from .models import Programme, SponsorshipRule


class CatalogueAdmin(NotFoundOutsideScopeMixin, RetireNotDeleteMixin, admin.ModelAdmin):
    """Sysadmin edits; the province board reads. History is kept: rows are ended (valid_to), not deleted."""

    def has_module_permission(self, request):
        return has_role(request.user, Role.SYSADMIN, Role.PROVINCE_BOARD) or request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return has_role(request.user, Role.SYSADMIN) or request.user.is_superuser

    has_add_permission = has_change_permission


@admin.register(Programme)
class ProgrammeAdmin(CatalogueAdmin):
    list_display = ["code", "name", "kind", "form", "grants_scale", "grants_level", "valid_from", "valid_to"]
    list_filter = ["kind", "form"]
    search_fields = ["code", "name"]


@admin.register(SponsorshipRule)
class SponsorshipRuleAdmin(CatalogueAdmin):
    list_display = [
        "legal_basis",
        "valid_from",
        "valid_to",
        "min_service_years",
        "max_age",
        "commitment_multiplier",
    ]
