"""Forms of the standards pages. They parse and show errors; services and selectors do the work."""

from django import forms
from django.utils import timezone

from canbo.accounts.scoping import editable_units, visible_units
from canbo.org.forms import UnitChoiceField, VnFormMixin
from canbo.org.models import OrgUnit
from canbo.people.choices import PersonnelCategory
from canbo.people.models import Position

from .engine import FIRST, HIGHER, REAPPOINT
from .gaps import MODES, REVIEW
from .selectors import positions_with_standards

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
KINDS = [
    ("", "Tất cả tiêu chí"),
    (FIRST, "Bổ nhiệm lần đầu"),
    (HIGHER, "Bổ nhiệm chức vụ cao hơn"),
    (REAPPOINT, "Bổ nhiệm lại"),
]


class PositionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class StandardFilterForm(VnFormMixin, forms.Form):
    on = forms.DateField(label="Có hiệu lực tại ngày", required=False, input_formats=DATE_FORMATS)


class CheckForm(VnFormMixin, forms.Form):
    """A person (chosen by uuid, or found by name / personal ID / code), a post, a date, the kind."""

    q = forms.CharField(label="Tìm cán bộ (họ tên, số định danh, mã hồ sơ)", max_length=100, required=False)
    person = forms.UUIDField(widget=forms.HiddenInput, required=False)
    position = PositionChoiceField(label="Chức vụ", queryset=Position.objects.none())
    on = forms.DateField(label="Tại ngày", required=False, input_formats=DATE_FORMATS)
    kind = forms.ChoiceField(label="Hình thức", choices=KINDS, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].queryset = positions_with_standards()
        self.fields["position"].to_field_name = "code"

    def clean(self):
        data = super().clean()
        if not data.get("person") and not data.get("q"):
            self.add_error("q", "Nhập họ tên, số định danh hoặc mã hồ sơ của cán bộ cần kiểm tra.")
        data["on"] = data.get("on") or timezone.localdate()
        return data


class GapForm(VnFormMixin, forms.Form):
    unit = UnitChoiceField(label="Đơn vị (gồm các đơn vị trực thuộc)", queryset=OrgUnit.objects.none())
    position = PositionChoiceField(
        label="Chức vụ",
        queryset=Position.objects.none(),
        required=False,
        empty_label="— Mọi chức vụ đang giữ —",
    )
    mode = forms.ChoiceField(label="Đối chiếu", choices=list(MODES.items()), required=False)
    on = forms.DateField(label="Tại ngày", required=False, input_formats=DATE_FORMATS)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = visible_units(user).order_by("path")
        self.fields["position"].queryset = positions_with_standards()
        self.fields["position"].to_field_name = "code"
        self.fields["position"].empty_label = "— Mọi chức vụ đang giữ —"

    def clean(self):
        data = super().clean()
        data["mode"] = data.get("mode") or REVIEW
        data["on"] = data.get("on") or timezone.localdate()
        if data["mode"] != REVIEW and not data.get("position"):
            self.add_error("position", "Chọn chức vụ để đối chiếu tất cả cán bộ trong đơn vị.")
        return data


class CampaignForm(VnFormMixin, forms.Form):
    name = forms.CharField(label="Tên đợt rà soát", max_length=300)
    unit = UnitChoiceField(
        label="Phạm vi rà soát (đơn vị và các đơn vị trực thuộc)", queryset=OrgUnit.objects.none()
    )
    positions = forms.ModelMultipleChoiceField(
        label="Chức vụ rà soát",
        queryset=Position.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    categories = forms.MultipleChoiceField(
        label="Phân loại rà soát",
        choices=PersonnelCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Những người thuộc phân loại này được rà soát theo tiêu chuẩn chức vụ đang giữ.",
    )
    review_date = forms.DateField(label="Ngày rà soát", input_formats=DATE_FORMATS)
    deadline = forms.DateField(label="Hạn khắc phục", input_formats=DATE_FORMATS)
    responsible_unit = UnitChoiceField(
        label="Đơn vị chịu trách nhiệm", queryset=OrgUnit.objects.none(), required=False
    )
    legal_basis = forms.CharField(label="Căn cứ", max_length=300, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = editable_units(user).order_by("path")
        self.fields["unit"].queryset = units
        self.fields["responsible_unit"].queryset = units
        self.fields["positions"].queryset = positions_with_standards()

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class RecheckForm(VnFormMixin, forms.Form):
    on = forms.DateField(label="Kiểm tra lại tại ngày", required=False, input_formats=DATE_FORMATS)


class FindingFilterForm(VnFormMixin, forms.Form):
    open = forms.BooleanField(label="Chỉ những người còn chưa đạt", required=False)
