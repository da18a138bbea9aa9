"""Forms of the training pages. They parse and show errors; the services validate again and write."""

import copy

from django import forms
from django.utils import timezone

from canbo.accounts.scoping import editable_units, visible_units
from canbo.core.forms import UnitCodeMixin
from canbo.org.forms import INVALID_DATE, UnitChoiceField, VnDateInput, VnFormMixin
from canbo.org.models import AdminLevel, OrgUnit

from .choices import (
    EnrolmentResult,
    PlanStatus,
    ProgrammeKind,
    StudyStatus,
    TrainingForm,
    TrainingMode,
    Venue,
)
from .models import PlanLine, Programme, StudyAssignment, TrainingClass
from .services.classes import CLASS_FIELDS
from .services.plans import LINE_FIELDS
from .services.results import RESULT_FIELDS
from .services.study import PROPOSAL_FIELDS

ALL = [("", "— Tất cả —")]


def _editable_bodies(user):
    return editable_units(user).order_by("path")


def _active_units():
    return OrgUnit.objects.bodies().active_on(timezone.localdate()).order_by("path")


def programme_code_choices() -> list[tuple[str, str]]:
    return [(p.code, p.name) for p in Programme.objects.only("code", "name")]


class VersionMixin(forms.Form):
    """`version`: the version of the record the user opened, checked by the service (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)


# ——— Plans ———


class PlanFilterForm(VnFormMixin, forms.Form):
    year = forms.IntegerField(label="Năm", required=False, min_value=1990, max_value=2100)
    status = forms.ChoiceField(label="Trạng thái", required=False, choices=ALL + PlanStatus.choices)
    overdue = forms.BooleanField(label="Chỉ kế hoạch quá hạn ban hành", required=False)


class PlanCreateForm(VnFormMixin, forms.Form):
    year = forms.IntegerField(label="Năm kế hoạch", min_value=1990, max_value=2100)
    owner_unit = UnitChoiceField(label="Đơn vị xây dựng kế hoạch", queryset=OrgUnit.objects.none())
    title = forms.CharField(
        label="Tên kế hoạch", max_length=300, required=False, help_text="Để trống: tên theo năm kế hoạch"
    )
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("year", timezone.localdate().year + 1)
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = _editable_bodies(user)


class PlanEditForm(VnFormMixin, VersionMixin):
    title = forms.CharField(label="Tên kế hoạch", max_length=300)
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class PlanLineForm(VnFormMixin, forms.ModelForm):
    responsible_unit = UnitChoiceField(label="Đơn vị chủ trì", queryset=OrgUnit.objects.none())

    class Meta:
        model = PlanLine
        fields = LINE_FIELDS

    def __init__(self, *args, instance: PlanLine, **kwargs):
        super().__init__(*args, instance=copy.copy(instance), **kwargs)
        self.fields["responsible_unit"].queryset = _active_units()
        if not self.is_bound and instance.pk is None:
            self.initial["responsible_unit"] = instance.plan.owner_unit_id

    def _get_validation_exclusions(self):
        exclude = super()._get_validation_exclusions()
        exclude.discard("plan")  # a duplicate line is a form error, not a crash
        return exclude

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class AllocationForm(VnFormMixin, forms.Form):
    line = forms.TypedChoiceField(label="Dòng kế hoạch", coerce=int)
    unit = UnitChoiceField(label="Đơn vị", queryset=OrgUnit.objects.none())
    target_count = forms.IntegerField(label="Chỉ tiêu (0: bỏ phân bổ)", min_value=0)
    budget = forms.IntegerField(label="Kinh phí (đồng)", min_value=0, required=False)

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].choices = [(line.pk, str(line)) for line in lines]
        self.fields["unit"].queryset = _active_units()


class TransitionForm(VnFormMixin, VersionMixin):
    action = forms.CharField(widget=forms.HiddenInput, max_length=30)
    comment = forms.CharField(label="Ý kiến", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    decision_number = forms.CharField(label="Số văn bản ban hành", max_length=60, required=False)
    decision_date = forms.DateField(label="Ngày ban hành", required=False)
    issuing_body = forms.CharField(label="Cơ quan ban hành", max_length=200, required=False)


class NeedForm(VnFormMixin, forms.Form):
    unit = UnitChoiceField(label="Đơn vị", queryset=OrgUnit.objects.none())
    year = forms.IntegerField(label="Năm", min_value=1990, max_value=2100)
    programme = forms.ModelChoiceField(label="Chương trình", queryset=Programme.objects.none())
    mode = forms.ChoiceField(
        label="Hệ", required=False, choices=[("", "— Không phân biệt —")] + TrainingMode.choices
    )
    count = forms.IntegerField(label="Số người", min_value=1)
    note = forms.CharField(label="Ghi chú", max_length=300, required=False)

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("year", timezone.localdate().year + 1)
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _editable_bodies(user)
        # Retired programmes (valid_to passed) are no longer offered; the rows naming them keep them.
        self.fields["programme"].queryset = Programme.objects.active_on(timezone.localdate())


# ——— Classes ———

CLASS_STATUS = [("running", "Đang học"), ("upcoming", "Sắp khai giảng"), ("finished", "Đã bế giảng")]


class ClassFilterForm(VnFormMixin, forms.Form):
    q = forms.CharField(label="Mã hoặc tên lớp", required=False, max_length=100)
    year = forms.IntegerField(label="Năm khai giảng", required=False, min_value=1990, max_value=2100)
    kind = forms.ChoiceField(label="Nhóm chương trình", required=False, choices=ALL + ProgrammeKind.choices)
    programme = forms.ChoiceField(label="Chương trình", required=False)
    status = forms.ChoiceField(label="Tình trạng", required=False, choices=ALL + CLASS_STATUS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = ALL + programme_code_choices()


class ClassForm(VnFormMixin, forms.ModelForm):
    organiser_unit = UnitChoiceField(label="Đơn vị quản lý lớp", queryset=OrgUnit.objects.none())
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    class Meta:
        model = TrainingClass
        fields = CLASS_FIELDS

    def __init__(self, *args, instance: TrainingClass | None = None, user, **kwargs):
        instance = copy.copy(instance) if instance is not None else TrainingClass()
        super().__init__(*args, instance=instance, **kwargs)
        self.fields["organiser_unit"].queryset = _editable_bodies(user)
        lines = PlanLine.objects.filter(plan__status__in=[PlanStatus.APPROVED, PlanStatus.ISSUED])
        self.fields["plan_line"].queryset = lines.select_related("programme", "plan").order_by(
            "-plan__year", "programme__sort_order", "id"
        )
        self.fields["plan_line"].label_from_instance = lambda line: f"{line.plan.year}: {line}"
        if instance.pk and not self.is_bound:
            self.initial["version"] = instance.version

    def service_data(self) -> dict:
        return {f: self.cleaned_data[f] for f in CLASS_FIELDS if f in self.cleaned_data}


class PersonPickForm(forms.Form):
    """The person picked in a search among the user's editable people (by the record's UUID)."""

    person = forms.UUIDField(
        error_messages={"required": "Hãy tìm và chọn một người.", "invalid": "Hãy chọn lại."}
    )


class BulkEnrolForm(forms.Form):
    skip_existing = forms.BooleanField(label="Bỏ qua người đã có trong lớp", required=False)
    expected = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)


class ResultRowForm(VnFormMixin, forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    result = forms.ChoiceField(label="Kết quả", choices=EnrolmentResult.choices)
    result_date = forms.DateField(label="Ngày có kết quả", required=False)
    attendance_pct = forms.IntegerField(
        label="Chuyên cần (%)",
        required=False,
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"size": 4, "style": "width:5em"}),
    )
    certificate_number = forms.CharField(
        label="Số văn bằng, chứng chỉ",
        max_length=60,
        required=False,
        widget=forms.TextInput(attrs={"size": 12}),
    )
    certificate_date = forms.DateField(label="Ngày cấp", required=False)

    def service_data(self) -> dict:
        return {f: self.cleaned_data[f] for f in RESULT_FIELDS}


ResultFormSet = forms.formset_factory(ResultRowForm, extra=0, max_num=5000, absolute_max=5000)


# ——— Enrolments (lượt) ———

MEASURES = [
    ("started", "Bắt đầu học trong kỳ"),
    ("completed", "Hoàn thành trong kỳ"),
    ("studying", "Đang học tại ngày “Đến ngày”"),
    ("unresulted", "Đã kết thúc trước ngày “Đến ngày”, chưa có kết quả"),
]


class EnrolmentFilterForm(UnitCodeMixin, VnFormMixin, forms.Form):
    """The GET parameters of the list behind every report figure (dates dd/mm/yyyy, both included)."""

    unit = forms.CharField(label="Đơn vị (cả đơn vị trực thuộc)", required=False, max_length=40)
    measure = forms.ChoiceField(label="Tính theo", required=False, choices=MEASURES)
    form = forms.ChoiceField(label="Hình thức", required=False, choices=ALL + TrainingForm.choices)
    kind = forms.ChoiceField(label="Nhóm chương trình", required=False, choices=ALL + ProgrammeKind.choices)
    programme = forms.ChoiceField(label="Chương trình", required=False)
    mode = forms.ChoiceField(label="Hệ", required=False, choices=ALL + TrainingMode.choices)
    venue = forms.ChoiceField(label="Trong nước / nước ngoài", required=False, choices=ALL + Venue.choices)
    level = forms.ChoiceField(label="Cấp", required=False, choices=ALL + AdminLevel.choices)
    result = forms.ChoiceField(label="Kết quả", required=False, choices=ALL + EnrolmentResult.choices)
    q = forms.CharField(label="Tìm người", required=False, max_length=100)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.set_units(visible_units(user))
        # "from" and "to" (the GET names the reports use) are not valid Python names: added here.
        self.fields["from"] = forms.DateField(label="Từ ngày", required=False)
        self.fields["to"] = forms.DateField(label="Đến ngày", required=False)
        for name in ("from", "to"):
            field = self.fields[name]
            field.error_messages["invalid"] = INVALID_DATE
            field.widget = VnDateInput()
        self.order_fields(["unit", "measure", "from", "to"])
        self.fields["programme"].choices = ALL + programme_code_choices()
        self.fields["unit"].widget.attrs.update({"placeholder": "Mã đơn vị", "size": 10})

    def clean(self):
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start and end and start > end:
            self.add_error("to", "“Đến ngày” phải từ “từ ngày” trở đi.")
        return data

    def filters(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}


# ——— People sent to study ———


class StudyFilterForm(VnFormMixin, forms.Form):
    q = forms.CharField(label="Tìm người", required=False, max_length=100)
    status = forms.ChoiceField(label="Trạng thái", required=False, choices=ALL + StudyStatus.choices)
    at_risk = forms.BooleanField(label="Đã nghỉ trước khi hết thời gian cam kết", required=False)


class StudyProposeForm(VnFormMixin, forms.ModelForm):
    person = forms.UUIDField(
        label="Người được cử đi học",
        widget=forms.HiddenInput,
        error_messages={"required": "Hãy tìm và chọn một người.", "invalid": "Hãy chọn lại."},
    )

    class Meta:
        model = StudyAssignment
        fields = PROPOSAL_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lines = PlanLine.objects.filter(plan__status__in=[PlanStatus.APPROVED, PlanStatus.ISSUED])
        self.fields["plan_line"].queryset = lines.select_related("programme", "plan")
        self.fields["plan_line"].label_from_instance = lambda line: f"{line.plan.year}: {line}"

    def service_data(self) -> dict:
        return {f: self.cleaned_data[f] for f in PROPOSAL_FIELDS if f in self.cleaned_data}


class StudySendForm(VnFormMixin, VersionMixin):
    decision_number = forms.CharField(label="Số quyết định cử đi học", max_length=60)
    decision_date = forms.DateField(label="Ngày quyết định")


class StudyCompleteForm(VnFormMixin, forms.Form):
    end_date = forms.DateField(label="Ngày tốt nghiệp")
    certificate_number = forms.CharField(label="Số văn bằng", max_length=60, required=False)
    certificate_date = forms.DateField(label="Ngày cấp văn bằng", required=False)


class StudyDropForm(VnFormMixin, forms.Form):
    on = forms.DateField(label="Ngày bỏ học")
    reason = forms.CharField(label="Lý do", max_length=300)


class StudyBreachForm(VnFormMixin, forms.Form):
    left_on = forms.DateField(label="Ngày thôi việc")
    reason = forms.CharField(label="Ghi chú", max_length=300, required=False)
