"""The person-list filters, parsed once for every door (HTML list, Excel export, API, reports)."""

from django import forms

from canbo.accounts.scoping import visible_units
from canbo.core.forms import UnitCodeMixin
from canbo.org.models import AdminLevel

from .choices import (
    ALL_LEVEL_CHOICES,
    ETHNICITY_CHOICES,
    Gender,
    PersonnelCategory,
    PersonStatus,
    QualificationScale,
)
from .selectors import AGE_BANDS, level_rank

BLANK = [("", "— Tất cả —")]
ALL_STATUSES = "ALL"


class PersonFilterForm(UnitCodeMixin, forms.Form):
    q = forms.CharField(
        label="Tìm kiếm",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": "Họ tên, số định danh, mã hồ sơ"}),
    )
    unit = forms.CharField(label="Đơn vị (cả đơn vị trực thuộc)", required=False, max_length=40)
    category = forms.ChoiceField(label="Phân loại", required=False, choices=BLANK + PersonnelCategory.choices)
    level = forms.ChoiceField(label="Cấp", required=False, choices=BLANK + AdminLevel.choices)
    gender = forms.ChoiceField(label="Giới tính", required=False, choices=BLANK + Gender.choices)
    ethnicity = forms.ChoiceField(label="Dân tộc", required=False, choices=BLANK + ETHNICITY_CHOICES)
    age_band = forms.ChoiceField(
        label="Độ tuổi", required=False, choices=BLANK + [(k, v[0]) for k, v in AGE_BANDS.items()]
    )
    qualification_scale = forms.ChoiceField(
        label="Loại trình độ", required=False, choices=BLANK + QualificationScale.choices
    )
    qualification_level = forms.ChoiceField(
        label="Từ trình độ", required=False, choices=BLANK + ALL_LEVEL_CHOICES
    )
    on = forms.DateField(
        label="Tại ngày",
        required=False,
        help_text="Để trống: hiện nay; có ngày: những người công tác tại ngày đó",
    )
    status = forms.ChoiceField(
        label="Tình trạng",
        required=False,
        choices=PersonStatus.choices + [(ALL_STATUSES, "— Mọi tình trạng —")],
        help_text="Mặc định: những người đang công tác (khi không chọn ngày).",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.set_units(visible_units(user))

    def clean(self):
        data = super().clean()
        scale, level = data.get("qualification_scale"), data.get("qualification_level")
        if bool(scale) != bool(level):
            raise forms.ValidationError("Hãy chọn cả loại trình độ và mức trình độ.")
        if scale and level and level_rank(scale, level) is None:
            self.add_error("qualification_level", "Mức trình độ không thuộc loại trình độ đã chọn.")
        return data

    def clean_status(self):
        """Without a date, the list is of people working today unless another status (or all) is chosen."""
        status = self.cleaned_data.get("status")
        if not status and not self.data.get("on"):
            return PersonStatus.WORKING
        return "" if status == ALL_STATUSES else status

    def filters(self) -> dict:
        """The cleaned filters for `person_list`; call after is_valid()."""
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}
