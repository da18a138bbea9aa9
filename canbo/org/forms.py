"""Forms of the organisation pages, and small form helpers the people pages share."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join

from canbo.accounts.models import Role
from canbo.accounts.scoping import has_role
from canbo.core.forms import unit_code

from .models import OrgUnit

DATE_HINT = "dd/mm/yyyy"
INVALID_CHOICE = "Lựa chọn không hợp lệ."
EMPTY_CHOICE = "— Chọn —"
INVALID_DATE = "Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy (ví dụ 31/12/2019)."


class VnDateInput(forms.DateInput):
    """A text input that shows and reads dates as dd/mm/yyyy."""

    def __init__(self, attrs=None):
        base = {"placeholder": DATE_HINT, "size": 10, "inputmode": "numeric", "autocomplete": "off"}
        super().__init__(attrs={**base, **(attrs or {})}, format="%d/%m/%Y")


WIDE_TEXT_LENGTH = 120  # a text box for this many characters or more spans the form's width


class VnFormMixin:
    """Vietnamese messages for the few Django errors without a Vietnamese translation; dd/mm/yyyy dates and
    decimal commas in the inputs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if "invalid_choice" in field.error_messages:
                field.error_messages["invalid_choice"] = INVALID_CHOICE
            if isinstance(field, forms.ModelChoiceField):
                if field.empty_label is not None:
                    field.empty_label = EMPTY_CHOICE
            elif (
                isinstance(field, forms.ChoiceField)
                and field.choices
                and field.choices[0] == ("", "---------")
            ):
                field.choices = [("", EMPTY_CHOICE), *field.choices[1:]]
            if isinstance(field, forms.DecimalField):
                # 4,32 as Vietnamese write it (and as the page shows it)
                field.localize = True
                field.widget = forms.TextInput(attrs={"inputmode": "decimal", "size": 6})
                field.widget.is_localized = True
                field.widget.is_required = field.required
            if (
                isinstance(field, forms.CharField)
                and type(field.widget) is forms.TextInput
                and (field.max_length or 0) >= WIDE_TEXT_LENGTH
            ):
                field.widget.attrs.setdefault("class", "wide")  # addresses, places, long names
            if isinstance(field, forms.DateField):
                field.error_messages["invalid"] = INVALID_DATE
                if not isinstance(field.widget, forms.HiddenInput):
                    field.widget = VnDateInput(attrs=field.widget.attrs)
                    field.widget.is_required = field.required


def can_restructure(user) -> bool:
    """The province board and the system administrator change the tree (as canbo.org.services requires)."""
    return has_role(user, Role.PROVINCE_BOARD, Role.SYSADMIN)


class UnitChoiceField(forms.ModelChoiceField):
    """Units in tree order, indented by depth, with the end date of units no longer in force."""

    def label_from_instance(self, obj):
        label = f"{'— ' * obj.depth}{obj.name} ({obj.code})"
        if obj.valid_to:
            label += f" – hết hiệu lực {obj.valid_to:%d/%m/%Y}"
        return label


