"""Forms of the Party pages: dates dd/mm/yyyy; the person by code or personal ID, the Party organisation by code."""

from django import forms

from canbo.accounts.scoping import editable_units
from canbo.org.models import OrgSector
from canbo.people.selectors import person_editable_queryset_for

from .choices import REMOVALS, GeneralEducation

DATE = {
    "input_formats": ["%d/%m/%Y", "%Y-%m-%d"],
    "widget": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
}


def _party_org(user, code):
    unit = editable_units(user).filter(code=(code or "").strip(), sector=OrgSector.DANG).first()
    if unit is None:
        raise forms.ValidationError("Không có tổ chức đảng mã này trong phạm vi anh/chị quản lý.")
    return unit


class AdmissionForm(forms.Form):
    person = forms.CharField(label="Mã hồ sơ hoặc số định danh (nếu là cán bộ)", required=False)
    candidate_name = forms.CharField(label="Họ và tên (nếu ngoài danh sách)", required=False, max_length=120)
    candidate_national_id = forms.CharField(label="Số định danh cá nhân", required=False, max_length=12)
    birth_date = forms.DateField(label="Ngày sinh (nếu ngoài danh sách)", required=False, **DATE)
    education = forms.ChoiceField(label="Trình độ giáo dục phổ thông", choices=GeneralEducation.choices)
    party_org = forms.CharField(label="Mã tổ chức đảng")
    cell = forms.CharField(label="Chi bộ", max_length=200)
    cell_vote_date = forms.DateField(label="Ngày chi bộ biểu quyết", **DATE)
    decision_number = forms.CharField(label="Số quyết định kết nạp", max_length=60)
    decision_date = forms.DateField(label="Ngày quyết định", **DATE)
    admitted_on = forms.DateField(label="Ngày kết nạp", **DATE)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_person(self):
        key = (self.cleaned_data.get("person") or "").strip()
        if not key:
            return None
        people = person_editable_queryset_for(user=self.user).select_related("current_unit")
        person = people.filter(code=key).first() or people.filter(national_id=key).first()
        if person is None:
            raise forms.ValidationError("Không tìm thấy người này trong đơn vị anh/chị quản lý.")
        return person

    def clean_party_org(self):
        return _party_org(self.user, self.cleaned_data.get("party_org"))


class ConfirmForm(forms.Form):
    vote_date = forms.DateField(label="Ngày chi bộ xét công nhận chính thức", **DATE)
    decision_number = forms.CharField(label="Số quyết định công nhận", max_length=60)
    version = forms.IntegerField(widget=forms.HiddenInput)


class RemoveForm(forms.Form):
    kind = forms.ChoiceField(label="Hình thức", choices=[(c.value, c.label) for c in REMOVALS])
    on = forms.DateField(label="Ngày quyết định", **DATE)
    decision_number = forms.CharField(label="Số quyết định", max_length=60)
    reason = forms.CharField(label="Lý do", max_length=300)
    version = forms.IntegerField(widget=forms.HiddenInput)
