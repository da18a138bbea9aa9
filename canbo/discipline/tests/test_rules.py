import datetime

import pytest

from canbo.core.rulebook import rule_version_append
from canbo.discipline import rules
from canbo.discipline.models import DisciplineForm as F
from canbo.discipline.models import DisciplineRule

D = datetime.date

pytestmark = pytest.mark.django_db


def test_civil_servants_from_july_2025_have_four_forms_removal_for_leaders_only():
    assert rules.forms_for("CC", True, D(2025, 7, 1)) == [
        F.REPRIMAND,
        F.WARNING,
        F.REMOVAL,
        F.FORCED_RESIGNATION,
    ]
    assert rules.forms_for("CC", False, D(2025, 7, 1)) == [F.REPRIMAND, F.WARNING, F.FORCED_RESIGNATION]


def test_pay_cut_and_demotion_are_legacy_forms_before_july_2025():
    assert F.PAY_CUT in rules.forms_for("CC", False, D(2025, 6, 30))
    assert F.DEMOTION in rules.forms_for("CC", True, D(2025, 6, 30))
    assert rules.form_refusal(F.PAY_CUT, "CC", False, D(2025, 6, 30)) is None
    refusal = rules.form_refusal(F.PAY_CUT, "CC", False, D(2025, 7, 1))
    assert "không áp dụng" in refusal and "NĐ 172/2025" in refusal


def test_cadres_have_dismissal_from_office_and_no_forced_resignation():
    assert rules.forms_for("CB", False, D(2026, 1, 1)) == [
        F.REPRIMAND,
        F.WARNING,
        F.REMOVAL,
        F.DISMISSAL_FROM_OFFICE,
    ]
    assert rules.form_refusal(F.FORCED_RESIGNATION, "CB", False, D(2026, 1, 1)) is not None


def test_removal_for_a_non_leader_is_refused_with_the_reason():
    assert "lãnh đạo, quản lý" in rules.form_refusal(F.REMOVAL, "CC", False, D(2026, 1, 1))


def test_contract_workers_are_not_disciplined_under_this_law():
    assert "lao động" in rules.form_refusal(F.REPRIMAND, "LD_HD", False, D(2026, 1, 1))


def test_several_acts_take_the_heaviest_form():
    result = rules.required_form(act_forms=[F.REPRIMAND, F.WARNING], running=None, allowed=[])
    assert result.form == F.WARNING and "nặng nhất" in result.explanation[0]


def test_a_new_act_while_a_sanction_runs_is_one_level_higher():
    allowed = rules.forms_for("CC", False, D(2026, 1, 1))
    result = rules.required_form(act_forms=[F.REPRIMAND], running=F.REPRIMAND, allowed=allowed)
    assert result.form == F.WARNING
    # warning running, non-leader: the next level up is buộc thôi việc (no cách chức for them)
    assert rules.required_form(act_forms=[F.REPRIMAND], running=F.WARNING, allowed=allowed).form == (
        F.FORCED_RESIGNATION
    )


def test_a_heavier_new_act_during_a_sanction_is_one_level_above_its_own_form():
    # NĐ 172/2025 Art 2(3): warning is heavier than the running reprimand → one level above warning
    allowed = rules.forms_for("CC", True, D(2026, 1, 1))
    result = rules.required_form(act_forms=[F.WARNING], running=F.REPRIMAND, allowed=allowed)
    assert result.form == F.REMOVAL
    assert "hành vi mới" in result.explanation[-1]


def test_a_new_act_no_heavier_than_the_running_one_is_one_level_above_the_running_form():
    allowed = rules.forms_for("CC", True, D(2026, 1, 1))
    assert rules.required_form(act_forms=[F.WARNING], running=F.WARNING, allowed=allowed).form == F.REMOVAL


def test_a_new_act_at_the_top_of_the_ladder_keeps_the_top_form():
    allowed = rules.forms_for("CC", True, D(2026, 1, 1))
    result = rules.required_form(act_forms=[F.FORCED_RESIGNATION], running=F.REPRIMAND, allowed=allowed)
    assert result.form == F.FORCED_RESIGNATION and result.error is None


def test_on_the_cadre_ladder_dismissal_from_office_is_heavier_than_removal():
    allowed = rules.forms_for("CB", True, D(2026, 1, 1))
    result = rules.required_form(act_forms=[F.REPRIMAND], running=F.REMOVAL, allowed=allowed)
    assert result.error is None and result.form == F.DISMISSAL_FROM_OFFICE
    result = rules.required_form(act_forms=[F.DISMISSAL_FROM_OFFICE], running=F.REMOVAL, allowed=allowed)
    assert result.form == F.DISMISSAL_FROM_OFFICE


def test_the_forms_are_read_from_the_version_in_force_on_the_date():
    assert rules.form_set("CC", D(2025, 6, 30)).legal_basis.endswith("NĐ 112/2020/NĐ-CP")
    assert "NĐ 172/2025" in rules.form_set("CC", D(2025, 7, 1)).legal_basis
    assert rules.forms_for("CC_XA", False, D(2025, 7, 1)) == []


def test_the_handling_deadline_is_90_days_or_150_for_a_complex_case():
    assert rules.handling_deadline(D(2026, 1, 1), is_complex=False) == D(2026, 4, 1)
    assert rules.handling_deadline(D(2026, 1, 1), is_complex=True) == D(2026, 5, 31)
    assert rules.handling_deadline(D(2020, 6, 30), is_complex=False) is None  # no such limit recorded before


def test_a_corrected_period_applies_from_its_date_and_keeps_the_history(board):
    rule_version_append(
        actor=board,
        model=DisciplineRule,
        code="effect_months",
        valid_from=D(2027, 1, 1),
        value={"KHIEN_TRACH": 3, "CANH_CAO": 12, "CACH_CHUC": 12},
        legal_basis="Văn bản giả định (kiểm thử)",
    )
    assert rules.effective_until(F.REPRIMAND, D(2026, 12, 15)) == D(2027, 6, 14)
    assert rules.effective_until(F.REPRIMAND, D(2027, 1, 1)) == D(2027, 3, 31)
    assert DisciplineRule.objects.filter(code="effect_months").count() == 2


def test_no_acts_is_an_error():
    assert rules.required_form(act_forms=[], running=None, allowed=[]).error


def test_sanction_periods_and_promotion_waits():
    assert rules.effective_until(F.REPRIMAND, D(2026, 1, 15)) == D(2026, 7, 14)
    assert rules.effective_until(F.FORCED_RESIGNATION, D(2026, 1, 15)) is None
    assert rules.promotion_wait_end(F.REPRIMAND, D(2026, 1, 15)) == D(2028, 1, 15)
    assert rules.promotion_wait_end(F.WARNING, D(2026, 1, 15)) == D(2029, 1, 15)
    assert rules.promotion_wait_end(F.REMOVAL, D(2026, 1, 15)) == D(2031, 1, 15)
