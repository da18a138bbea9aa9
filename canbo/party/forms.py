"""Forms of the Party pages: dates dd/mm/yyyy; a register person with the shared picker, the Party organisation
by code (admissions) or from the user's Party organisations (targets)."""

from django import forms

from canbo.accounts.scoping import editable_units
from canbo.org.models import OrgSector
from canbo.people.picker import PersonPickerField, PersonPickerMixin

from .choices import REMOVALS, EducationException, GeneralEducation, PartyStatus
from .selectors import target_list

DATE = {
    "input_formats": ["%d/%m/%Y", "%Y-%m-%d"],
    "widget": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
}


def _party_org(user, code):
    unit = editable_units(user).filter(code=(code or "").strip(), sector=OrgSector.DANG).first()
    if unit is None:
        raise forms.ValidationError("Không có tổ chức đảng mã này trong phạm vi anh/chị quản lý.")
    return unit


class AdmissionForm(PersonPickerMixin, forms.Form):
    person = PersonPickerField(label="Người trong danh sách cán bộ (nếu có)", required=False)
    candidate_name = forms.CharField(label="Họ và tên (nếu ngoài danh sách)", required=False, max_length=120)
    candidate_national_id = forms.CharField(label="Số định danh cá nhân", required=False, max_length=12)
    birth_date = forms.DateField(label="Ngày sinh (nếu ngoài danh sách)", required=False, **DATE)
    education = forms.ChoiceField(label="Trình độ giáo dục phổ thông", choices=GeneralEducation.choices)
    education_exception = forms.ChoiceField(
        label="Sinh sống ở vùng được áp dụng ngoại lệ về học vấn (nếu có)",
        choices=[("", "— Không —"), *EducationException.choices],
        required=False,
    )
    over_age_approval = forms.CharField(
        label="Văn bản đồng ý của ban thường vụ cấp ủy trực thuộc Trung ương (người trên 60 tuổi: số, ngày)",
        required=False,
        max_length=120,
    )
    party_org = forms.CharField(label="Mã tổ chức đảng")
    cell = forms.CharField(label="Chi bộ", max_length=200)
    cell_vote_date = forms.DateField(label="Ngày chi bộ biểu quyết", **DATE)
    decision_number = forms.CharField(label="Số quyết định kết nạp", max_length=60)
    decision_date = forms.DateField(label="Ngày quyết định", **DATE)
    admitted_on = forms.DateField(label="Ngày kết nạp", **DATE)

    def clean_party_org(self):
        return _party_org(self.user, self.cleaned_data.get("party_org"))


class TargetForm(forms.Form):
    party_org = forms.ModelChoiceField(
        label="Tổ chức đảng",
        queryset=None,
        error_messages={"invalid_choice": "Chọn một tổ chức đảng trong danh sách."},
    )
    start_year = forms.IntegerField(label="Nhiệm kỳ từ năm", min_value=1930, max_value=2100)
    end_year = forms.IntegerField(label="Nhiệm kỳ đến năm", min_value=1930, max_value=2100)
    target = forms.IntegerField(label="Chỉ tiêu kết nạp (người)", min_value=1)
    resolution_number = forms.CharField(label="Số nghị quyết đại hội", max_length=60)
    resolution_date = forms.DateField(label="Ngày nghị quyết", required=False, **DATE)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party_org"].queryset = (
            editable_units(user).filter(sector=OrgSector.DANG).order_by("path")
        )
        self.fields["party_org"].empty_label = "— Chọn —"


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


def admission_filters(*, user, query) -> tuple[dict, list[str]]:
    """The admissions page's filters (`status`, `q`, `party_org` by code among the user's targets) and the
    Vietnamese messages for values that were left out (the page ignores them, the export refuses them)."""
    errors = []
    status = query.get("status") or None
    if status and status not in PartyStatus.values:
        errors.append(f"Trạng thái “{status}” không hợp lệ.")
        status = None
    filters = {"status": status, "q": query.get("q", "")}
    code = query.get("party_org")
    if code:
        org = target_list(user=user).filter(party_org__code=code).first()
        filters["party_org"] = org.party_org if org else None
        if org is None:
            errors.append(f"Không tìm thấy tổ chức đảng “{code}” trong phạm vi được xem.")
    return filters, errors
