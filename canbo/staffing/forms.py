"""Forms of the staffing pages: shape only; the services decide the rules."""

from django import forms
from django.utils import timezone

from canbo.accounts.scoping import visible_units
from canbo.core.forms import UnitCodeMixin
from canbo.org.forms import VnFormMixin
from canbo.people.picker import PersonPickerField, PersonPickerMixin

from .choices import CaseStatus, DownsizingPolicy, DownsizingReason, QuotaKind

ALL = [("", "— Tất cả —")]
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATE_INPUT = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")


def _date(label, required=True):
    return forms.DateField(label=label, required=required, input_formats=DATE_FORMATS, widget=DATE_INPUT)


class ScopedUnitForm(UnitCodeMixin, forms.Form):
    """A unit by its code, among the units the user may see (else a clear error, not a leak)."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.set_units(visible_units(user))


class QuotaFilterForm(VnFormMixin, ScopedUnitForm):
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100, required=False)
    unit = forms.CharField(label="Mã đơn vị", required=False, max_length=40)


class QuotaForm(VnFormMixin, ScopedUnitForm):
    unit = forms.CharField(label="Mã đơn vị", max_length=40)
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label="Loại biên chế", choices=QuotaKind.choices)
    approved_count = forms.IntegerField(label="Số được giao", min_value=0)
    decision_number = forms.CharField(label="Số quyết định", max_length=60)
    decision_date = _date("Ngày quyết định")
    note = forms.CharField(label="Ghi chú", max_length=255, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def clean_unit(self):
        unit = super().clean_unit()
        if unit is None:
            raise forms.ValidationError("Cần mã đơn vị.")
        return unit


class CaseFilterForm(VnFormMixin, ScopedUnitForm):
    q = forms.CharField(label="Tìm theo tên", required=False, max_length=100)
    status = forms.ChoiceField(label="Trạng thái", choices=ALL + CaseStatus.choices, required=False)
    reason = forms.ChoiceField(label="Lý do", choices=ALL + DownsizingReason.choices, required=False)
    unit = forms.CharField(label="Mã đơn vị", required=False, max_length=40)
    year = forms.IntegerField(label="Năm đề nghị", min_value=2000, max_value=2100, required=False)


def _money(label):
    return forms.DecimalField(label=label, required=False, min_value=0, max_digits=14, decimal_places=0)


class CaseProposeForm(PersonPickerMixin, VnFormMixin, forms.Form):
    person = PersonPickerField(label="Người được đề nghị (đang công tác, thuộc đơn vị anh/chị quản lý)")
    reason = forms.ChoiceField(label="Lý do tinh giản", choices=DownsizingReason.choices)
    reason_detail = forms.CharField(
        label="Căn cứ, thuyết minh", max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    policy = forms.ChoiceField(label="Chính sách", choices=DownsizingPolicy.choices)
    proposed_on = _date("Ngày đề nghị", required=False)
    is_pregnant = forms.BooleanField(label="Đang mang thai, nghỉ thai sản", required=False)
    youngest_child_birth = _date("Ngày sinh con nhỏ nhất (nếu nuôi con nhỏ)", required=False)
    is_voluntary = forms.BooleanField(label="Cá nhân tự nguyện tinh giản biên chế", required=False)
    under_prosecution = forms.BooleanField(
        label="Đang bị xem xét truy cứu trách nhiệm hình sự", required=False
    )
    under_inspection = forms.BooleanField(
        label="Đang bị thanh tra, kiểm tra do có dấu hiệu vi phạm", required=False
    )

    def service_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "person"}
        data["proposed_on"] = data["proposed_on"] or timezone.localdate()
        return data


class ApproveForm(VnFormMixin, forms.Form):
    decision_number = forms.CharField(label="Số quyết định", max_length=60)
    decision_date = _date("Ngày quyết định")
    planned_exit_date = _date("Ngày nghỉ dự kiến", required=False)
    exit_date = _date("Ngày nghỉ (nếu đã nghỉ)", required=False)
    allowance_amount = _money("Số tiền trợ cấp đã nhận (đồng, nếu đã nghỉ)")
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)


class RejectForm(VnFormMixin, forms.Form):
    reason = forms.CharField(label="Lý do không phê duyệt", max_length=500)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)


class ExitForm(VnFormMixin, forms.Form):
    exit_date = _date("Ngày nghỉ")
    allowance_amount = _money("Số tiền trợ cấp đã nhận (đồng)")
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)


class RehireFilterForm(VnFormMixin, forms.Form):
    q = forms.CharField(label="Tìm theo tên", required=False, max_length=100)
    repaid = forms.ChoiceField(
        label="Hoàn trả",
        required=False,
        choices=ALL + [("no", "Chưa hoàn trả"), ("yes", "Đã hoàn trả")],
    )


class RepaymentForm(VnFormMixin, forms.Form):
    repaid_on = _date("Ngày hoàn trả")
    repaid_amount = forms.DecimalField(
        label="Số tiền đã hoàn trả (đồng)", min_value=1, max_digits=14, decimal_places=0
    )
    note = forms.CharField(label="Ghi chú (số chứng từ, …)", max_length=300, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
