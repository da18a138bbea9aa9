"""Forms of the dossier pages: they only shape the input; the services validate and write."""

from django import forms

from .models import FamilyMember, PersonalHistory
from .services import FAMILY_FIELDS, HISTORY_FIELDS


class FamilyMemberForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = forms.fields_for_model(FamilyMember, fields=FAMILY_FIELDS)
        fields["birth_year"].widget.attrs.update(min=1880, max=2100)
        fields["order"].help_text = "Thứ tự trong bảng của mẫu in (nhỏ đứng trước)."
        self.fields = {**fields, "version": self.fields["version"]}

    def service_data(self) -> dict:
        return {f: self.cleaned_data[f] for f in FAMILY_FIELDS}


class PersonalHistoryForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = forms.fields_for_model(PersonalHistory, fields=HISTORY_FIELDS)
        for field in fields.values():
            field.widget.attrs["rows"] = 3
        self.fields = {**fields, "version": self.fields["version"]}

    def service_data(self) -> dict:
        return {f: self.cleaned_data[f] for f in HISTORY_FIELDS}


class PhotoForm(forms.Form):
    image = forms.FileField(
        label="Ảnh 4 × 6 (JPEG hoặc PNG, tối đa 2 MB)",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
