from auditlog.context import auditlog_value
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        ordering = ["username"]

    def get_full_name(self):
        """The Vietnamese order: family name (last_name) first, then the middle and given names."""
        return f"{self.last_name} {self.first_name}".strip()

    def save(self, *args, **kwargs):
        if self.pk is not None and not getattr(self, "_change_approved", False):
            self._refuse_unapproved_change(kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def _refuse_unapproved_change(self, update_fields) -> None:
        """The last line behind every door (admin, commands such as `changepassword`, a script): a new password,
        user name or e-mail, or locking/unlocking, of an account that holds a role opening personal data is
        written only by `account_changes.account_change_approve` — or by the account's own user, signed in
        (the audit actor of the request). A password hash upgraded at login is no change (`_password` unset)."""
        fields = None if update_fields is None else set(update_fields)
        checked = [f for f in GUARDED_ACCOUNT_FIELDS if fields is None or f in fields]
        new_password = self._password is not None and (fields is None or "password" in fields)
        if not checked and not new_password:
            return
        actor = (auditlog_value.get(None) or {}).get("actor")
        if actor is not None and getattr(actor, "pk", None) == self.pk:
            return
        if not holds_personal_data_role(self):
            return
        old = User.objects.filter(pk=self.pk).values(*checked).first() if checked else {}
        if old is None:
            return
        if new_password or any(old[f] != getattr(self, f) for f in checked):
            raise PermissionDenied(PROTECTED_ACCOUNT.format(username=old.get("username", self.username)))


GUARDED_ACCOUNT_FIELDS = ("username", "email", "is_active")
PROTECTED_ACCOUNT = (
    "Tài khoản “{username}” có vai trò được xem dữ liệu cá nhân: đặt lại mật khẩu, đổi tên đăng nhập hoặc thư "
    "điện tử, khóa hoặc mở khóa và cấp khóa API cho tài khoản này phải được một thành viên Ban Tổ chức Tỉnh ủy / "
    "Sở Nội vụ (không phải người đề nghị) phê duyệt. Hãy gửi đề nghị (trang quản trị, mục Người dùng: chọn tài "
    "khoản rồi chọn thao tác “Đề nghị …”). Muốn chặn truy cập ngay: thu hồi vai trò của tài khoản."
)


def holds_personal_data_role(user) -> bool:
    """Whether `user` holds, or waits for, a role that opens personal data (a live assignment)."""
    if user.pk is None:
        return False
    return RoleAssignment.objects.filter(
        user_id=user.pk, role__in=PERSONAL_DATA_ROLES, status__in=LIVE_STATUSES
    ).exists()


class Role(models.TextChoices):
    PROVINCE_BOARD = "province_board", _("Ban Tổ chức Tỉnh ủy / Sở Nội vụ")
    UNIT_OFFICER = "unit_officer", _("Cán bộ tổ chức đơn vị")
    LEADER = "leader", _("Lãnh đạo (chỉ xem)")
    STANDING_COMMITTEE = "standing_committee", _("Ban Thường vụ Tỉnh ủy (phê duyệt; xem toàn tỉnh)")
    OFFICIAL = "official", _("Cán bộ, công chức, viên chức (hồ sơ của mình)")
    SYSADMIN = "sysadmin", _("Quản trị hệ thống")


UNIT_SCOPED_ROLES = {Role.UNIT_OFFICER, Role.LEADER}
# Every role but the system administrator's opens personal records: it takes effect only once a second
# person, a member of the province board, approves it (docs/decisions/017-role-approval-and-audit-visibility.md).
PERSONAL_DATA_ROLES = frozenset(Role) - {Role.SYSADMIN}


class AssignmentStatus(models.TextChoices):
    PENDING = "PENDING", _("Chờ phê duyệt")
    ACTIVE = "ACTIVE", _("Đang hiệu lực")
    REJECTED = "REJECTED", _("Bị từ chối")
    REVOKED = "REVOKED", _("Đã thu hồi")


LIVE_STATUSES = [AssignmentStatus.PENDING, AssignmentStatus.ACTIVE]


class RoleAssignment(models.Model):
    """(user, role, unit): the only source of what a user may see and do — once ACTIVE.

    Written only by canbo.accounts.services: a request (PENDING) → approved (ACTIVE) or rejected (REJECTED);
    an active one → revoked (REVOKED). Rows are kept, never deleted: they are the trail of who granted what.
    A row with no requester is seed data (demo, tests, the first board member of an installation).
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        "org.OrgUnit",
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=AssignmentStatus.choices, default=AssignmentStatus.PENDING
    )
    requested_by = models.ForeignKey(
        User,
        verbose_name=_("người đề nghị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        User,
        verbose_name=_("người phê duyệt / từ chối"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("phê duyệt / từ chối lúc"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        User,
        verbose_name=_("người thu hồi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    created_at = models.DateTimeField(_("đề nghị lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        ordering = ["user", "role", "-created_at"]
        indexes = [models.Index(fields=["status", "role"], name="role_assignment_status")]
        constraints = [
            # One live (pending or active) row per user, role and unit; rejected and revoked rows stay as history.
            models.UniqueConstraint(
                fields=["user", "role", "unit"],
                condition=Q(status__in=LIVE_STATUSES, unit__isnull=False),
                name="role_assignment_unique_live_unit",
                violation_error_message=_(
                    "Người dùng này đã có hoặc đang chờ duyệt vai trò này tại đơn vị này."
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(status__in=LIVE_STATUSES, unit__isnull=True),
                name="role_assignment_unique_live",
                violation_error_message=_("Người dùng này đã có hoặc đang chờ duyệt vai trò này."),
            ),
            models.CheckConstraint(
                condition=~Q(role__in=["unit_officer", "leader"]) | Q(unit__isnull=False),
                name="role_assignment_unit_required",
                violation_error_message=_("Vai trò cán bộ tổ chức và lãnh đạo phải gắn với một đơn vị."),
            ),
            models.CheckConstraint(
                condition=Q(requested_by__isnull=True) | ~Q(requested_by=F("user")),
                name="role_assignment_not_self_requested",
                violation_error_message=_("Không ai được tự phân quyền cho chính mình."),
            ),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("user")),
                name="role_assignment_not_self_decided",
                violation_error_message=_("Không ai được tự phê duyệt phân quyền cho chính mình."),
            ),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True)
                | Q(requested_by__isnull=True)
                | ~Q(decided_by=F("requested_by")),
                name="role_assignment_four_eyes",
                violation_error_message=_("Người đề nghị không được tự phê duyệt đề nghị của mình."),
            ),
            models.CheckConstraint(
                condition=Q(revoked_by__isnull=True) | ~Q(revoked_by=F("user")),
                name="role_assignment_not_self_revoked",
                violation_error_message=_("Không ai được tự thu hồi phân quyền của chính mình."),
            ),
            # A requested role that opens personal data is active only with its approver.
            models.CheckConstraint(
                condition=~Q(status="ACTIVE")
                | Q(role="sysadmin")
                | Q(requested_by__isnull=True)
                | Q(decided_by__isnull=False),
                name="role_assignment_active_needs_approval",
                violation_error_message=_(
                    "Vai trò được xem dữ liệu cá nhân chỉ có hiệu lực khi đã được phê duyệt."
                ),
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        status="PENDING",
                        decided_by__isnull=True,
                        decided_at__isnull=True,
                        revoked_at__isnull=True,
                    )
                    | Q(status="ACTIVE", revoked_by__isnull=True, revoked_at__isnull=True)
                    | Q(status="REJECTED", decided_by__isnull=False, decided_at__isnull=False)
                    | Q(status="REVOKED", revoked_at__isnull=False)
                ),
                name="role_assignment_status_consistent",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}" + (f" – {self.unit}" if self.unit_id else "")

    @property
    def opens_personal_data(self) -> bool:
        return self.role in PERSONAL_DATA_ROLES


class ApiToken(models.Model):
    """A key an API client sends as `Authorization: Token <key>` (canbo/accounts/tokens.py).

    Only the key's SHA-256 is stored: a copy of the database gives no working key. The key is random (256 bits),
    so a fast hash is enough; a slow one (Argon2, as for passwords) would cost every request what Basic does.
    A key is revoked, never deleted: the audit trail keeps who issued and who revoked it. A key expires
    (`expires_at`, a year after issue by default): a forgotten key in an old script stops working by itself."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên ứng dụng dùng khóa"), max_length=100)
    prefix = models.CharField(_("đầu khóa"), max_length=8, help_text=_("8 ký tự đầu, để nhận ra khóa"))
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("ngày cấp"), auto_now_add=True)
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("người cấp")
    )
    last_used_on = models.DateField(_("dùng lần cuối"), null=True, blank=True)
    expires_at = models.DateTimeField(
        _("hết hạn"),
        null=True,
        blank=True,
        help_text=_("trống: khóa cấp trước khi có thời hạn, không hết hạn"),
    )
    revoked_at = models.DateTimeField(_("ngày thu hồi"), null=True, blank=True)

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.prefix}… – {self.name} ({self.user})"


