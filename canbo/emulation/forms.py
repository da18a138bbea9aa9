"""Forms of the emulation pages: the unit by code, the person with the shared picker (within the user's units)."""

from django import forms

from canbo.accounts.scoping import editable_units, visible_units
from canbo.people.picker import PersonPickerField, PersonPickerMixin

from .choices import AwardForm, RecipientKind
from .models import EmulationMovement

DATE = {
    "input_formats": ["%d/%m/%Y", "%Y-%m-%d"],
    "widget": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
}


class RecipientForm(PersonPickerMixin, forms.Form):
    kind = forms.ChoiceField(label="Đối tượng", choices=RecipientKind.choices)
    unit = forms.CharField(label="Mã đơn vị (tập thể)", required=False)
    person = PersonPickerField(label="Cá nhân", required=False)
    year = forms.IntegerField(label="Năm", min_value=1945, max_value=2100)

    def clean_unit(self):
        code = (self.cleaned_data.get("unit") or "").strip()
        if not code:
            return None
        unit = editable_units(self.user).filter(code=code).first()
        if unit is None:
            raise forms.ValidationError("Không có đơn vị mã này trong phạm vi anh/chị quản lý.")
        return unit


class RegistrationForm(RecipientForm):
    movement = forms.ModelChoiceField(label="Phong trào", queryset=EmulationMovement.objects.all())
    note = forms.CharField(label="Nội dung đăng ký", required=False, max_length=300)


class AwardRecordForm(RecipientForm):
    form = forms.ChoiceField(label="Danh hiệu, hình thức", choices=AwardForm.choices)
    decision_number = forms.CharField(label="Số quyết định", max_length=60)
    decision_date = forms.DateField(label="Ngày quyết định", **DATE)
    issuing_body = forms.CharField(label="Cấp khen", max_length=200)
    movement = forms.ModelChoiceField(
        label="Phong trào", queryset=EmulationMovement.objects.all(), required=False
    )


class MovementForm(forms.Form):
    code = forms.CharField(label="Mã phong trào", max_length=30)
    name = forms.CharField(label="Tên phong trào", max_length=300)
    start_year = forms.IntegerField(label="Từ năm", min_value=1945, max_value=2100)
    end_year = forms.IntegerField(
        label="Đến năm (để trống nếu chưa kết thúc)", min_value=1945, max_value=2100, required=False
    )
    launched_by = forms.CharField(label="Cơ quan phát động", max_length=200, required=False)


class RevokeForm(forms.Form):
    on = forms.DateField(label="Ngày hủy", **DATE)
    decision_number = forms.CharField(label="Số quyết định hủy", max_length=60)
    reason = forms.CharField(label="Lý do hủy", max_length=300)
    version = forms.IntegerField(widget=forms.HiddenInput)


class ListFilterForm(forms.Form):
    """The filter bar of the registrations and awards (shown on the page; `list_filters` parses the values)."""

    year = forms.IntegerField(label="Năm", required=False, min_value=1945, max_value=2100)
    kind = forms.ChoiceField(
        label="Đối tượng", required=False, choices=[("", "— Tất cả —"), *RecipientKind.choices]
    )
    form = forms.ChoiceField(
        label="Danh hiệu, hình thức", required=False, choices=[("", "— Tất cả —"), *AwardForm.choices]
    )
    unit = forms.CharField(label="Mã đơn vị (cả đơn vị trực thuộc)", required=False, max_length=40)


def list_filters(*, user, query) -> tuple[dict, list[str]]:
    """The registrations' and awards' filters (`year`, `kind`, `form`, `unit` by code among the user's units)
    and the Vietnamese messages for values that were left out (the pages ignore them, the exports refuse
    them)."""
    errors = []
    year, kind, form = query.get("year") or "", query.get("kind") or "", query.get("form") or ""
    if year and not year.isdigit():
        errors.append(f"Năm “{year}” không hợp lệ.")
    if kind and kind not in RecipientKind.values:
        errors.append(f"Đối tượng “{kind}” không hợp lệ.")
    if form and form not in AwardForm.values:
        errors.append(f"Danh hiệu, hình thức “{form}” không hợp lệ.")
    out = {
        "year": year if year.isdigit() else None,
        "kind": kind if kind in RecipientKind.values else None,
        "form": form if form in AwardForm.values else None,
    }
    code = query.get("unit")
    if code:
        out["unit"] = visible_units(user).filter(code=code).first()
        if out["unit"] is None:
            errors.append(f"Không tìm thấy đơn vị “{code}” trong phạm vi được xem.")
    return out, errors
