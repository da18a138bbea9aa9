"""Forms of the dossier pages: they only shape the input; the services validate and write."""

from django import forms

from .models import DossierDocument, FamilyMember, PersonalHistory
from .services import DOCUMENT_FIELDS, FAMILY_FIELDS, HISTORY_FIELDS


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


class DocumentForm(forms.Form):
    """A scanned component of the e-dossier: its kind, number, date, issuer and the file (the service checks the
    file's real type and size)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = forms.fields_for_model(DossierDocument, fields=DOCUMENT_FIELDS)
        fields["issued_on"].widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        self.fields = {
            **fields,
            "file": forms.FileField(
                label="Tệp quét (PDF, JPEG hoặc PNG, tối đa 10 MB)",
                widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
            ),
        }

    def service_data(self) -> dict:
        return {f: self.cleaned_data[f] for f in DOCUMENT_FIELDS}