class AccountChangeKind(models.TextChoices):
    PASSWORD = "password", _("Đặt lại mật khẩu")
    USERNAME = "username", _("Đổi tên đăng nhập")
    EMAIL = "email", _("Đổi thư điện tử")
    DEACTIVATE = "deactivate", _("Khóa tài khoản")
    REACTIVATE = "reactivate", _("Mở khóa tài khoản")
    API_TOKEN = "api_token", _("Cấp khóa API")


class AccountChangeStatus(models.TextChoices):
    PENDING = "PENDING", _("Chờ phê duyệt")
    APPLIED = "APPLIED", _("Đã phê duyệt, đã thực hiện")
    REJECTED = "REJECTED", _("Bị từ chối")


class AccountChange(models.Model):
    """A change to the account of someone who holds a role that opens personal data — a password reset, a new
    user name or e-mail, locking or unlocking, an API key — requested by one person and carried out only when a
    second person, an active province board member, approves it (canbo.accounts.account_changes). Whoever could
    do it alone could act as that person (docs/decisions/035-sec18-account-changes-need-a-second-person.md).

    `requested_by` is empty when the request came from the server's command line (`manage.py api_token`).
    Rows are never deleted: they are the trail."""

    user = models.ForeignKey(
        User, verbose_name=_("tài khoản"), on_delete=models.PROTECT, related_name="account_changes"
    )
    kind = models.CharField(_("thay đổi"), max_length=12, choices=AccountChangeKind.choices)
    value = models.CharField(
        _("giá trị mới"),
        max_length=254,
        blank=True,
        help_text=_("tên đăng nhập, thư điện tử hoặc tên khóa API"),
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=AccountChangeStatus.choices,
        default=AccountChangeStatus.PENDING,
    )
    requested_by = models.ForeignKey(
        User,
        verbose_name=_("người đề nghị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("đề nghị lúc"), auto_now_add=True)
    decided_by = models.ForeignKey(
        User,
        verbose_name=_("người phê duyệt / từ chối"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("phê duyệt / từ chối lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("đề nghị thay đổi tài khoản")
        verbose_name_plural = _("đề nghị thay đổi tài khoản")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"],
                condition=Q(status="PENDING"),
                name="account_change_one_pending",
                violation_error_message=_("Đã có một đề nghị như vậy đang chờ phê duyệt."),
            ),
            models.CheckConstraint(
                condition=Q(requested_by__isnull=True) | ~Q(requested_by=F("user")),
                name="account_change_not_self_requested",
            ),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("user")),
                name="account_change_not_self_decided",
            ),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True)
                | Q(requested_by__isnull=True)
                | ~Q(decided_by=F("requested_by")),
                name="account_change_four_eyes",
            ),
            models.CheckConstraint(
                condition=Q(status="PENDING", decided_by__isnull=True, decided_at__isnull=True)
                | Q(~Q(status="PENDING"), decided_by__isnull=False, decided_at__isnull=False),
                name="account_change_status_consistent",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.user}"
