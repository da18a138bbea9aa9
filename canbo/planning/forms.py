"""Forms of the planning pages: input only; the rules are the services' (canbo.planning.services)."""

from django import forms
from django.utils import timezone

from canbo.accounts.scoping import editable_units, visible_units
from canbo.org.forms import UnitChoiceField, VnFormMixin
from canbo.people.choices import ALL_LEVEL_CHOICES, QualificationScale, level_rank
from canbo.people.models import Position

from .choices import PlanningTier, RemovalReason, TermKind
from .gaps import gap_terms
from .models import PlanningTerm

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATE_ERROR = {"invalid": "Ngày không hợp lệ: hãy nhập theo dạng dd/mm/yyyy (ví dụ 31/12/2025)."}


def vn_date(label: str, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        help_text=help_text,
        error_messages=DATE_ERROR,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "size": 10}),
    )


class AsOfForm(VnFormMixin, forms.Form):
    on = vn_date("Tính đến ngày", required=False, help_text="Để trống là hôm nay.")
    unit = forms.CharField(label="Mã đơn vị", required=False, max_length=40)


class TermForm(VnFormMixin, forms.Form):
    code = forms.CharField(label="Nhiệm kỳ", max_length=20, help_text="Ví dụ 2025-2030")
    kind = forms.ChoiceField(label="Loại nhiệm kỳ", choices=TermKind.choices)
    start_date = vn_date("Bắt đầu")
    end_date = vn_date("Kết thúc")
    max_per_post = forms.IntegerField(label="Số người tối đa cho một chức danh", initial=3, min_value=1)
    max_posts_per_person = forms.IntegerField(
        label="Số chức danh tối đa cho một người", initial=3, min_value=1
    )
    min_women_pct = forms.IntegerField(label="Tỷ lệ nữ tối thiểu (%)", initial=25, min_value=0, max_value=100)
    min_young_pct = forms.IntegerField(
        label="Tỷ lệ cán bộ trẻ tối thiểu (%)", initial=15, min_value=0, max_value=100
    )
    young_age = forms.IntegerField(label="Tuổi cán bộ trẻ (dưới)", initial=40, min_value=18, max_value=70)
    legal_basis = forms.CharField(label="Căn cứ", max_length=300, required=False)


class PostForm(VnFormMixin, forms.Form):
    unit = UnitChoiceField(label="Đơn vị", queryset=None)
    position = forms.ModelChoiceField(label="Chức danh", queryset=None)
    tier = forms.ChoiceField(label="Nhóm quy hoạch", choices=PlanningTier.choices)
    seats = forms.IntegerField(label="Số chức danh (người giữ)", initial=1, min_value=1, max_value=50)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = editable_units(user).order_by("path")
        self.fields["position"].queryset = (
            Position.objects.active_on(timezone.localdate())
            .filter(is_leadership=True)
            .order_by("-tier", "name")
        )


class ProposeForm(VnFormMixin, forms.Form):
    person = forms.UUIDField(
        label="Người được đề xuất",
        error_messages={"required": "Chọn người được đề xuất.", "invalid": "Chọn người được đề xuất."},
    )
    note = forms.CharField(label="Ghi chú (nguồn tại chỗ / nơi khác …)", max_length=300, required=False)


class DecisionForm(VnFormMixin, forms.Form):
    number = forms.CharField(label="Số quyết định", max_length=60)
    date = vn_date("Ngày quyết định")
    approving_body = forms.CharField(
        label="Cơ quan phê duyệt", max_length=200, initial="Ban Thường vụ Tỉnh ủy"
    )
    note = forms.CharField(label="Ghi chú", max_length=300, required=False)

    def decision(self) -> dict:
        data = self.cleaned_data
        return {k: data[k] for k in ("number", "date", "approving_body")}


class EntriesField(forms.TypedMultipleChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Người được chọn")
        kwargs.setdefault("coerce", int)
        kwargs.setdefault("error_messages", {"required": "Chọn ít nhất một người."})
        super().__init__(widget=forms.CheckboxSelectMultiple, **kwargs)


class ApproveForm(DecisionForm):
    entries = EntriesField()
    is_supplement = forms.BooleanField(label="Bổ sung quy hoạch (rà soát hằng năm)", required=False)

    def __init__(self, *args, entries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entries"].choices = [(e.pk, str(e.person)) for e in entries]


class RemoveForm(DecisionForm):
    entries = EntriesField()
    reason = forms.ChoiceField(label="Lý do đưa ra", choices=[("", "— Chọn lý do —"), *RemovalReason.choices])

    def __init__(self, *args, entries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entries"].choices = [(e.pk, str(e.person)) for e in entries]


class ConfirmRemovalForm(DecisionForm):
    entries = EntriesField()

    def __init__(self, *args, entries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entries"].choices = [(e.pk, str(e.person)) for e in entries]


class NeedsProposeForm(VnFormMixin, forms.Form):
    plan = forms.ModelChoiceField(label="Kế hoạch đào tạo, bồi dưỡng (dự thảo)", queryset=None)
    on = vn_date("Nhu cầu tính đến ngày", required=False)

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans


class GapListForm(VnFormMixin, forms.Form):
    on = vn_date("Tính đến ngày", required=False, help_text="Để trống là hôm nay.")
    term = forms.CharField(label="Nhiệm kỳ", max_length=20, required=False)
    scale = forms.ChoiceField(
        label="Loại trình độ", choices=QualificationScale.choices, required=False, initial="POLITICAL_THEORY"
    )
    level = forms.ChoiceField(
        label="Trình độ tối thiểu", choices=[("", "—"), *ALL_LEVEL_CHOICES], required=False
    )
    tier = forms.ChoiceField(
        label="Nhóm", choices=[("", "— Mọi nhóm —"), *PlanningTier.choices], required=False
    )
    org = forms.CharField(label="Mã đơn vị", max_length=40, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def params(self) -> dict | None:
        """The gap list's parameters (the page and its export): date, terms, scale and level, tier, unit, with
        the defaults of what is left empty; None when something is wrong (the errors are on the form)."""
        if self.is_bound and not self.is_valid():
            return None
        data = self.cleaned_data if self.is_bound else {}
        on = data.get("on") or timezone.localdate()
        scale = data.get("scale") or QualificationScale.POLITICAL_THEORY
        level = data.get("level") or ("CAO_CAP" if scale == QualificationScale.POLITICAL_THEORY else "")
        if level_rank(scale, level) is None:
            self.add_error("level", f"Chọn một trình độ của loại “{QualificationScale(scale).label}”.")
            return None
        term = None
        if data.get("term"):
            term = PlanningTerm.objects.filter(code=data["term"]).first()
            if term is None:
                self.add_error("term", f"Không có nhiệm kỳ quy hoạch “{data['term']}”.")
                return None
        org = None
        if data.get("org"):
            org = visible_units(self.user).filter(code=data["org"]).first()
            if org is None:
                self.add_error("org", "Không tìm thấy đơn vị trong phạm vi được xem.")
                return None
        params = {"on": on, "terms": gap_terms(on, term), "scale": scale, "level": level, "org": org}
        params["tier"] = data.get("tier") or None
        return params
