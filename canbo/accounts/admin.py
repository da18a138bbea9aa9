"""Users and role assignments: the system administrator's part of the admin.

A system administrator who is not a superuser cannot grant superuser status or Django permissions
(roles are the only source of access in Canbo), so the admin is no way around the role model.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from canbo.core.admin import CatalogueAdmin, is_sysadmin

from .models import RoleAssignment, User

PRIVILEGE_FIELDS = ("is_superuser", "groups", "user_permissions")


class _SysadminOnly:
    def has_module_permission(self, request):
        return is_sysadmin(request.user)

    def has_view_permission(self, request, obj=None):
        return is_sysadmin(request.user)

    def has_add_permission(self, request, obj=None):
        return is_sysadmin(request.user)

    def has_change_permission(self, request, obj=None):
        return is_sysadmin(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_sysadmin(request.user)


class RoleAssignmentInline(_SysadminOnly, admin.TabularInline):
    model = RoleAssignment
    fields = ["role", "unit"]
    autocomplete_fields = ["unit"]
    extra = 1


@admin.register(User)
class UserAdmin(_SysadminOnly, DjangoUserAdmin):
    inlines = [RoleAssignmentInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active", "is_staff", "last_login"]
    list_filter = ["is_active", "is_staff", "role_assignments__role"]

    def has_change_permission(self, request, obj=None):
        # Only a superuser changes a superuser's account.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += [f for f in PRIVILEGE_FIELDS if f not in readonly]
        return readonly


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(_SysadminOnly, CatalogueAdmin):
    list_display = ["user", "role", "unit", "created_at"]
    list_filter = ["role"]
    list_select_related = ["user", "unit"]
    search_fields = ["user__username", "unit__code", "unit__name"]
    autocomplete_fields = ["user", "unit"]