class UnitPickerInput(forms.TextInput):
    """A text box searched as one types, over the units of a <datalist> written as “name — code” (as the report
    page's canbo.core.forms.UnitPicker, read with its unit_code), for a model choice field: the browser lists the
    units whose name or code contains what is typed."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "class": "unit-picker", **(attrs or {})})

    def format_value(self, value):
        if value in (None, ""):
            return None
        for choice, label in self.choices:  # an initial unit (its id) is shown as its label
            if str(getattr(choice, "value", choice)) == str(value):
                return label
        return super().format_value(value)

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**(attrs or {})}
        list_id = f"{attrs.get('id') or 'id_' + name}-units"
        attrs["list"] = list_id
        attrs.setdefault("placeholder", "Gõ tên hoặc mã đơn vị để tìm")
        box = super().render(name, value, attrs, renderer)
        options = format_html_join(
            "", '<option value="{}"></option>', ((label,) for c, label in self.choices if c)
        )
        return format_html('{}<datalist id="{}">{}</datalist>', box, list_id, options)


class UnitPickerField(UnitChoiceField):
    """A unit chosen by typing its name or code (UnitPickerInput) among the units of the queryset (the user's
    scope); the answer is the unit whose code ends the text, or whose name or code is the whole text."""

    widget = UnitPickerInput

    def label_from_instance(self, obj):
        label = f"{obj.name} — {obj.code}"
        if obj.valid_to:
            label += f" (hết hiệu lực {obj.valid_to:%d/%m/%Y})"
        return label

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, OrgUnit):
            return value
        text = str(value).strip()
        code = unit_code(text).split("(hết hiệu lực", 1)[0].strip()
        units = self.queryset
        unit = (
            units.filter(code=code).first()
            or (units.filter(pk=int(text)).first() if text.isdigit() else None)
            or units.filter(name=text).first()
        )
        if unit is None:
            raise ValidationError(
                f"{self.error_messages['invalid_choice']} Không có đơn vị “%(value)s” trong phạm vi anh/chị được "
                "cập nhật: gõ tên hoặc mã rồi chọn trong danh sách gợi ý.",
                code="invalid_choice",
                params={"value": text},
            )
        return unit


class UnitMultipleChoiceField(forms.ModelMultipleChoiceField):
    label_from_instance = UnitChoiceField.label_from_instance


class TreeDateForm(VnFormMixin, forms.Form):
    on = forms.DateField(label="Cơ cấu tổ chức tại ngày", required=False, input_formats=["%d/%m/%Y"])


class OrgUnitForm(VnFormMixin, forms.ModelForm):
    parent = UnitChoiceField(label="Đơn vị cấp trên", queryset=OrgUnit.objects.none(), required=False)

    class Meta:
        model = OrgUnit
        fields = [
            "code",
            "name",
            "short_name",
            "level",
            "kind",
            "sector",
            "parent",
            "valid_from",
            "legal_basis",
            "sort_order",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = OrgUnit.objects.filter(valid_to__isnull=True).order_by("path")
        self.fields["valid_from"].help_text = "Ngày quyết định thành lập có hiệu lực (dd/mm/yyyy)."

    def service_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k in self.Meta.fields}


class _EventForm(VnFormMixin, forms.Form):
    effective_on = forms.DateField(
        label="Ngày có hiệu lực",
        input_formats=["%d/%m/%Y"],
        help_text="Các đơn vị cũ kết thúc vào ngày liền trước.",
    )
    decision_number = forms.CharField(label="Số quyết định", max_length=100, required=False)
    legal_basis = forms.CharField(label="Căn cứ pháp lý", max_length=300, required=False)


class MergeForm(_EventForm):
    units = UnitMultipleChoiceField(
        label="Các đơn vị sáp nhập, hợp nhất",
        queryset=OrgUnit.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 12}),
    )
    successor = UnitChoiceField(
        label="Đơn vị kế thừa (đã có)",
        queryset=OrgUnit.objects.none(),
        required=False,
        help_text="Để trống nếu lập đơn vị mới ở hai ô dưới.",
    )
    new_code = forms.CharField(label="Mã đơn vị mới", max_length=40, required=False)
    new_name = forms.CharField(label="Tên đơn vị mới", max_length=255, required=False)
    move_people = forms.BooleanField(
        label="Chuyển người đang công tác sang đơn vị kế thừa", required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        open_units = OrgUnit.objects.filter(valid_to__isnull=True).order_by("path")
        self.fields["units"].queryset = open_units
        self.fields["successor"].queryset = open_units

    def clean(self):
        data = super().clean()
        existing, code, name = data.get("successor"), data.get("new_code"), data.get("new_name")
        if existing and (code or name):
            raise ValidationError("Chọn đơn vị kế thừa đã có hoặc nhập đơn vị mới, không chọn cả hai.")
        if not existing and not (code and name):
            raise ValidationError("Hãy chọn đơn vị kế thừa hoặc nhập mã và tên đơn vị mới.")
        if existing and data.get("units") and list(data["units"]) == [existing]:
            self.add_error("units", "Cần chọn ít nhất một đơn vị khác đơn vị kế thừa.")
        return data

    def successor_value(self):
        """The existing successor, or the data of a new one modelled on the first merged unit."""
        data = self.cleaned_data
        if data.get("successor"):
            return data["successor"]
        first = data["units"][0]
        return {
            "code": data["new_code"],
            "name": data["new_name"],
            "level": first.level,
            "kind": first.kind,
            "sector": first.sector,
            "parent": first.parent,
        }


class SplitForm(_EventForm):
    new_units = forms.CharField(
        label="Các đơn vị mới (mỗi dòng: mã | tên)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "placeholder": "XA_01 | Xã Mường Phăng\nXA_02 | Xã Nà Nhạn"}),
        help_text="Đơn vị mới cùng cấp, cùng khối, cùng đơn vị cấp trên với đơn vị được chia tách.",
    )
    existing = UnitMultipleChoiceField(
        label="Đơn vị kế thừa đã có", queryset=OrgUnit.objects.none(), required=False
    )

    def __init__(self, *args, unit: OrgUnit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.fields["existing"].queryset = (
            OrgUnit.objects.filter(valid_to__isnull=True).exclude(pk=unit.pk).order_by("path")
        )

    def clean_new_units(self):
        rows, problems = [], []
        for number, line in enumerate(self.cleaned_data.get("new_units", "").splitlines(), start=1):
            if not line.strip():
                continue
            code, sep, name = line.partition("|")
            if not sep or not code.strip() or not name.strip():
                problems.append(f"Dòng {number}: hãy viết theo dạng “mã | tên đơn vị”.")
                continue
            rows.append((code.strip(), name.strip()))
        if problems:
            raise ValidationError(problems)
        return rows

    def clean(self):
        data = super().clean()
        if "new_units" in data and len(data["new_units"]) + len(data.get("existing") or []) < 2:
            raise ValidationError("Chia tách cần ít nhất hai đơn vị kế thừa.")
        return data

    def successors(self) -> list:
        unit = self.unit
        new = [
            {
                "code": code,
                "name": name,
                "level": unit.level,
                "kind": unit.kind,
                "sector": unit.sector,
                "parent": unit.parent,
            }
            for code, name in self.cleaned_data["new_units"]
        ]
        return new + list(self.cleaned_data.get("existing") or [])
