"""The plan's due date is the dated `plan_due` rule of its year (on the "Căn cứ pháp lý" page), not a constant: a
correction applies to the plans of the years from its date, an earlier year keeps its due date."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from canbo.core.rulebook import rule_version_append, rules_in_force
from canbo.training import services
from canbo.training.models import TrainingRule
from canbo.training.services.plans import plan_due_date

D = datetime.date


def test_the_seeded_rule_gives_31_january(db):
    assert plan_due_date(2026) == D(2026, 1, 31)
    areas = dict(rules_in_force(D(2026, 12, 7)))
    assert [r.code for r in areas["Đào tạo, bồi dưỡng"]] == ["plan_due"]


def test_a_correction_applies_from_the_year_it_starts(board, tree):
    rule_version_append(
        actor=board,
        model=TrainingRule,
        code="plan_due",
        valid_from=D(2027, 1, 1),
        value={"day": 29, "month": 2},
        legal_basis="Văn bản thử nghiệm",
    )
    assert plan_due_date(2026) == D(2026, 1, 31)
    assert plan_due_date(2027) == D(2027, 2, 28)  # 29/02 in a year without it: the month's last day
    assert plan_due_date(2028) == D(2028, 2, 29)
    plan = services.plan_create(actor=board, year=2027, owner_unit=tree["province"])
    assert plan.due_date == D(2027, 2, 28)


def test_a_value_of_another_shape_is_refused(board):
    with pytest.raises(ValidationError):
        rule_version_append(
            actor=board,
            model=TrainingRule,
            code="plan_due",
            valid_from=D(2027, 1, 1),
            value=31,
            legal_basis="x",
        )
    assert plan_due_date(2027) == D(2027, 1, 31)
