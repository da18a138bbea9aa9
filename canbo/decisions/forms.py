from django import forms


class TemplateUploadForm(forms.Form):
    file = forms.FileField(
        label="Tệp mẫu (.docx)",
        error_messages={"required": "Hãy chọn tệp mẫu .docx.", "empty": "Tệp tải lên rỗng."},
    )
    note = forms.CharField(label="Ghi chú (lý do thay)", max_length=300, required=False)
