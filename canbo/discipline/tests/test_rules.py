import datetime

from canbo.discipline import rules
from canbo.discipline.models import DisciplineForm as F

D = datetime.date


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


def test_a_heavier_new_act_keeps_its_own_form():
    allowed = rules.forms_for("CC", True, D(2026, 1, 1))
    assert rules.required_form(act_forms=[F.REMOVAL], running=F.REPRIMAND, allowed=allowed).form == F.REMOVAL


def test_no_acts_is_an_error():
    assert rules.required_form(act_forms=[], running=None, allowed=[]).error


def test_sanction_periods_and_promotion_waits():
    assert rules.effective_until(F.REPRIMAND, D(2026, 1, 15)) == D(2026, 7, 14)
    assert rules.effective_until(F.FORCED_RESIGNATION, D(2026, 1, 15)) is None
    assert rules.promotion_wait_end(F.REPRIMAND, D(2026, 1, 15)) == D(2028, 1, 15)
    assert rules.promotion_wait_end(F.WARNING, D(2026, 1, 15)) == D(2029, 1, 15)
    assert rules.promotion_wait_end(F.REMOVAL, D(2026, 1, 15)) == D(2031, 1, 15)
