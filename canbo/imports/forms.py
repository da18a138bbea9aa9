from django import forms

from .models import AliasCatalogue


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Tệp Excel (.xlsx)",
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
        error_messages={"required": "Hãy chọn tệp .xlsx cần nhập.", "empty": "Tệp rỗng."},
    )
    dry_run = forms.BooleanField(label="Chỉ kiểm tra, không ghi dữ liệu", required=False)


class AliasForm(forms.Form):
    catalogue = forms.ChoiceField(label="Danh mục", choices=[("", "— chọn —"), *AliasCatalogue.choices])
    alias = forms.CharField(label="Cách viết khác (như trong tệp)", max_length=200)
    target = forms.CharField(
        label="Mục trong danh mục (mã hoặc tên)", max_length=200, help_text="Ví dụ: HMông, 08, 01.003"
    )
    note = forms.CharField(label="Ghi chú", max_length=300, required=False)
