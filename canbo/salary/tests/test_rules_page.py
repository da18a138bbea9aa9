"""The salary rules are dated SalaryRule rows on the "Căn cứ pháp lý" page, read by the date they judge; a
correction there is a new version from its date, and the history before it is unchanged."""

import datetime

from canbo.core.rulebook import rule_version_append
from canbo.salary import rules, selectors
from canbo.salary.models import SalaryRule

D = datetime.date
URL = "/can-cu-phap-ly/"


def test_the_page_lists_the_salary_rules_in_force_with_their_source(client, board):
    client.force_login(board)
    page = client.get(URL, {"on": "01/07/2024"}).content.decode()
    assert "Tiền lương" in page and "2.340.000" in page and "NĐ 73/2024/NĐ-CP" in page
    assert "Thời gian giữ bậc để nâng bậc (tháng)" in page and "5 %" in page
    assert "15 %" in page and "Kéo dài thời gian nâng bậc lương khi bị kỷ luật khiển trách" in page
    page = client.get(URL, {"on": "30/06/2024"}).content.decode()
    assert "1.800.000" in page and "2.340.000" not in page and "NĐ 24/2023/NĐ-CP" in page


def test_the_quota_changes_with_tt_03_2021(db):
    assert rules.quota_share_on(D(2021, 8, 14)) == 10
    assert rules.quota_share_on(D(2021, 8, 15)) == 15


def test_step_rules_by_training_class(db):
    step = rules.step_rules_on(D(2026, 1, 1))
    assert step["CAO_DANG_TRO_LEN"].step_months == 36 and step["TRUNG_CAP_TRO_XUONG"].step_months == 24
    assert step["CAO_DANG_TRO_LEN"].seniority_first_percent == 5
    assert "TT 08/2013/TT-BNV" in step["CAO_DANG_TRO_LEN"].legal_basis
    assert rules.step_rules_on(D(2013, 9, 14)) == {}  # before TT 08/2013: no rule recorded


def test_a_correction_of_the_base_salary_applies_from_its_date_only(client, board, graded):
    client.force_login(board)
    url = f"{URL}salary.salaryrule/base_salary/"
    bad = client.post(url, {"valid_from": "01/07/2026", "value": '"2527200"', "legal_basis": "NĐ giả định"})
    assert bad.status_code == 400 and "cùng kiểu" in bad.content.decode()
    done = client.post(url, {"valid_from": "01/07/2026", "value": "2527200", "legal_basis": "NĐ giả định"})
    assert done.status_code == 302
    assert rules.base_salary_on(D(2026, 6, 30)) == 2_340_000
    assert rules.base_salary_on(D(2026, 7, 1)) == 2_527_200
    versions = list(SalaryRule.objects.filter(code="base_salary").order_by("valid_from"))
    assert versions[-2].valid_to == D(2026, 6, 30) and versions[-1].legal_basis == "NĐ giả định"
    row = selectors.salary_history(person=graded)[0]  # dated before 2024: its base salary is unchanged
    assert row.base_salary == 1_800_000


def test_others_cannot_correct_a_salary_rule(client, alice):
    client.force_login(alice)
    response = client.post(
        f"{URL}salary.salaryrule/base_salary/", {"valid_from": "01/07/2026", "value": "1", "legal_basis": "x"}
    )
    assert response.status_code == 403
    assert rules.base_salary_on(D(2026, 7, 1)) == 2_340_000


def test_a_version_cannot_be_appended_before_the_current_one(board):
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        rule_version_append(
            actor=board,
            model=SalaryRule,
            code="base_salary",
            valid_from=D(2024, 1, 1),
            value=1,
            legal_basis="x",
        )
