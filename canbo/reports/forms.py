"""The parameters form every report shares: org unit (in the user's scope), `on` or `from`/`to`, options."""

import copy
from datetime import date

from django import forms
from django.utils import timezone

from canbo.accounts.scoping import visible_units
from canbo.org.models import OrgUnit

from .base import ReportParams

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"]
EARLIEST = date(1945, 9, 2)
LATEST = date(2100, 12, 31)


def date_field(label: str, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        help_text=help_text,
        error_messages={"invalid": "Ngày không hợp lệ: hãy nhập theo dạng dd/mm/yyyy (ví dụ 31/12/2019)."},
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "size": 10}),
    )


class ReportForm(forms.Form):
    org = forms.CharField(
        label="Đơn vị",
        required=False,
        max_length=40,
        help_text="Mã đơn vị; tính cả các đơn vị trực thuộc. Để trống: mọi đơn vị trong phạm vi được xem.",
        widget=forms.TextInput(attrs={"list": "report-units", "size": 14}),
    )
    on = date_field("Tính đến ngày", "Ngày chốt số liệu; để trống là hôm nay.")

    def __init__(self, data=None, *, report, user):
        super().__init__(data)
        self.report = report
        self.user = user
        self.org_not_found = False
        if report.period_allowed:
            self.fields["from"] = date_field(
                "So sánh từ ngày", "Ngày thứ nhất (D1) khi so sánh hai thời điểm."
            )
            self.fields["to"] = date_field("Đến ngày", "Ngày thứ hai (D2) khi so sánh hai thời điểm.")
        for name, field in report.option_fields.items():
            self.fields[name] = copy.deepcopy(field)

    def clean_org(self):
        code = (self.cleaned_data.get("org") or "").strip()
        if not code:
            return None
        units = OrgUnit.objects.all() if self.user is None else visible_units(self.user)
        unit = units.filter(code=code).first()
        if unit is None:
            self.org_not_found = True
            raise forms.ValidationError(
                "Không tìm thấy đơn vị “%(code)s” trong phạm vi được xem.", params={"code": code}
            )
        return unit

    def _check_date(self, name: str):
        value = self.cleaned_data.get(name)
        if value is not None and not (EARLIEST <= value <= LATEST):
            self.add_error(name, "Ngày nằm ngoài khoảng cho phép (02/09/1945 – 31/12/2100).")
            return None
        return value

    def clean(self):
        data = super().clean()
        for name in ("on", "from", "to"):
            if name in self.fields and name not in self.errors:
                data[name] = self._check_date(name)
        if not self.report.period_allowed:
            if any(self.data.get(k) for k in ("from", "to")):
                raise forms.ValidationError(
                    "Báo cáo “%(title)s” chỉ tính tại một ngày: dùng tham số on, không dùng from/to.",
                    params={"title": self.report.title},
                )
            return data
        start, end = data.get("from"), data.get("to")
        if self.errors:
            return data
        if (start is None) != (end is None):
            raise forms.ValidationError("Khi so sánh hai thời điểm, cần nhập cả ngày from và ngày to.")
        if start is not None:
            if data.get("on"):
                raise forms.ValidationError(
                    "Chỉ nhập một ngày (on) hoặc hai ngày so sánh (from, to), không nhập cả hai."
                )
            if start >= end:
                self.add_error("to", "Ngày to phải sau ngày from.")
        return data

    def params(self) -> ReportParams:
        data = self.cleaned_data
        options = {name: data.get(name) or "" for name in self.report.option_fields}
        if data.get("from"):
            return ReportParams(org=data["org"], date_from=data["from"], date_to=data["to"], options=options)
        return ReportParams(org=data["org"], on=data.get("on") or timezone.localdate(), options=options)
