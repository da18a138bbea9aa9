"""The shared kit every app uses: the decision check, shares and percentages, a service's refusal on a form,
and a unit typed by code within the user's units."""

from datetime import date
from decimal import Decimal

import pytest
from django import forms
from django.core.exceptions import ValidationError

from canbo.core.decisions import decision_errors
from canbo.core.exceptions import ConflictError
from canbo.core.forms import UnitCodeMixin, UnitPicker, service_errors, unit_by_code
from canbo.core.numbers import fmt_pct, share
from canbo.org.models import OrgUnit

TODAY = date(2026, 6, 30)


def test_a_decision_needs_a_number_and_a_date_not_in_the_future():
    assert decision_errors("12/QĐ-UBND", TODAY, today=TODAY) == {}
    assert decision_errors("  ", None, today=TODAY) == {
        "decision_number": ["Cần số quyết định."],
        "decision_date": ["Cần ngày quyết định."],
    }
    errors = decision_errors(
        "x" * 61, date(2026, 7, 1), today=TODAY, number_field="number", date_field="date"
    )
    assert errors == {
        "number": ["Số quyết định tối đa 60 ký tự."],
        "date": ["Ngày quyết định không được ở tương lai."],
    }


def test_a_share_is_rounded_half_up_in_decimal_and_printed_the_vietnamese_way():
    assert share(1, 8) == Decimal("12.5")
    assert share(101, 2000) == Decimal("5.1")  # 5,05: a float division would give 5,0
    assert share(1, 3, exact=True) == Decimal(100) / Decimal(3)
    assert share(3, 0) is None
    assert fmt_pct(share(543, 1000)) == "54,3 %"
    assert fmt_pct(None) == "—"


class _Form(forms.Form):
    name = forms.CharField(required=False)


def _bound():
    form = _Form({"name": "x"})
    assert form.is_valid()
    return form


def test_a_conflict_goes_above_the_form_with_a_409():
    form = _bound()
    with service_errors(form) as outcome:
        raise ConflictError()
    assert not outcome.ok and outcome.status == 409
    assert "Các thay đổi của anh/chị chưa được lưu." in form.non_field_errors()


def test_a_validation_error_goes_next_to_its_field_with_the_given_status():
    form = _bound()
    with service_errors(form, status=400, field_map={"full_name": "name"}) as outcome:
        raise ValidationError({"full_name": ["Cần họ và tên."]})
    assert not outcome.ok and outcome.status == 400
    assert form.errors["name"] == ["Cần họ và tên."]


def test_anything_else_is_not_swallowed_and_success_is_ok():
    form = _bound()
    with pytest.raises(KeyError), service_errors(form):
        raise KeyError("bug")
    with service_errors(form) as outcome:
        pass
    assert outcome.ok


def test_a_unit_is_found_by_code_or_by_its_picked_label_only_among_the_given_units(tree):
    mine = OrgUnit.objects.filter(code="SO_A")
    assert unit_by_code(mine, "SO_A") == tree["dept_a"]
    assert unit_by_code(mine, "Sở A — SO_A") == tree["dept_a"]
    assert unit_by_code(mine, "") is None
    with pytest.raises(ValidationError) as refused:
        unit_by_code(mine, "SO_B")
    assert refused.value.messages == ["Không tìm thấy đơn vị “SO_B” trong phạm vi được xem."]


class _UnitForm(UnitCodeMixin, forms.Form):
    unit = forms.CharField(required=False, widget=UnitPicker())


def test_the_picker_lists_the_forms_units_by_name(tree):
    form = _UnitForm({"unit": "SO_B"})
    form.set_units(OrgUnit.objects.filter(code="SO_A"))
    html = str(form["unit"])
    assert 'list="id_unit-units"' in html
    assert '<option value="Sở A — SO_A">' in html and "SO_B" not in html.split("<datalist")[1]
    assert not form.is_valid() and "SO_B" in form.errors["unit"][0]
