"""Admin building blocks decided by Canbo's roles, and a strictly read-only audit log.

The Django admin (/quan-tri/) is one more door: what a staff user sees there follows the same roles and
scoping as the app. Catalogues and accounts belong to the system administrator; personal data is read-only
here and scoped with canbo.people.selectors (edits go through the app's pages, i.e. the services).
"""

from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from canbo.accounts.models import Role
from canbo.accounts.scoping import administers_system, has_role

# The configuration the system administrator keeps: the only audit rows it reads. Every other audited model —
# persons and everything that hangs off them or names them (career rows, enrolments, ratings, feedback,
# invitations, cases, …) — is personal data or cadre work: its audit rows are the board's, and a person's own
# history is read on the person's page, scoped like the record (docs/decisions/017).
CONFIGURATION_AUDIT_MODELS = frozenset(
    {
        ("accounts", "roleassignment"),
        ("accounts", "user"),
        ("accounts", "accountchange"),
        ("accounts", "apitoken"),
        ("org", "orgunit"),
        ("org", "orgevent"),
        ("people", "rank"),
        ("people", "position"),
        ("standards", "titlestandard"),
        ("standards", "standardcriterion"),
        ("training", "programme"),
        ("training", "sponsorshiprule"),
    }
)


is_sysadmin = administers_system


RETIRE_NOT_DELETE = (
    "Không xoá mục danh mục: hồ sơ, quá trình công tác và báo cáo đang dùng hoặc đã dùng mục này. Để ngừng "
    "sử dụng, hãy kết thúc hiệu lực (điền ngày vào ô “hiệu lực đến”): mục sẽ không còn được chọn trong các "
    "biểu mẫu và mẫu nhập Excel, các bản ghi cũ vẫn giữ nguyên."
)


class NotFoundOutsideScopeMixin:
    """A record outside the admin's (scoped) queryset answers 404, like the app's pages and the API.

    Django's admin answers a missing object with a redirect and a "doesn't exist" message; here the change,
    history and delete pages raise Http404 instead, so a record outside the user's units is not told apart
    from one that does not exist, and no door answers differently.
    """

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404("Không có bản ghi này.")
        return obj


class RetireNotDeleteMixin:
    """Catalogue entries are retired (valid_to), never deleted, by anybody.

    The refusal comes at once, before the admin collects related rows for its confirmation page (thousands of
    career rows name a post: that collection is what made deleting one hang), with a message saying how to
    retire the entry. The database protects the entries too (on_delete=PROTECT on every record naming one).
    """

    def has_delete_permission(self, request, obj=None):
        return False

    def delete_view(self, request, object_id, extra_context=None):
        raise PermissionDenied(RETIRE_NOT_DELETE)


class CatalogueAdmin(NotFoundOutsideScopeMixin, RetireNotDeleteMixin, admin.ModelAdmin):
    """Configuration data: the system administrator edits it; the province board may read it."""

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return is_sysadmin(request.user) or has_role(request.user, Role.PROVINCE_BOARD)

    def has_add_permission(self, request):
        return is_sysadmin(request.user)

    def has_change_permission(self, request, obj=None):
        return is_sysadmin(request.user)


class ReadOnlyAdmin(NotFoundOutsideScopeMixin, admin.ModelAdmin):
    """Records written only through the services: nobody adds, changes or deletes them here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditLogAdmin(ReadOnlyAdmin):
    """The audit history, read only for everybody (PostgreSQL also refuses UPDATE/DELETE on the table).

    The province board reads all of it; the system administrator only the rows of the configuration it keeps
    (CONFIGURATION_AUDIT_MODELS, an allow-list: a model audited tomorrow stays hidden until it is added); nobody
    else reads it here. A hidden row answers 404, like a record outside one's units.
    """

    list_display = ["timestamp", "content_type", "object_repr", "action", "actor", "remote_addr"]
    list_filter = ["action", ("content_type", admin.RelatedOnlyFieldListFilter)]
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
        if not is_sysadmin(request.user):
            return qs.none()
        configuration = Q(pk__in=[])
        for app_label, model in CONFIGURATION_AUDIT_MODELS:
            configuration |= Q(app_label=app_label, model=model)
        return qs.filter(content_type__in=ContentType.objects.filter(configuration).values("pk"))


if admin.site.is_registered(LogEntry):
    admin.site.unregister(LogEntry)
admin.site.register(LogEntry, AuditLogAdmin)
