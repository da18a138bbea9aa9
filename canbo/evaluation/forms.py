"""Forms of the rating pages: shape only (the services check the rules and give the Vietnamese reasons)."""

from django import forms

from canbo.org.models import OrgUnit

from .models import RatingLevel

LEVEL_CHOICES = [("", "— Chọn mức —"), *RatingLevel.choices]
DATE_INPUT = ["%d/%m/%Y", "%Y-%m-%d"]


def _score(maximum: int, label: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=0,
        max_value=maximum,
        max_digits=4,
        decimal_places=2,
        localize=True,
        help_text=f"0–{maximum} điểm; để trống nếu đơn vị không chấm điểm.",
        error_messages={
            "invalid": "Điểm phải là một số, ví dụ 25,5.",
            "min_value": f"Điểm từ 0 đến {maximum}.",
            "max_value": f"Điểm từ 0 đến {maximum}.",
        },
    )


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)


class CampaignForm(forms.Form):
    year = forms.IntegerField(
        label="Năm đánh giá", min_value=2000, max_value=2100, error_messages={"required": "Cần năm đánh giá."}
    )
    unit = forms.ModelChoiceField(
        label="Đơn vị (gồm các đơn vị trực thuộc)",
        queryset=OrgUnit.objects.none(),
        error_messages={"required": "Hãy chọn đơn vị.", "invalid_choice": "Đơn vị không hợp lệ."},
    )
    deadline = forms.DateField(
        label="Hạn hoàn thành",
        input_formats=DATE_INPUT,
        help_text="dd/mm/yyyy, chậm nhất 15/12 của năm đánh giá.",
        error_messages={"required": "Cần hạn hoàn thành.", "invalid": "Ngày theo dạng dd/mm/yyyy."},
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else OrgUnit.objects.none()


class SelfAssessForm(VersionForm):
    level = forms.ChoiceField(label="Tự xếp loại", choices=LEVEL_CHOICES)
    text = forms.CharField(
        label="Tự nhận xét",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text="Ưu điểm, hạn chế, kết quả thực hiện nhiệm vụ trong năm.",
    )


class ProposeForm(VersionForm):
    level = forms.ChoiceField(label="Mức đề xuất", choices=LEVEL_CHOICES)
    general = _score(30, "Điểm tiêu chí chung")
    tasks = _score(70, "Điểm kết quả thực hiện nhiệm vụ")
    note = forms.CharField(
        label="Nhận xét của người quản lý",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecideForm(VersionForm):
    level = forms.ChoiceField(label="Kết quả xếp loại", choices=LEVEL_CHOICES)
    general = _score(30, "Điểm tiêu chí chung")
    tasks = _score(70, "Điểm kết quả thực hiện nhiệm vụ")
    decision_number = forms.CharField(label="Số quyết định", max_length=60)
    decided_on = forms.DateField(
        label="Ngày quyết định",
        input_formats=DATE_INPUT,
        error_messages={"invalid": "Ngày theo dạng dd/mm/yyyy."},
    )


class FactsForm(VersionForm):
    months_worked = forms.IntegerField(label="Số tháng công tác trong năm", min_value=0, max_value=12)
    leave_months = forms.IntegerField(label="Số tháng nghỉ (ốm, việc riêng…)", min_value=0, max_value=12)
    maternity = forms.BooleanField(label="Nghỉ thai sản trong năm", required=False)


ACTIONS = {
    "self-assess": (SelfAssessForm, "Tự đánh giá"),
    "facts": (FactsForm, "Thời gian công tác, nghỉ"),
    "propose": (ProposeForm, "Ghi đề xuất của người quản lý"),
    "decide": (DecideForm, "Ghi kết quả xếp loại"),
}
