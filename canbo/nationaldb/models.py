"""The national database's outbox (one item per change of a field it holds, written in the change's transaction),
the batches that carry items out after an approval, the access log of dossiers and the officials' consents."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.core.models import Timestamped
from canbo.org.models import OrgUnit
from canbo.people.models import Person

from .fields import Group


class ChangeSource(models.TextChoices):
    CANBO = "CANBO", _("Thay đổi trên Canbo (hạn 1 ngày làm việc)")
    OTHER = "OTHER", _("Dữ liệu nhận từ nguồn khác, nhập hàng loạt (hạn 3 ngày làm việc)")


class OutboxState(models.TextChoices):
    WAITING = "WAITING", _("Chờ gửi")
    SENT = "SENT", _("Đã gửi")
    REFUSED = "REFUSED", _("Bị từ chối")
    BLOCKED = "BLOCKED", _("Chưa gửi được: thiếu mã danh mục quốc gia")


class OutboxItem(models.Model):
    """One change to send: the person, the group, the fields' new values, the legal deadline and the state.

    `key` is the idempotency key the national side keys on: a resend after a lost answer is recognised there and
    never stored twice."""

    key = models.UUIDField(_("khóa gửi"), default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    national_id = models.CharField(_("số định danh cá nhân"), max_length=12)
    unit = models.ForeignKey(OrgUnit, null=True, on_delete=models.SET_NULL, related_name="+")
    group = models.PositiveSmallIntegerField(_("nhóm"), choices=[(int(g), str(int(g))) for g in Group])
    record = models.CharField(_("bản ghi"), max_length=80)  # "app.Model:pk"
    action = models.CharField(_("thao tác"), max_length=10)  # create / update / delete
    change = models.JSONField(_("nội dung thay đổi"))  # {field code: new value}
    source = models.CharField(_("nguồn"), max_length=5, choices=ChangeSource.choices)
    created_at = models.DateTimeField(_("thay đổi lúc"), auto_now_add=True)
    deadline = models.DateField(_("hạn đồng bộ"))
    state = models.CharField(
        _("trạng thái"), max_length=8, choices=OutboxState.choices, default=OutboxState.WAITING
    )
    batch = models.ForeignKey(
        "SyncBatch", null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    next_attempt_at = models.DateTimeField(_("gửi lại từ"), null=True, blank=True)
    last_error = models.CharField(_("lỗi lần gửi gần nhất"), max_length=300, blank=True)
    refused_field = models.CharField(_("trường bị từ chối"), max_length=10, blank=True)
    refusal_reason = models.CharField(_("lý do từ chối"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("gửi thành công lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("mục chờ đồng bộ CSDL quốc gia")
        verbose_name_plural = _("mục chờ đồng bộ CSDL quốc gia")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["state", "deadline"], name="outbox_state_deadline"),
            models.Index(fields=["state", "batch", "next_attempt_at"], name="outbox_state_batch"),
            models.Index(fields=["person", "state"], name="outbox_person_state"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="SENT") | Q(sent_at__isnull=False), name="outbox_sent_has_time"
            ),
            models.CheckConstraint(condition=Q(group__gte=1, group__lte=10), name="outbox_group_in_range"),
        ]

    def __str__(self):
        return f"{self.national_id} nhóm {self.group} ({self.get_state_display()})"


class SyncBatch(Timestamped):
    """Items approved to go out together: who approved and when; the signature (an adapter point) if any."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(_("duyệt lúc"))
    signature = models.TextField(_("chữ ký số"), blank=True)
    signer = models.CharField(_("phương thức ký"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("lô đồng bộ")
        verbose_name_plural = _("lô đồng bộ")
        ordering = ["-approved_at"]

    def __str__(self):
        return f"Lô {self.approved_at:%d/%m/%Y %H:%M}"


class DossierPart(models.TextChoices):
    PROFILE = "PROFILE", _("Sơ yếu lý lịch")
    HISTORY = "HISTORY", _("Lịch sử thay đổi")
    TRAINING = "TRAINING", _("Đào tạo, bồi dưỡng")
    FAMILY = "FAMILY", _("Quan hệ gia đình")
    ASSETS = "ASSETS", _("Kê khai tài sản, thu nhập")
    HEALTH = "HEALTH", _("Sức khỏe")
    DOCUMENT = "DOCUMENT", _("Giấy tờ trong hồ sơ điện tử")
    EXPORT = "EXPORT", _("Xuất dữ liệu")
    SYNC = "SYNC", _("Đồng bộ CSDL quốc gia")


class AccessLogEntry(models.Model):
    """Someone other than the person opened or exported a part of their dossier (NĐ 27/2026; NĐ 13/2023)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(OrgUnit, null=True, on_delete=models.SET_NULL, related_name="+")
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    viewer_name = models.CharField(_("người xem"), max_length=150)
    at = models.DateTimeField(_("lúc"), auto_now_add=True, db_index=True)
    part = models.CharField(_("phần hồ sơ"), max_length=10, choices=DossierPart.choices)
    remote_addr = models.GenericIPAddressField(_("từ địa chỉ"), null=True, blank=True)

    class Meta:
        verbose_name = _("nhật ký truy cập hồ sơ")
        verbose_name_plural = _("nhật ký truy cập hồ sơ")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["person", "at"], name="access_person_at"),
            models.Index(fields=["unit", "at"], name="access_unit_at"),
        ]

    def __str__(self):
        return f"{self.viewer_name} xem {self.get_part_display()} ({self.at:%d/%m/%Y %H:%M})"


class ConsentPurpose(models.TextChoices):
    """Uses of the dossier beyond cadre work within the viewer's authority (NĐ 27/2026; NĐ 13/2023 Art 11)."""

    SHARE_OUTSIDE = "SHARE_OUTSIDE", _("Chia sẻ hồ sơ cho cơ quan ngoài phạm vi quản lý")
    RESEARCH = "RESEARCH", _("Sử dụng cho nghiên cứu, thống kê ngoài công tác cán bộ")
    PUBLICATION = "PUBLICATION", _("Công bố thông tin cá nhân")


class Consent(models.Model):
    """The official's consent to one use; withdrawing ends it, never deletes it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    purpose = models.CharField(_("mục đích"), max_length=20, choices=ConsentPurpose.choices)
    granted_at = models.DateTimeField(_("đồng ý lúc"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("rút lại lúc"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("sự đồng ý của cán bộ")
        verbose_name_plural = _("sự đồng ý của cán bộ")
        ordering = ["-granted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "purpose"], condition=Q(withdrawn_at__isnull=True), name="consent_one_open"
            ),
        ]

    def __str__(self):
        return f"{self.get_purpose_display()} ({self.granted_at:%d/%m/%Y})"


class NationalCode(models.Model):
    """The mapping table of one national code list: Canbo's value (a rank's code, a post's code, a
    qualification level, an award or discipline form) → the code the national database expects. Loaded by the
    board (`manage.py national_codes_load`); a value missing here holds its changes back (see codes.py)."""

    catalogue = models.CharField(_("danh mục"), max_length=20)
    local_value = models.CharField(_("giá trị trên Canbo"), max_length=60)
    national_code = models.CharField(_("mã danh mục quốc gia"), max_length=30)
    national_name = models.CharField(_("tên trong danh mục quốc gia"), max_length=200, blank=True)
    source = models.CharField(_("căn cứ"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mã danh mục quốc gia")
        verbose_name_plural = _("bảng đối chiếu mã danh mục quốc gia")
        ordering = ["catalogue", "local_value"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "local_value"], name="national_code_one_per_value"),
            models.CheckConstraint(condition=~Q(national_code=""), name="national_code_not_blank"),
        ]

    def __str__(self):
        return f"{self.catalogue} {self.local_value} → {self.national_code}"


class CommuneKind(models.TextChoices):
    PHUONG = "PHUONG", _("Phường")
    XA = "XA", _("Xã")
    DAC_KHU = "DAC_KHU", _("Đặc khu")


class Commune(models.Model):
    """A commune-level administrative unit of the national list after the 2025 reform (QĐ 19/2025/QĐ-TTg, from
    01/07/2025) in one period of its existence: a later change (a xã becoming a phường) closes the row the day
    before and opens a new one, so a place recorded under the old row keeps it. Loaded from
    data/communes.csv after every migrate (`communes.sync_communes`), never edited by hand."""

    code = models.CharField(_("mã đơn vị hành chính"), max_length=5)
    kind = models.CharField(_("loại"), max_length=8, choices=CommuneKind.choices)
    name = models.CharField(_("tên"), max_length=100)
    province = models.CharField(_("mã tỉnh, thành phố"), max_length=2)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    basis = models.CharField(_("căn cứ"), max_length=60)

    class Meta:
        verbose_name = _("đơn vị hành chính cấp xã")
        verbose_name_plural = _("đơn vị hành chính cấp xã")
        ordering = ["province", "name", "code", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="commune_one_row_per_period"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="commune_period_ordered",
            ),
        ]
        indexes = [models.Index(fields=["province", "valid_to"], name="commune_province_valid")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.name}"


class PersonPlaceCodes(models.Model):
    """The commune codes of an official's place of birth, home town and residence (fields 1.10, 1.12 and the
    commune of 1.17), beside the free-text places on the record, which stay as written (a place written before
    07/2025 is history and is never rewritten). Every change is audited and so reaches the outbox."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="+")
    birth_commune = models.ForeignKey(
        Commune,
        verbose_name=_("nơi sinh (xã, phường)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    origin_commune = models.ForeignKey(
        Commune,
        verbose_name=_("quê quán (xã, phường)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    residence_commune = models.ForeignKey(
        Commune, verbose_name=_("nơi ở hiện nay (xã, phường)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mã địa danh hành chính của cán bộ")
        verbose_name_plural = _("mã địa danh hành chính của cán bộ")

    def __str__(self):
        return f"Mã địa danh của {self.person_id}"
