"""Forms of the rating pages: shape only (the services check the rules and give the Vietnamese reasons)."""

from django import forms

from canbo.org.models import OrgUnit

from .models import DeliverablePeriod, RatingLevel

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
    degradation = forms.BooleanField(
        label="Có kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống",
        required=False,
        help_text="Khi có: xếp loại “Không hoàn thành nhiệm vụ” (NĐ 335/2025).",
    )
    degradation_note = forms.CharField(
        label="Căn cứ kết luận suy thoái",
        required=False,
        max_length=500,
        help_text="Văn bản, cơ quan kết luận.",
    )


class FactsForm(VersionForm):
    months_worked = forms.IntegerField(label="Số tháng công tác trong năm", min_value=0, max_value=12)
    leave_months = forms.IntegerField(label="Số tháng nghỉ (ốm, việc riêng…)", min_value=0, max_value=12)
    maternity = forms.BooleanField(label="Nghỉ thai sản trong năm", required=False)
    duty_group = forms.CharField(
        label="Nhóm công chức có nhiệm vụ tương đồng (NĐ 335/2025)",
        required=False,
        max_length=100,
        help_text="Tỷ lệ “Hoàn thành xuất sắc” tối đa 20 % số “Hoàn thành tốt” trong đơn vị và trong từng nhóm.",
    )
    unit_corruption_note = forms.CharField(
        label="Đơn vị do người lãnh đạo phụ trách để xảy ra tham ô, tham nhũng, lãng phí (căn cứ)",
        required=False,
        max_length=500,
        help_text="Chỉ với người lãnh đạo, quản lý: xếp loại “Không hoàn thành nhiệm vụ”.",
    )
    unit_results_percent = forms.IntegerField(
        label="Kết quả hoạt động của đơn vị (%, lãnh đạo)", required=False, min_value=0, max_value=100
    )
    organisation_percent = forms.IntegerField(
        label="Năng lực tổ chức thực hiện nhiệm vụ (%, lãnh đạo)", required=False, min_value=0, max_value=100
    )


class DeliverableForm(VersionForm):
    """One monthly or quarterly deliverable (the version is the sheet's)."""

    period_kind = forms.ChoiceField(label="Kỳ", choices=DeliverablePeriod.choices)
    period = forms.IntegerField(
        label="Tháng / quý",
        min_value=1,
        max_value=12,
        error_messages={"min_value": "Tháng từ 1 đến 12, quý từ 1 đến 4.", "max_value": "Tháng từ 1 đến 12."},
    )
    title = forms.CharField(label="Sản phẩm, nhiệm vụ", max_length=300)
    weight = forms.IntegerField(
        label="Trọng số",
        min_value=1,
        max_value=100,
        initial=1,
        help_text="Các sản phẩm chia 70 điểm theo trọng số.",
    )
    quantity_percent = forms.IntegerField(
        label="Số lượng hoàn thành so với được giao (%)",
        min_value=0,
        max_value=100,
        initial=100,
        required=False,
        help_text="Để trống: 100 %.",
    )
    quality_misses = forms.IntegerField(
        label="Số lần không bảo đảm chất lượng",
        min_value=0,
        max_value=4,
        initial=0,
        help_text="Mỗi lần trừ 25 % điểm chất lượng của sản phẩm này.",
    )
    timeliness_misses = forms.IntegerField(
        label="Số lần không bảo đảm tiến độ",
        min_value=0,
        max_value=4,
        initial=0,
        help_text="Mỗi lần trừ 25 % điểm tiến độ của sản phẩm này.",
    )
    note = forms.CharField(label="Ghi chú", required=False, max_length=500)


class PartyRosterFilterForm(forms.Form):
    party_org = forms.CharField(
        label="Mã tổ chức đảng (hoặc đơn vị)",
        max_length=30,
        error_messages={"required": "Cần mã tổ chức đảng."},
    )
    year = forms.IntegerField(
        label="Năm",
        min_value=2000,
        max_value=2100,
        error_messages={"required": "Cần năm xếp loại.", "invalid": "Năm phải là một số, ví dụ 2024."},
    )


class PartyDecisionForm(forms.Form):
    decided_on = forms.DateField(
        label="Ngày xếp loại",
        input_formats=DATE_INPUT,
        help_text="dd/mm/yyyy",
        error_messages={"required": "Cần ngày xếp loại.", "invalid": "Ngày theo dạng dd/mm/yyyy."},
    )


ACTIONS = {
    "self-assess": (SelfAssessForm, "Tự đánh giá"),
    "facts": (FactsForm, "Thời gian công tác, nghỉ"),
    "propose": (ProposeForm, "Ghi đề xuất của người quản lý"),
    "decide": (DecideForm, "Ghi kết quả xếp loại"),
}
