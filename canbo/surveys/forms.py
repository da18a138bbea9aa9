"""Forms of the survey pages: the survey, a question, and the official's questionnaire."""

from django import forms

from .choices import CHOICE_KINDS, SCALE_MAX, SCALE_MIN, QuestionKind, SurveyPurpose
from .models import Survey

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class SurveyForm(forms.ModelForm):
    opens_on = forms.DateField(label="Mở từ ngày", input_formats=DATE_FORMATS, help_text="dd/mm/yyyy")
    closes_on = forms.DateField(label="Đóng ngày", input_formats=DATE_FORMATS, help_text="dd/mm/yyyy")
    purpose = forms.ChoiceField(label="Mục đích", choices=SurveyPurpose.choices)

    class Meta:
        model = Survey
        fields = ["title", "year", "purpose", "description", "opens_on", "closes_on"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class QuestionForm(forms.Form):
    text = forms.CharField(label="Câu hỏi", max_length=500)
    kind = forms.ChoiceField(label="Loại câu hỏi", choices=QuestionKind.choices)
    required = forms.BooleanField(label="Bắt buộc trả lời", required=False, initial=True)
    choices = forms.CharField(
        label="Phương án trả lời (mỗi dòng một phương án)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Chỉ cho câu hỏi chọn phương án; ít nhất 2.",
    )

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("choices", "").splitlines() if line.strip()]


class AnswerForm(forms.Form):
    """One field per question, named q<id>: radio buttons, check boxes, a 1–5 scale or a text area (all
    native inputs, so the form is usable with the keyboard alone)."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for q in questions:
            label = f"Câu {q.order}. {q.text}"
            if q.kind in CHOICE_KINDS:
                choices = [(str(c.pk), c.text) for c in q.choices.all()]
                if q.kind == QuestionKind.SINGLE:
                    field = forms.ChoiceField(choices=choices, widget=forms.RadioSelect)
                else:
                    field = forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple)
            elif q.kind == QuestionKind.SCALE:
                scale = [(str(s), str(s)) for s in range(SCALE_MIN, SCALE_MAX + 1)]
                field = forms.ChoiceField(
                    choices=scale,
                    widget=forms.RadioSelect,
                    help_text="1: rất không hài lòng … 5: rất hài lòng",
                )
            else:
                field = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
            field.label, field.required = label, q.required
            field.error_messages["required"] = f"Câu {q.order}: cần trả lời câu hỏi này."
            self.fields[f"q{q.pk}"] = field

    def answers(self) -> dict:
        return {str(q.pk): self.cleaned_data.get(f"q{q.pk}") for q in self.questions}
