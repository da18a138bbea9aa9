"""Forms of the discipline pages: shape only (the services check the rules)."""

from django import forms

from canbo.people.picker import PersonPickerField, PersonPickerMixin

from .models import CaseStatus, DeferralReason, DisciplineForm

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
ACT_ROWS = 3
FORM_CHOICES = [("", "—")] + DisciplineForm.choices


def _date(label, required=True):
    return forms.DateField(label=label, required=required, input_formats=DATE_FORMATS)


class CaseFilterForm(forms.Form):
    q = forms.CharField(label="Họ tên, mã hồ sơ", required=False, max_length=100)
    status = forms.ChoiceField(
        label="Trạng thái", required=False, choices=[("", "Tất cả")] + CaseStatus.choices
    )


class CaseOpenForm(PersonPickerMixin, forms.Form):
    person = PersonPickerField(label="Người bị xem xét kỷ luật (đang công tác, thuộc đơn vị anh/chị quản lý)")
    opened_on = _date("Ngày thụ lý")
    duty_related = forms.BooleanField(
        label="Vi phạm liên quan đến thực thi nhiệm vụ, công vụ",
        required=False,
        initial=True,
        help_text="Kỷ luật vì vi phạm khi thực thi nhiệm vụ, công vụ: năm đó xếp loại “Không hoàn thành nhiệm vụ”.",
    )
    note = forms.CharField(label="Ghi chú", required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, ACT_ROWS + 1):
            required = n == 1
            self.fields[f"act{n}_description"] = forms.CharField(
                label=f"Hành vi {n}", required=required, max_length=500
            )
            self.fields[f"act{n}_committed_on"] = _date(f"Ngày vi phạm {n}", required)
            self.fields[f"act{n}_form"] = forms.ChoiceField(
                label=f"Hình thức cho hành vi {n}", required=required, choices=FORM_CHOICES
            )

    def acts(self) -> list[dict]:
        data, acts = self.cleaned_data, []
        for n in range(1, ACT_ROWS + 1):
            if data.get(f"act{n}_description"):
                acts.append(
                    {
                        "description": data[f"act{n}_description"],
                        "committed_on": data.get(f"act{n}_committed_on"),
                        "form": data.get(f"act{n}_form"),
                    }
                )
        return acts


class ReviewForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    proposed_form = forms.ChoiceField(label="Hình thức đề nghị", choices=FORM_CHOICES)


class DeferForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.ChoiceField(label="Lý do tạm hoãn", choices=DeferralReason.choices)
    until = _date("Tạm hoãn đến ngày", required=False)
    child_born_on = _date("Ngày sinh của con (nuôi con dưới 12 tháng)", required=False)


class ResumeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class DecideForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision_number = forms.CharField(label="Số quyết định", max_length=60)
    decided_on = _date("Ngày quyết định")
    authority = forms.CharField(label="Cơ quan quyết định", required=False, max_length=200)
    effective_until = _date("Hết hiệu lực ngày (để trống: theo quy định)", required=False)


ACTION_FORMS = {
    "de-nghi": ReviewForm,
    "tam-hoan": DeferForm,
    "tiep-tuc": ResumeForm,
    "quyet-dinh": DecideForm,
}
