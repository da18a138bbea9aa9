from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.org.models import OrgUnit


class User(AbstractUser):
    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        ordering = ["username"]


class Role(models.TextChoices):
    PROVINCE_BOARD = "province_board", _("Ban Tổ chức Tỉnh ủy / Sở Nội vụ")
    UNIT_OFFICER = "unit_officer", _("Cán bộ tổ chức đơn vị")
    LEADER = "leader", _("Lãnh đạo (chỉ xem)")
    STANDING_COMMITTEE = "standing_committee", _("Ban Thường vụ Tỉnh ủy (phê duyệt; xem toàn tỉnh)")
    OFFICIAL = "official", _("Cán bộ, công chức, viên chức (hồ sơ của mình)")
    SYSADMIN = "sysadmin", _("Quản trị hệ thống")


UNIT_SCOPED_ROLES = {Role.UNIT_OFFICER, Role.LEADER}


class RoleAssignment(models.Model):
    """(user, role, unit): the only source of what a user may see and do."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        ordering = ["user", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "unit"], name="role_assignment_unique"),
            models.CheckConstraint(
                condition=~Q(role__in=["unit_officer", "leader"]) | Q(unit__isnull=False),
                name="role_assignment_unit_required",
                violation_error_message=_("Vai trò cán bộ tổ chức và lãnh đạo phải gắn với một đơn vị."),
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}" + (f" – {self.unit}" if self.unit_id else "")
