from django import forms

from canbo.core.sheets.forms import UploadForm  # noqa: F401 - re-exported for the import's views

from .models import AliasCatalogue


class AliasForm(forms.Form):
    catalogue = forms.ChoiceField(label="Danh mục", choices=[("", "— chọn —"), *AliasCatalogue.choices])
    alias = forms.CharField(label="Cách viết khác (như trong tệp)", max_length=200)
    target = forms.CharField(
        label="Mục trong danh mục (mã hoặc tên)", max_length=200, help_text="Ví dụ: HMông, 08, 01.003"
    )
    note = forms.CharField(label="Ghi chú", max_length=300, required=False)
