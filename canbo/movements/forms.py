"""Forms of the appointment and movement pages: shape only; the services decide the rules."""

from django import forms
from django.utils import timezone

from canbo.accounts.scoping import visible_units
from canbo.org.forms import UnitChoiceField, VnFormMixin
from canbo.org.models import OrgUnit
from canbo.people.models import Position
from canbo.people.selectors import unit_choices_for

from .choices import AppointmentKind, AppointmentStatus, Direction, MovementKind

ALL = [("", "— Tất cả —")]
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def _positions(leadership_only: bool):
    today = timezone.localdate()
    qs = Position.objects.active_on(today)
    return qs.filter(is_leadership=True) if leadership_only else qs


class VersionMixin(forms.Form):
    """The version of the record the user opened, checked by the service (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)


class AppointmentFilterForm(VnFormMixin, forms.Form):
    q = forms.CharField(label="Tìm theo tên", required=False, max_length=100)
    status = forms.ChoiceField(label="Trạng thái", choices=ALL + AppointmentStatus.choices, required=False)
    kind = forms.ChoiceField(label="Hình thức", choices=ALL + AppointmentKind.choices, required=False)
    unit = forms.CharField(label="Mã đơn vị", required=False, max_length=40)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_unit(self):
        code = (self.cleaned_data.get("unit") or "").strip()
        if not code:
            return None
        unit = visible_units(self.user).filter(code=code).first()
        if unit is None:
            raise forms.ValidationError(
                "Không tìm thấy đơn vị “%(code)s” trong phạm vi được xem.", params={"code": code}
            )
        return unit


class AppointmentProposeForm(VnFormMixin, forms.Form):
    person = forms.UUIDField(
        label="Người được đề xuất",
        widget=forms.HiddenInput,
        error_messages={"required": "Hãy tìm và chọn một người.", "invalid": "Hãy tìm và chọn một người."},
    )
    position = forms.ModelChoiceField(label="Chức vụ bổ nhiệm", queryset=Position.objects.none())
    unit = UnitChoiceField(label="Đơn vị", queryset=OrgUnit.objects.none())
    kind = forms.ChoiceField(label="Hình thức", choices=AppointmentKind.choices)
    note = forms.CharField(
        label="Ghi chú", max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["position"].queryset = _positions(leadership_only=True)
        self.fields["unit"].queryset = unit_choices_for(user=user, on=today).order_by("path")


class CheckForm(VnFormMixin, VersionMixin):
    on = forms.DateField(
        label="Kiểm tra tại ngày",
        required=False,
        input_formats=DATE_FORMATS,
        help_text="Để trống là hôm nay.",
    )


class ApproveForm(VnFormMixin, VersionMixin):
    pass


class ExtendForm(VnFormMixin, VersionMixin):
    """The collective secret vote on the extension (QĐ 727/QĐ-BNV 2025: more than 50 % in favour)."""

    votes_for = forms.IntegerField(label="Số phiếu đồng ý kéo dài", min_value=0, max_value=999)
    votes_total = forms.IntegerField(
        label="Tổng số thành viên tập thể biểu quyết", min_value=1, max_value=999
    )


class DecideForm(VnFormMixin, VersionMixin):
    decision_number = forms.CharField(label="Số quyết định", max_length=60)
    decision_date = forms.DateField(label="Ngày quyết định", input_formats=DATE_FORMATS)
    signer = forms.CharField(label="Người ký", max_length=200)
    effective_date = forms.DateField(
        label="Ngày có hiệu lực",
        required=False,
        input_formats=DATE_FORMATS,
        help_text="Để trống: nhiệm kỳ tính từ ngày quyết định. Nhiệm kỳ 5 năm.",
    )


class WithdrawForm(VnFormMixin, VersionMixin):
    reason = forms.CharField(label="Lý do rút đề xuất", max_length=200, required=False)


class MovementForm(VnFormMixin, forms.Form):
    """One movement's decision; the person comes from the picker (single) or a list (batch)."""

    kind = forms.ChoiceField(label="Hình thức", choices=MovementKind.choices)
    to_unit = UnitChoiceField(
        label="Đơn vị đến",
        queryset=OrgUnit.objects.none(),
        required=False,
        help_text="Cho luân chuyển, điều động, biệt phái.",
    )
    to_position = forms.ModelChoiceField(
        label="Chức vụ mới", queryset=Position.objects.none(), required=False, help_text="Nếu có."
    )
    start_date = forms.DateField(
        label="Ngày có hiệu lực",
        required=False,
        input_formats=DATE_FORMATS,
        help_text="Nghỉ hưu: để trống là ngày nghỉ hưu theo lộ trình (NĐ 135/2020).",
    )
    end_date = forms.DateField(
        label="Đến ngày (thời hạn)",
        required=False,
        input_formats=DATE_FORMATS,
        help_text="Cho luân chuyển (ít nhất 36 tháng) và biệt phái.",
    )
    decision_number = forms.CharField(label="Số quyết định", max_length=60)
    decision_date = forms.DateField(label="Ngày quyết định", input_formats=DATE_FORMATS)
    reason = forms.CharField(label="Lý do, ghi chú", max_length=300, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].queryset = unit_choices_for(user=user).order_by("path")
        self.fields["to_position"].queryset = _positions(leadership_only=False)

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class MovementSingleForm(MovementForm):
    person = forms.UUIDField(
        label="Người",
        widget=forms.HiddenInput,
        error_messages={"required": "Hãy tìm và chọn một người.", "invalid": "Hãy tìm và chọn một người."},
    )

    def service_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "person"}


class MovementBatchForm(MovementForm):
    persons = forms.CharField(
        label="Danh sách người (mã hồ sơ hoặc số định danh, mỗi dòng một người)",
        widget=forms.Textarea(attrs={"rows": 8, "cols": 40}),
        max_length=20000,
    )

    def clean_persons(self):
        lines = [line.strip() for line in self.cleaned_data["persons"].splitlines()]
        keys = [line.split()[0] for line in lines if line]
        if not keys:
            raise forms.ValidationError("Hãy nhập ít nhất một mã hồ sơ hoặc số định danh.")
        return keys

    def service_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "persons"}


class MovementFilterForm(VnFormMixin, forms.Form):
    q = forms.CharField(label="Tìm theo tên", required=False, max_length=100)
    kind = forms.ChoiceField(label="Hình thức", choices=ALL + MovementKind.choices, required=False)
    direction = forms.ChoiceField(label="Hướng", choices=ALL + Direction.choices, required=False)
    unit = forms.CharField(label="Mã đơn vị", required=False, max_length=40)
    date_from = forms.DateField(label="Từ ngày", required=False, input_formats=DATE_FORMATS)
    date_to = forms.DateField(label="Đến ngày", required=False, input_formats=DATE_FORMATS)

    def __init__(self, data=None, *args, user, **kwargs):
        if data is not None and ("from" in data or "to" in data):  # the report's links use from/to
            data = data.copy()
            data.setdefault("date_from", data.get("from", ""))
            data.setdefault("date_to", data.get("to", ""))
        super().__init__(data, *args, **kwargs)
        self.user = user

    clean_unit = AppointmentFilterForm.clean_unit
