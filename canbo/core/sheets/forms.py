from django import forms


class UploadForm(forms.Form):
    """An .xlsx upload with its "check only" box: the register's import, a class's results file."""

    file = forms.FileField(
        label="Tệp Excel (.xlsx)",
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
        error_messages={"required": "Hãy chọn tệp .xlsx cần nhập.", "empty": "Tệp rỗng."},
    )
    dry_run = forms.BooleanField(label="Chỉ kiểm tra, không ghi dữ liệu", required=False)
