"""Salary history and raises: 36 vs 35 months, discipline and unpaid leave, vượt khung, early raises and quota."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from canbo.discipline.models import DisciplineRecord
from canbo.salary import rules, selectors
from canbo.salary.models import EarlyRaiseReason, SalaryRecord, SalaryScale
from canbo.salary.services import (
    salary_raise,
    salary_raise_batch,
    salary_raise_early,
    salary_record_create,
    unpaid_leave_add,
)
from tests.factories import PersonFactory

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: D(2026, 12, 7))


def due_in(user, month, **kw):
    return [r.person.full_name for r in selectors.raises_due(user=user, month=month, **kw)]


def test_a_row_keeps_the_person_in_step_and_is_audited(graded):
    assert (graded.salary_step, graded.salary_coefficient) == (3, Decimal("3.00"))
    record = graded.salary_records.get()
    assert record.allowances.get().coefficient == Decimal("0.50")
    from auditlog.models import LogEntry

    assert LogEntry.objects.filter(object_pk=str(record.pk), actor__username="alice").exists()


def test_the_raise_falls_due_after_36_months_not_35(alice, graded):
    assert due_in(alice, D(2026, 12, 1)) == []
    assert due_in(alice, D(2027, 1, 1)) == ["Nguyễn Văn Ánh"]


def test_a_lower_rank_is_due_after_24_months(alice, outsider_person, tree, board):
    person = PersonFactory(full_name="Lò Văn Bảo", current_unit=tree["dept_a"])
    salary_record_create(
        actor=alice, person=person, kind="XEP_LUONG", effective_on=D(2025, 1, 1),
        scale=SalaryScale.objects.get(code="B"), step=2,
    )  # fmt: skip
    assert due_in(alice, D(2026, 12, 1)) == []
    assert due_in(alice, D(2027, 1, 1)) == ["Lò Văn Bảo"]


def test_a_reprimand_pushes_the_raise_back_6_months_and_cach_chuc_12(alice, graded):
    DisciplineRecord.objects.create(
        person=graded, form="KHIEN_TRACH", decision_number="3/QĐ", decided_on=D(2025, 3, 1)
    )
    assert due_in(alice, D(2027, 1, 1)) == []
    assert due_in(alice, D(2027, 7, 1)) == ["Nguyễn Văn Ánh"]
    DisciplineRecord.objects.create(
        person=graded, form="CACH_CHUC", decision_number="4/QĐ", decided_on=D(2025, 9, 1)
    )
    assert due_in(alice, D(2028, 7, 1)) == ["Nguyễn Văn Ánh"]


def test_a_discipline_before_the_step_does_not_delay_it(alice, graded):
    DisciplineRecord.objects.create(
        person=graded, form="CANH_CAO", decision_number="2/QĐ", decided_on=D(2023, 6, 1)
    )
    assert due_in(alice, D(2027, 1, 1)) == ["Nguyễn Văn Ánh"]


def test_unpaid_leave_pushes_the_raise_back(alice, graded):
    leave = unpaid_leave_add(actor=alice, person=graded, start_date=D(2025, 3, 1), end_date=D(2025, 4, 30))
    assert leave.counted_months == 2
    assert due_in(alice, D(2027, 1, 1)) == []
    assert due_in(alice, D(2027, 3, 1)) == ["Nguyễn Văn Ánh"]


@pytest.mark.parametrize(
    "start,end,months",
    [
        (D(2025, 3, 1), D(2025, 3, 31), "1"),  # a whole month
        (D(2025, 3, 3), D(2025, 3, 14), "0"),  # 10 working days: not counted
        (D(2025, 3, 3), D(2025, 3, 17), "0.5"),  # 11 working days: half a month
        (D(2025, 3, 3), D(2025, 4, 1), "1"),  # 22 working days: one month
    ],
)
def test_odd_days_of_unpaid_leave_count_by_working_days(start, end, months):
    assert rules.months_not_counted(start, end) == Decimal(months)


def test_overdue_raises_are_listed_only_when_asked(alice, graded):
    assert due_in(alice, D(2027, 3, 1)) == []
    assert due_in(alice, D(2027, 3, 1), include_overdue=True) == ["Nguyễn Văn Ánh"]


def test_the_regular_raise_gives_the_next_step_and_keeps_the_allowances(alice, graded):
    record = salary_raise(actor=alice, person=graded, decision_number="9/QĐ", decision_date=D(2026, 12, 1))
    assert (record.kind, record.step, record.coefficient) == ("THUONG_XUYEN", 4, Decimal("3.33"))
    assert record.effective_on == D(2027, 1, 1) and record.allowances.get().kind == "KHU_VUC"
    graded.refresh_from_db()
    assert (graded.salary_step, graded.salary_coefficient) == (4, Decimal("3.33"))
    assert graded.salary_records.count() == 2  # history appended, never overwritten


def test_a_raise_before_its_date_is_refused(alice, graded):
    with pytest.raises(ValidationError) as err:
        salary_raise(
            actor=alice, person=graded, decision_number="9/QĐ", decision_date=D(2026, 12, 1),
            effective_on=D(2026, 12, 31),
        )  # fmt: skip
    assert "01/01/2027" in str(err.value)
    assert graded.salary_records.count() == 1


def _at_top(alice, person, since, percent=0):
    return salary_record_create(
        actor=alice, person=person, kind="VUOT_KHUNG" if percent else "THUONG_XUYEN", effective_on=since,
        scale=SalaryScale.objects.get(code="A1"), step=9, seniority_percent=percent, decision_number="x",
    )  # fmt: skip


def test_vuot_khung_5_percent_after_36_months_at_the_top_step(alice, anh):
    _at_top(alice, anh, D(2024, 1, 1))
    assert due_in(alice, D(2026, 12, 1)) == []
    due = selectors.raises_due(user=alice, month=D(2027, 1, 1))
    assert [(r.next.kind, r.next.seniority_percent) for r in due] == [("VUOT_KHUNG", 5)]
    record = salary_raise(actor=alice, person=anh, decision_number="5/QĐ", decision_date=D(2026, 12, 1))
    assert (record.kind, record.step, record.seniority_percent) == ("VUOT_KHUNG", 9, 5)


def test_vuot_khung_adds_1_percent_after_12_months(alice, anh):
    _at_top(alice, anh, D(2026, 1, 1), percent=7)
    assert due_in(alice, D(2026, 12, 1)) == []
    due = selectors.raises_due(user=alice, month=D(2027, 1, 1))
    assert [(r.next.kind, r.next.seniority_percent) for r in due] == [("VUOT_KHUNG", 8)]


def test_a_wrong_coefficient_or_step_is_refused_and_nothing_written(alice, anh, a1):
    with pytest.raises(ValidationError) as err:
        salary_record_create(
            actor=alice, person=anh, kind="XEP_LUONG", effective_on=D(2024, 1, 1), scale=a1, step=3,
            coefficient=Decimal("3.10"),
        )  # fmt: skip
    assert "không khớp" in str(err.value)
    with pytest.raises(ValidationError) as err:
        salary_record_create(actor=alice, person=anh, kind="XEP_LUONG", effective_on=D(2024, 1, 1), scale=a1,
                             step=10, allowances=[{"kind": "KHU_VUC", "coefficient": "0,5", "percent": "5"}])  # fmt: skip
    assert "từ 1 đến 9" in str(err.value) and "một trong hai" in str(err.value)
    assert not SalaryRecord.objects.exists()


def test_two_rows_on_one_day_are_refused_by_the_service_and_the_database(alice, graded, a1):
    with pytest.raises(ValidationError):
        salary_record_create(actor=alice, person=graded, kind="PHU_CAP", effective_on=D(2024, 1, 1), scale=a1,
                             step=3)  # fmt: skip
    row = graded.salary_records.get()
    row.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()


def test_another_unit_cannot_write(charlie, bob, graded):
    for user in (charlie, bob):
        with pytest.raises(PermissionDenied):
            salary_raise(actor=user, person=graded, decision_number="9/QĐ", decision_date=D(2026, 12, 1))


def test_the_batch_is_all_or_nothing(alice, graded, tree):
    late = PersonFactory(full_name="Lò Thị Cúc", current_unit=tree["dept_a"])
    salary_record_create(actor=alice, person=late, kind="XEP_LUONG", effective_on=D(2025, 1, 1),
                         scale=SalaryScale.objects.get(code="A1"), step=1)  # fmt: skip
    with pytest.raises(ValidationError) as err:
        salary_raise_batch(actor=alice, persons=[graded, late], decision_number="10/QĐ", decision_date=None)
    assert "Lò Thị Cúc" in str(err.value)
    assert SalaryRecord.objects.count() == 2
    done = salary_raise_batch(actor=alice, persons=[graded], decision_number="10/QĐ", decision_date=None)
    assert [r.step for r in done] == [4]


def _reason(code="THANH_TICH_6"):
    return EarlyRaiseReason.objects.get(code=code)


def test_an_early_raise_within_the_reason_months(alice, graded, tree):
    for _ in range(6):  # 7 working persons in the office: 15 % → 1 place
        PersonFactory(current_unit=tree["dept_a_office"])
    with pytest.raises(ValidationError) as err:
        salary_raise_early(actor=alice, person=graded, reason=_reason(), months=6, effective_on=D(2026, 6, 1),
                           decision_number="11/QĐ", decision_date=None)  # fmt: skip
    assert "01/07/2026" in str(err.value)
    with pytest.raises(ValidationError) as err:
        salary_raise_early(actor=alice, person=graded, reason=_reason(), months=7, effective_on=D(2026, 7, 1),
                           decision_number="11/QĐ", decision_date=None)  # fmt: skip
    assert "tối đa 6 tháng" in str(err.value)
    record = salary_raise_early(actor=alice, person=graded, reason=_reason(), months=6,
                                effective_on=D(2026, 7, 1), decision_number="11/QĐ", decision_date=None)  # fmt: skip
    assert (record.kind, record.step, record.counted_from) == ("TRUOC_THOI_HAN", 4, D(2026, 7, 1))


def test_the_early_raise_quota_is_15_percent_of_the_unit(alice, graded, tree, a1):
    others = [PersonFactory(current_unit=tree["dept_a_office"]) for _ in range(6)]
    quota = selectors.early_raise_quota(unit=tree["dept_a_office"], year=2026)
    assert (quota.share_percent, quota.headcount, quota.quota) == (15, 7, 1)
    salary_raise_early(actor=alice, person=graded, reason=_reason(), months=6, effective_on=D(2026, 7, 1),
                       decision_number="11/QĐ", decision_date=None)  # fmt: skip
    second = others[0]
    salary_record_create(actor=alice, person=second, kind="XEP_LUONG", effective_on=D(2024, 1, 1), scale=a1,
                         step=2)  # fmt: skip
    with pytest.raises(ValidationError) as err:
        salary_raise_early(actor=alice, person=second, reason=_reason(), months=6, effective_on=D(2026, 7, 1),
                           decision_number="12/QĐ", decision_date=None)  # fmt: skip
    assert "hết chỉ tiêu" in str(err.value)
    # the retirement notice is outside the quota
    record = salary_raise_early(actor=alice, person=second, reason=_reason("NGHI_HUU"), months=6,
                                effective_on=D(2026, 7, 1), decision_number="12/QĐ", decision_date=None)  # fmt: skip
    assert record.early_reason.code == "NGHI_HUU"


def test_the_quota_share_was_10_percent_before_tt_03_2021():
    assert rules.quota_share_on(D(2020, 12, 31)) == 10
    assert rules.quota_share_on(D(2026, 12, 31)) == 15


def test_the_base_salary_in_force(graded):
    assert rules.base_salary_on(D(2024, 6, 30)) == 1_800_000
    assert rules.base_salary_on(D(2024, 7, 1)) == 2_340_000
    assert rules.base_salary_on(D(2019, 7, 1)) == 1_490_000
    row = selectors.salary_history(person=graded)[0]
    assert row.base_salary == 1_800_000 and row.monthly_salary == 5_400_000


def test_rules_are_dated_rows_with_their_legal_basis():
    for model in rules.RULE_MODELS:
        rows = list(model.objects.all())
        assert rows and all(r.legal_basis and r.valid_from for r in rows), model
