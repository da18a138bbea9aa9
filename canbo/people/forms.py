"""Forms of the person pages. Services validate again and write; these only parse and show errors."""

import copy

from django import forms
from django.urls import reverse_lazy

from canbo.org.forms import UnitPickerField, VnFormMixin
from canbo.org.models import OrgUnit

from .choices import (
    PersonnelCategory,
    PersonnelMove,
    PersonStatus,
    QualificationScale,
    level_choices,
    level_rank,
)
from .filters import PersonFilterForm
from .models import Employment, Person, Position, Qualification
from .rules import employment_rule_errors, person_rule_errors
from .selectors import position_choices, rank_choices, unit_choices_for
from .services import EMPLOYMENT_FIELDS, PERSON_EDITABLE_FIELDS, QUALIFICATION_FIELDS, SELF_SERVICE_FIELDS

LEVELS_URL = reverse_lazy("people:qualification_levels")


def _levels_htmx(target_id: str, blank: str) -> dict:
    """Attributes that reload a level <select> when its scale changes (htmx, no page reload)."""
    return {
        "hx-get": LEVELS_URL,
        "hx-target": f"#{target_id}",
        "hx-trigger": "change",
        "hx-vals": f'{{"blank": "{blank}"}}',
    }


class PersonListFilterForm(VnFormMixin, PersonFilterForm):
    """The shared filter form, with the level list following the chosen scale."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["qualification_scale"].widget.attrs.update(
            _levels_htmx("id_qualification_level", "— Tất cả —")
        )
        self.fields["unit"].widget.attrs.update({"placeholder": "Mã đơn vị", "size": 10})
        scale = self.data.get("qualification_scale")
        if scale in QualificationScale.values:
            self.fields["qualification_level"].choices = [("", "— Tất cả —"), *level_choices(scale)]


class RuleErrorsMixin:
    """Every field error at once: the register's rules (people.rules, no queries: a future birth date, the personal
    ID, the working age at the start) are checked with the form's own, on the fields that have no error yet. The
    service checks them again when it writes."""

    def rule_errors(self) -> dict[str, list[str]]:
        return person_rule_errors(self.instance)

    def _post_clean(self):
        super()._post_clean()
        for name, messages in self.rule_errors().items():
            if name in self.fields and name not in self.errors:
                for message in messages:
                    self.add_error(name, message)


class PersonForm(RuleErrorsMixin, VnFormMixin, forms.ModelForm):
    """Edit of a record; `version` is the version the officer opened, checked when saving."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = Person
        fields = PERSON_EDITABLE_FIELDS

    def __init__(self, *args, instance: Person, **kwargs):
        # The form validates a copy: the service compares the stored record with the submitted values.
        super().__init__(*args, instance=copy.copy(instance), **kwargs)
        if "rank" in self.fields:  # retired ranks are not offered, the record's own stays valid
            self.fields["rank"].queryset = rank_choices(keep=instance.rank_id)
        if "position" in self.fields:
            self.fields["position"].queryset = position_choices(keep=instance.position_id)
        if not self.is_bound:
            self.initial["version"] = instance.version

    def service_data(self) -> dict:
        return {f: self.cleaned_data[f] for f in PERSON_EDITABLE_FIELDS if f in self.cleaned_data}


class PersonCreateForm(RuleErrorsMixin, VnFormMixin, forms.ModelForm):
    """A new record and its first employment row."""

    unit = UnitPickerField(label="Đơn vị công tác", queryset=OrgUnit.objects.none())
    category = forms.ChoiceField(label="Phân loại", choices=PersonnelCategory.choices)
    position = forms.ModelChoiceField(label="Chức vụ", queryset=Position.objects.none(), required=False)
    start_date = forms.DateField(label="Ngày bắt đầu công tác tại đơn vị")
    move = forms.ChoiceField(
        label="Hình thức", choices=PersonnelMove.choices, initial=PersonnelMove.TUYEN_DUNG
    )
    decision_number = forms.CharField(label="Số quyết định", max_length=100, required=False)

    class Meta:
        model = Person
        fields = ["code", *PERSON_EDITABLE_FIELDS]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_choices_for(user=user).order_by("path")
        self.fields["position"].queryset = position_choices()
        if "rank" in self.fields:
            self.fields["rank"].queryset = rank_choices()

    def rule_errors(self) -> dict[str, list[str]]:
        errors = super().rule_errors()
        data = self.cleaned_data
        first_row = Employment(category=data.get("category") or "", start_date=data.get("start_date"))
        for name, messages in employment_rule_errors(
            first_row, data.get("unit"), birth=self.instance.date_of_birth
        ).items():
            errors.setdefault(name, []).extend(messages)
        return errors

    def service_data(self) -> dict:
        return {f: self.cleaned_data[f] for f in self.Meta.fields if f in self.cleaned_data}


