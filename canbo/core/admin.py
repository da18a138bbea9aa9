"""Admin building blocks decided by Canbo's roles, and a strictly read-only audit log.

The Django admin (/quan-tri/) is one more door: what a staff user sees there follows the same roles and
scoping as the app. Catalogues and accounts belong to the system administrator; personal data is read-only
here and scoped with canbo.people.selectors (edits go through the app's pages, i.e. the services).
"""

from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType

from canbo.accounts.models import Role
from canbo.accounts.scoping import administers_system, has_role

PERSONAL_DATA_MODELS = [("people", "person"), ("people", "employment"), ("people", "qualification")]


is_sysadmin = administers_system


class CatalogueAdmin(admin.ModelAdmin):
    """Configuration data: the system administrator edits it; the province board may read it."""

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return is_sysadmin(request.user) or has_role(request.user, Role.PROVINCE_BOARD)

    def has_add_permission(self, request):
        return is_sysadmin(request.user)

    def has_change_permission(self, request, obj=None):
        return is_sysadmin(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_sysadmin(request.user)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records written only through the services: nobody adds, changes or deletes them here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditLogAdmin(ReadOnlyAdmin):
    """The audit history, read only for everybody (PostgreSQL also refuses UPDATE/DELETE on the table).

    The province board reads all of it; the system administrator reads the rows of everything except
    personal data.
    """

    list_display = ["timestamp", "content_type", "object_repr", "action", "actor", "remote_addr"]
    list_filter = ["action", "content_type"]
    list_select_related = ["content_type", "actor"]
    search_fields = ["object_repr", "actor__username"]
    date_hierarchy = "timestamp"
    fields = [
        "timestamp",
        "content_type",
        "object_pk",
        "object_repr",
        "action",
        "changes",
        "actor",
        "remote_addr",
        "cid",
    ]
    readonly_fields = fields

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return has_role(request.user, Role.PROVINCE_BOARD) or is_sysadmin(request.user)

    def get_actions(self, request):
        return {}

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if has_role(request.user, Role.PROVINCE_BOARD):
            return qs
        personal = [ContentType.objects.get_by_natural_key(*key).pk for key in PERSONAL_DATA_MODELS]
        return qs.exclude(content_type_id__in=personal)


if admin.site.is_registered(LogEntry):
    admin.site.unregister(LogEntry)
admin.site.register(LogEntry, AuditLogAdmin)
