"""Jobs in the admin: read-only, for the operator to see what ran, when and whether it failed. Parameters and
result files are not shown (filters and files may name people)."""

from django.contrib import admin

from canbo.accounts.admin_base import NotFoundOutsideScopeMixin

from .models import Job


@admin.register(Job)
class JobAdmin(NotFoundOutsideScopeMixin, admin.ModelAdmin):
    list_display = ["title", "kind", "status", "percent", "attempts", "worker", "created_at", "finished_at"]
    list_filter = ["status", "kind"]
    fields = ["title", "kind", "status", "stage", "percent", "attempts", "worker", "message", "created_at",
              "started_at", "heartbeat_at", "finished_at"]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