class EmploymentForm(VnFormMixin, forms.ModelForm):
    """A row of the career timeline; a later start closes the current row (a transfer)."""

    unit = UnitPickerField(label="Đơn vị", queryset=OrgUnit.objects.none())

    class Meta:
        model = Employment
        fields = EMPLOYMENT_FIELDS

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("move", PersonnelMove.DIEU_DONG)
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_choices_for(user=user).order_by("path")
        self.fields["position"].queryset = position_choices(keep=self.instance.position_id)

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class EndServiceForm(VnFormMixin, forms.Form):
    status = forms.ChoiceField(
        label="Tình trạng mới",
        choices=[(k, v) for k, v in PersonStatus.choices if k != PersonStatus.WORKING],
    )
    on = forms.DateField(label="Ngày thôi công tác")
    move = forms.ChoiceField(
        label="Hình thức",
        choices=[
            (k, v)
            for k, v in PersonnelMove.choices
            if k in {"NGHI_HUU", "THOI_VIEC", "TINH_GIAN", "TU_CHUC", "DIEU_DONG", "CACH_CHUC"}
        ],
        initial=PersonnelMove.NGHI_HUU,
    )
    decision_number = forms.CharField(label="Số quyết định", max_length=100, required=False)


class QualificationForm(VnFormMixin, forms.ModelForm):
    class Meta:
        model = Qualification
        fields = QUALIFICATION_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        level_id = f"id_{self.add_prefix('level')}"
        self.fields["scale"].widget.attrs.update(_levels_htmx(level_id, "— Chọn —"))
        scale = self.data.get(self.add_prefix("scale")) if self.is_bound else None
        scale = scale if scale in QualificationScale.values else QualificationScale.PROFESSIONAL
        self.fields["level"].choices = [("", "— Chọn —"), *level_choices(scale)]
        self.initial.setdefault("scale", QualificationScale.PROFESSIONAL)

    def _get_validation_exclusions(self):
        # Check the per-person uniqueness here too, so a duplicate diploma is a field error, not a crash.
        exclude = super()._get_validation_exclusions()
        exclude.discard("person")
        return exclude

    def clean(self):
        data = super().clean()
        scale, level = data.get("scale"), data.get("level")
        if scale and level and level_rank(scale, level) is None:
            self.add_error("level", "Trình độ không thuộc loại trình độ đã chọn.")
        return data

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class ChangeRequestForm(VnFormMixin, forms.ModelForm):
    """An official's proposal to correct their own contact and personal details."""

    reason = forms.CharField(label="Lý do đề nghị", max_length=255, required=False)

    class Meta:
        model = Person
        fields = SELF_SERVICE_FIELDS

    def __init__(self, *args, instance: Person, **kwargs):
        super().__init__(*args, instance=copy.copy(instance), **kwargs)

    def changes(self) -> dict:
        """The proposed values as JSON: a date as yyyy-mm-dd (the model field reads it back when applied)."""
        values = {f: self.cleaned_data.get(f) or "" for f in SELF_SERVICE_FIELDS}
        return {f: v.isoformat() if hasattr(v, "isoformat") else v for f, v in values.items()}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "Duyệt"), ("reject", "Từ chối")])
    note = forms.CharField(label="Ý kiến xử lý", max_length=255, required=False)
