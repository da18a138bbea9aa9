"""Forms of the "Căn cứ pháp lý" page: shape only; canbo.core.rulebook decides."""

import json

from django import forms

DATE_FORMATS = ["%d/%m/%Y"]


class OnDateForm(forms.Form):
    on = forms.DateField(label="Quy định có hiệu lực vào ngày (dd/mm/yyyy)", input_formats=DATE_FORMATS)


class CorrectionForm(forms.Form):
    valid_from = forms.DateField(label="Hiệu lực từ ngày (dd/mm/yyyy)", input_formats=DATE_FORMATS)
    value = forms.CharField(
        label="Giá trị mới (JSON)", widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    legal_basis = forms.CharField(label="Căn cứ pháp lý của phiên bản mới", max_length=300)

    def clean_value(self):
        try:
            return json.loads(self.cleaned_data["value"])
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(f"Giá trị không đúng định dạng JSON ({exc.msg}).") from None
