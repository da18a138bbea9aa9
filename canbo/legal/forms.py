"""Forms of the "Căn cứ pháp lý" page: shape only; canbo.core.rulebook decides."""

import json

from django import forms

from .present import from_editable

DATE_FORMATS = ["%d/%m/%Y"]


class OnDateForm(forms.Form):
    on = forms.DateField(label="Quy định có hiệu lực vào ngày (dd/mm/yyyy)", input_formats=DATE_FORMATS)


class CorrectionForm(forms.Form):
    valid_from = forms.DateField(label="Hiệu lực từ ngày (dd/mm/yyyy)", input_formats=DATE_FORMATS)
    value = forms.CharField(
        label="Giá trị mới",
        help_text=(
            "Sửa trên giá trị hiện hành, giữ nguyên cách viết: tên mục và chữ trong ngoặc kép, "
            "mỗi mục “tên”: giá trị, các mục cách nhau bởi dấu phẩy, danh sách trong [ ], số viết không có "
            "dấu chấm ngăn cách (0.25 là 25 %)."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
    )
    legal_basis = forms.CharField(label="Căn cứ pháp lý của phiên bản mới", max_length=300)

    def __init__(self, *args, like=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.like = like  # the current value: the edited one is read back in its shape and names

    def clean_value(self):
        try:
            edited = json.loads(self.cleaned_data["value"])
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(
                f"Giá trị viết chưa đúng cách ở dòng {exc.lineno}, cột {exc.colno}: kiểm tra dấu ngoặc kép, "
                "dấu phẩy và dấu ngoặc."
            ) from None
        try:
            return from_editable(edited, self.like)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None
