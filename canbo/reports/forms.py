"""The parameters form every report shares: org unit (in the user's scope), the dates, the report's options.

Dates by `Report.period_kind`: a snapshot takes `on` (or two snapshots `from`/`to` when `period_allowed`);
an interval takes `from`/`to` ("Từ ngày"/"Đến ngày", both included, 01/01 of this year → today when left
empty); an undated report takes none. A date a report does not use is ignored if it is `on` (the page sends
today's date by default), refused if it is `from`/`to`.
"""

import copy
from datetime import date

from django import forms
from django.utils import timezone

from canbo.accounts.scoping import unit_model, visible_units
from canbo.core.forms import unit_by_code

from .params import INTERVAL, SNAPSHOT, UNDATED, ReportParams
from .picker import UnitSearchPicker

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
        max_length=300,
        help_text="Gõ tên hoặc mã để chọn; tính cả các đơn vị trực thuộc. Để trống: mọi đơn vị được xem.",
        widget=UnitSearchPicker(),
    )
    on = date_field("Tính đến ngày", "Ngày chốt số liệu; để trống là hôm nay.")

    def __init__(self, data=None, *, report, user):
        if data is not None:
            defaults = {k: v for k, v in report.default_options(user=user).items() if not data.get(k)}
            if defaults:
                data = data.copy()
                for key, value in defaults.items():
                    data[key] = value
        super().__init__(data)
        self.report = report
        self.user = user
        self.org_not_found = False
        self.period_kind = report.period_kind
        if self.period_kind != SNAPSHOT:
            del self.fields["on"]
        if self.period_kind == INTERVAL:
            self.fields["from"] = date_field("Từ ngày", "Ngày đầu của khoảng; để trống là 01/01 năm nay.")
            self.fields["to"] = date_field(
                "Đến ngày", "Ngày cuối của khoảng (tính cả ngày này); để trống là hôm nay."
            )
        elif report.period_allowed:
            self.fields["from"] = date_field(
                "So sánh từ ngày", "Ngày thứ nhất (D1) khi so sánh hai thời điểm."
            )
            self.fields["to"] = date_field("Đến ngày", "Ngày thứ hai (D2) khi so sánh hai thời điểm.")
        for name, field in report.option_fields.items():
            self.fields[name] = copy.deepcopy(field)

    def clean_org(self):
        # "Sở Nội vụ — DB-SNV" (chosen in the list) or the bare code (typed, the API and the command line)
        units = unit_model().objects.all() if self.user is None else visible_units(self.user)
        try:
            return unit_by_code(units, self.cleaned_data.get("org"))
        except forms.ValidationError:
            self.org_not_found = True
            raise

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
        if self.period_kind == INTERVAL:
            return self._clean_interval(data)
        if self.period_kind == UNDATED or not self.report.period_allowed:
            if any(self.data.get(k) for k in ("from", "to")):
                if self.period_kind == UNDATED:
                    message = "Báo cáo “%(title)s” không tính theo ngày: không dùng from/to."
                else:
                    message = (
                        "Báo cáo “%(title)s” chỉ tính tại một ngày: dùng tham số on, không dùng from/to."
                    )
                raise forms.ValidationError(message, params={"title": self.report.title})
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

    def _clean_interval(self, data):
        """Both ends included; `from` left empty is 01/01 of the year of `to`, `to` left empty is today."""
        if "from" in self.errors or "to" in self.errors:
            return data
        end = data.get("to") or timezone.localdate()
        start = data.get("from") or date(end.year, 1, 1)
        if start > end:
            self.add_error("to", "Ngày cuối (đến ngày) không được trước ngày đầu (từ ngày).")
        data["from"], data["to"] = start, end
        return data

    def params(self) -> ReportParams:
        data = self.cleaned_data
        # An option left empty takes its field's initial value (e.g. a report's default grouping), if any.
        options = {
            name: data.get(name) or self.fields[name].initial or "" for name in self.report.option_fields
        }
        if self.period_kind == INTERVAL:
            return ReportParams(
                org=data["org"], date_from=data["from"], date_to=data["to"], options=options, interval=True
            )
        if self.period_kind == UNDATED:
            return ReportParams(org=data["org"], on=timezone.localdate(), options=options)
        if data.get("from"):
            return ReportParams(org=data["org"], date_from=data["from"], date_to=data["to"], options=options)
        return ReportParams(org=data["org"], on=data.get("on") or timezone.localdate(), options=options)
