"""Users and role assignments: the system administrator's part of the admin, and the board's approvals.

A system administrator who is not a superuser cannot grant superuser status or Django permissions (roles are
the only source of access in Canbo), so the admin is no way around the role model. Role assignments are
written only through canbo.accounts.services: adding one here (or in the user's inline) files a request, which
opens personal data only once a province board member other than the requester approves it (the admin
actions); nobody edits or deletes an assignment here — it is approved, rejected or revoked.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError

from canbo.accounts.admin_base import NotFoundOutsideScopeMixin, ReadOnlyAdmin, is_sysadmin

from . import account_changes, services
from .models import (
    PROTECTED_ACCOUNT,
    AccountChange,
    AccountChangeKind,
    Role,
    RoleAssignment,
    User,
    holds_personal_data_role,
)
from .scoping import has_role

PRIVILEGE_FIELDS = ("is_superuser", "groups", "user_permissions")
TRAIL_FIELDS = [
    "status",
    "requested_by",
    "created_at",
    "decided_by",
    "decided_at",
    "revoked_by",
    "revoked_at",
]


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


class RoleRequestForm(forms.ModelForm):
    """A new assignment = a request; the service's checks shown next to the fields (the actor is set by the
    admin on the form class it builds for each request)."""

    actor = None

    class Meta:
        model = RoleAssignment
        fields = ["user", "role", "unit"]

    def clean(self):
        data = super().clean()
        if self.instance.pk is not None or "role" not in data:
            return data
        user = data.get("user") or (self.instance.user if self.instance.user_id else None)
        try:
            services.role_assignment_check_request(
                actor=self.actor, user=user, role=data["role"], unit=data.get("unit")
            )
        except PermissionDenied as exc:
            raise ValidationError(str(exc)) from exc
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    shown = field in self.fields and not self.fields[field].widget.is_hidden
                    self.add_error(field if shown else None, errors)  # the inline hides its user field
            else:
                raise
        return data


class RoleAssignmentInline(admin.TabularInline):
    """The user's assignments with their trail, read only; a new row files a request (UserAdmin.save_formset)."""

    model = RoleAssignment
    fk_name = "user"
    form = RoleRequestForm
    fields = ["role", "unit", *TRAIL_FIELDS]
    autocomplete_fields = ["unit"]
    extra = 1

    def get_readonly_fields(self, request, obj=None):
        return TRAIL_FIELDS

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.actor = request.user
        return formset

    def has_view_permission(self, request, obj=None):
        return is_sysadmin(request.user)

    def has_add_permission(self, request, obj=None):
        return services.can_request_roles(request.user)

    def has_change_permission(self, request, obj=None):
        return False  # existing rows are shown read only: approve, reject or revoke them instead

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(User)
class UserAdmin(NotFoundOutsideScopeMixin, _SysadminOnly, DjangoUserAdmin):
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
        if obj is not None and holds_personal_data_role(obj):
            return False  # revoke the roles first; the account's trail stays
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        held = [u.username for u in queryset if holds_personal_data_role(u)]
        if held:
            raise PermissionDenied(
                "Không xoá tài khoản đang có vai trò được xem dữ liệu cá nhân (" + ", ".join(held) + "): hãy "
                "thu hồi vai trò trước."
            )
        super().delete_queryset(request, queryset)

    def user_change_password(self, request, id, form_url=""):
        user = self.get_object(request, id)
        if user.pk != request.user.pk and holds_personal_data_role(user):
            raise PermissionDenied(PROTECTED_ACCOUNT.format(username=user.username))
        return super().user_change_password(request, id, form_url)

    def save_model(self, request, obj, form, change):
        """For a role holder's account, a new user name or e-mail, or locking/unlocking, becomes a request."""
        requests = []
        if change and obj.pk != request.user.pk and holds_personal_data_role(obj):
            for field, kind in (("username", AccountChangeKind.USERNAME), ("email", AccountChangeKind.EMAIL)):
                if field in form.changed_data:
                    requests.append((kind, getattr(obj, field)))
                    setattr(obj, field, form.initial.get(field, ""))
            if "is_active" in form.changed_data:
                kind = AccountChangeKind.REACTIVATE if obj.is_active else AccountChangeKind.DEACTIVATE
                requests.append((kind, ""))
                obj.is_active = form.initial.get("is_active", obj.is_active)
        super().save_model(request, obj, form, change)
        for kind, value in requests:
            self._file(request, obj, kind, value)

    def _file(self, request, user, kind, value=""):
        try:
            account_changes.account_change_request(actor=request.user, user=user, kind=kind, value=value)
        except (PermissionDenied, ValidationError) as exc:
            text = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            self.message_user(request, f"{user}: {text}", messages.ERROR)
            return False
        self.message_user(
            request,
            f"{user}: đã gửi đề nghị “{AccountChangeKind(kind).label}”; thay đổi chỉ có hiệu lực khi một thành "
            "viên Ban Tổ chức Tỉnh ủy / Sở Nội vụ phê duyệt.",
            messages.WARNING,
        )
        return True

    def _file_each(self, request, queryset, kind):
        for user in queryset:
            self._file(request, user, kind)

    @admin.action(description="Đề nghị đặt lại mật khẩu (tài khoản có vai trò xem dữ liệu cá nhân)")
    def request_password_reset(self, request, queryset):
        self._file_each(request, queryset, AccountChangeKind.PASSWORD)

    @admin.action(description="Đề nghị khóa tài khoản (tài khoản có vai trò xem dữ liệu cá nhân)")
    def request_deactivation(self, request, queryset):
        self._file_each(request, queryset, AccountChangeKind.DEACTIVATE)

    @admin.action(description="Đề nghị mở khóa tài khoản (tài khoản có vai trò xem dữ liệu cá nhân)")
    def request_reactivation(self, request, queryset):
        self._file_each(request, queryset, AccountChangeKind.REACTIVATE)

    actions = ["request_password_reset", "request_deactivation", "request_reactivation"]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += [f for f in PRIVILEGE_FIELDS if f not in readonly]
        return readonly

    def save_formset(self, request, form, formset, change):
        if formset.model is not RoleAssignment:
            return super().save_formset(request, form, formset, change)
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for inline_form in formset.extra_forms:
            if not inline_form.has_changed() or not inline_form.cleaned_data.get("role"):
                continue
            formset.new_objects.append(
                services.role_assignment_request(
                    actor=request.user,
                    user=formset.instance,
                    role=inline_form.cleaned_data["role"],
                    unit=inline_form.cleaned_data.get("unit"),
                )
            )


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(NotFoundOutsideScopeMixin, admin.ModelAdmin):
    """Requests and their trail. The system administrator and the board file requests and revoke; only an
    active board member who is neither the user nor the requester approves or rejects (the actions)."""

    form = RoleRequestForm
    list_display = [
        "user",
        "role",
        "unit",
        "status",
        "requested_by",
        "decided_by",
        "decided_at",
        "revoked_at",
    ]
    list_filter = ["status", "role"]
    list_select_related = ["user", "unit", "requested_by", "decided_by"]
    search_fields = ["user__username", "unit__code", "unit__name"]
    autocomplete_fields = ["user", "unit"]
    actions = ["approve", "reject", "revoke"]

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return is_sysadmin(request.user) or has_role(request.user, Role.PROVINCE_BOARD)

    def has_add_permission(self, request):
        return services.can_request_roles(request.user)

    def has_change_permission(self, request, obj=None):
        return False  # nobody edits status, approver or role here: the actions call the services

    def has_delete_permission(self, request, obj=None):
        return False  # rows are the trail: revoke instead

    def has_approve_permission(self, request):
        return services.can_approve_roles(request.user)

    def has_revoke_permission(self, request):
        return services.can_request_roles(request.user)

    def get_fields(self, request, obj=None):
        return ["user", "role", "unit"] if obj is None else ["user", "role", "unit", *TRAIL_FIELDS]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.get_fields(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.actor = request.user
        return form

    def save_model(self, request, obj, form, change):
        if change:  # unreachable (no change permission); never save a form over an assignment
            raise PermissionDenied
        created = services.role_assignment_request(
            actor=request.user, user=obj.user, role=obj.role, unit=obj.unit
        )
        obj.pk = created.pk
        obj._state.adding = False
        obj.refresh_from_db()

    def _apply(self, request, queryset, service, done: str):
        count = 0
        for assignment in queryset.select_related("user", "unit"):
            try:
                service(actor=request.user, assignment=assignment)
            except (PermissionDenied, ValidationError) as exc:
                text = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
                self.message_user(request, f"{assignment}: {text}", messages.ERROR)
            else:
                count += 1
        if count:
            self.message_user(request, f"Đã {done} {count} phân quyền.", messages.SUCCESS)

    @admin.action(description="Phê duyệt các đề nghị đã chọn", permissions=["approve"])
    def approve(self, request, queryset):
        self._apply(request, queryset, services.role_assignment_approve, "phê duyệt")

    @admin.action(description="Từ chối các đề nghị đã chọn", permissions=["approve"])
    def reject(self, request, queryset):
        self._apply(request, queryset, services.role_assignment_reject, "từ chối")

    @admin.action(description="Thu hồi các phân quyền đã chọn", permissions=["revoke"])
    def revoke(self, request, queryset):
        self._apply(request, queryset, services.role_assignment_revoke, "thu hồi")


@admin.register(AccountChange)
class AccountChangeAdmin(ReadOnlyAdmin):
    """The trail of account changes that needed a second person; decided on the board's page."""

    list_display = [
        "user",
        "kind",
        "value",
        "status",
        "requested_by",
        "created_at",
        "decided_by",
        "decided_at",
    ]
    list_filter = ["status", "kind"]
    list_select_related = ["user", "requested_by", "decided_by"]
    search_fields = ["user__username"]

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return is_sysadmin(request.user) or has_role(request.user, Role.PROVINCE_BOARD)
