from django import forms


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Tệp Excel (.xlsx)",
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
        error_messages={"required": "Hãy chọn tệp .xlsx cần nhập.", "empty": "Tệp rỗng."},
    )
    dry_run = forms.BooleanField(label="Chỉ kiểm tra, không ghi dữ liệu", required=False)
