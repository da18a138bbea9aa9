"""Forms of the salary pages: shape only (the services check the rules)."""

from django import forms

from canbo.org.models import OrgUnit

from .models import AllowanceKind, ChangeKind, EarlyRaiseReason, SalaryScale

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def _date(label, required=True):
    return forms.DateField(label=label, required=required, input_formats=DATE_FORMATS)


class MonthField(forms.DateField):
    """A month typed mm/yyyy (or a date): its first day."""

    def __init__(self, **kwargs):
        super().__init__(input_formats=["%m/%Y", "%d/%m/%Y", "%Y-%m-%d", "%Y-%m"], **kwargs)
        self.error_messages["invalid"] = "Tháng không hợp lệ: nhập theo dạng mm/yyyy, ví dụ 01/2027."

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if day else day


class DueFilterForm(forms.Form):
    month = MonthField(label="Tháng đến hạn (mm/yyyy)", required=False)
    unit = forms.ModelChoiceField(
        label="Đơn vị", required=False, queryset=OrgUnit.objects.none(), to_field_name="code",
        error_messages={"invalid_choice": "Đơn vị không có hoặc ngoài phạm vi của anh/chị."},
    )  # fmt: skip
    kind = forms.ChoiceField(
        label="Loại nâng lương",
        required=False,
        choices=[("", "Nâng bậc và vượt khung"), ("THUONG_XUYEN", "Nâng bậc lương thường xuyên"),
                 ("VUOT_KHUNG", "Phụ cấp thâm niên vượt khung")],
        error_messages={"invalid_choice": "Loại nâng lương không hợp lệ."},
    )  # fmt: skip
    overdue = forms.BooleanField(label="Gồm cả người đã quá hạn chưa được nâng", required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class BatchRaiseForm(forms.Form):
    decision_number = forms.CharField(label="Số quyết định", max_length=60)
    decision_date = _date("Ngày quyết định", required=False)


class RecordForm(forms.Form):
    kind = forms.ChoiceField(label="Hình thức", choices=ChangeKind.choices)
    effective_on = _date("Ngày hưởng")
    counted_from = _date("Thời điểm tính nâng bậc lần sau (để trống: bằng ngày hưởng)", required=False)
    scale = forms.ModelChoiceField(
        label="Nhóm, loại lương", queryset=SalaryScale.objects.all(), to_field_name="code"
    )
    step = forms.IntegerField(label="Bậc", min_value=1, max_value=16)
    seniority_percent = forms.IntegerField(label="Phụ cấp thâm niên vượt khung (%)", min_value=0, max_value=100,
                                           required=False)  # fmt: skip
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)
    decision_date = _date("Ngày quyết định", required=False)
    note = forms.CharField(label="Ghi chú", max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in AllowanceKind.choices:
            self.fields[f"allowance_{kind}"] = forms.DecimalField(
                label=f"{label} (hệ số)",
                required=False,
                min_value=0,
                max_digits=4,
                decimal_places=2,
                localize=True,
            )

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        allowances = [
            {"kind": kind, "coefficient": data.pop(f"allowance_{kind}")}
            for kind in AllowanceKind.values
            if data.get(f"allowance_{kind}")
        ]
        for kind in AllowanceKind.values:
            data.pop(f"allowance_{kind}", None)
        data["seniority_percent"] = data.get("seniority_percent") or 0
        return {**data, "allowances": allowances}


class EarlyRaiseForm(forms.Form):
    reason = forms.ModelChoiceField(label="Lý do", queryset=EarlyRaiseReason.objects.all())
    months = forms.IntegerField(label="Số tháng nâng trước thời hạn", min_value=1, max_value=12)
    effective_on = _date("Ngày hưởng")
    decision_number = forms.CharField(label="Số quyết định", max_length=60)
    decision_date = _date("Ngày quyết định", required=False)
    note = forms.CharField(label="Thành tích (ghi chú)", max_length=300, required=False)


class LeaveForm(forms.Form):
    start_date = _date("Nghỉ không hưởng lương từ ngày")
    end_date = _date("Đến ngày")
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)
    note = forms.CharField(label="Ghi chú", max_length=300, required=False)
