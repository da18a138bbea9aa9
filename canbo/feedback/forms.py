"""Forms of the feedback pages: shape only (the services check the rules)."""

from django import forms

from canbo.discipline.forms import FORM_CHOICES

from .models import Channel, Conclusion, FeedbackStatus

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def _date(label, required=True):
    return forms.DateField(label=label, required=required, input_formats=DATE_FORMATS)


class FeedbackFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Trạng thái", required=False, choices=[("", "Tất cả")] + FeedbackStatus.choices
    )
    channel = forms.ChoiceField(label="Nguồn", required=False, choices=[("", "Tất cả")] + Channel.choices)
    overdue = forms.BooleanField(label="Chỉ phản ánh quá hạn", required=False)


class FeedbackReceiveForm(forms.Form):
    channel = forms.ChoiceField(label="Nguồn tiếp nhận", choices=Channel.choices)
    received_on = _date("Ngày tiếp nhận")
    sender = forms.CharField(label="Người, tổ chức phản ánh", required=False, max_length=200)
    subject_person = forms.CharField(label="Mã hồ sơ cán bộ bị phản ánh", required=False, max_length=20)
    unit = forms.CharField(label="Mã đơn vị (để trống: đơn vị của cán bộ)", required=False, max_length=30)
    content = forms.CharField(label="Nội dung phản ánh", widget=forms.Textarea, max_length=5000)
    deadline = _date("Hạn xử lý (để trống: 15 ngày làm việc)", required=False)


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class AssignForm(VersionForm):
    handler = forms.CharField(label="Tên đăng nhập người xử lý", max_length=150)


class VerifyForm(VersionForm):
    notes = forms.CharField(label="Kết quả xác minh", widget=forms.Textarea, max_length=5000)


class CloseForm(VersionForm):
    conclusion = forms.ChoiceField(label="Kết luận", choices=Conclusion.choices)
    closed_on = _date("Ngày kết luận")


class OpenCaseForm(VersionForm):
    opened_on = _date("Ngày thụ lý")
    description = forms.CharField(label="Hành vi vi phạm", max_length=500)
    committed_on = _date("Ngày vi phạm")
    form = forms.ChoiceField(label="Hình thức cho hành vi", choices=FORM_CHOICES)


ACTION_FORMS = {"giao": AssignForm, "xac-minh": VerifyForm, "ket-luan": CloseForm, "ky-luat": OpenCaseForm}
