"""The demo's salary histories: consistent with the persons' current values, some raises due next month."""

import datetime

import pytest
from django.db.models import Count, Max

from canbo.core.dates import add_months
from canbo.demo.builder import build_demo, reset_demo
from canbo.people.choices import PersonStatus
from canbo.people.models import Person
from canbo.salary import selectors
from canbo.salary.models import SalaryRecord
from tests.shared_demo import shared_demo

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-salary")]  # one demo: tests/shared_demo.py
TODAY = datetime.date(2026, 12, 7)


def _today(*args, **kwargs):
    return TODAY


def _build():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.utils.timezone.localdate", _today)
        return build_demo(scale=300, seed=11)


@pytest.fixture(scope="module")
def built_demo(django_db_setup, django_db_blocker):
    return shared_demo(django_db_blocker, "demo-salary", _build)


@pytest.fixture
def demo(monkeypatch, built_demo):
    monkeypatch.setattr("django.utils.timezone.localdate", _today)
    return built_demo


def test_every_history_ends_at_the_persons_current_step_and_coefficient(demo):
    assert demo.salary["salary_records"] > demo.salary["persons"] > 0
    newest = dict(
        SalaryRecord.objects.values("person").annotate(d=Max("effective_on")).values_list("person", "d")
    )
    mismatched = [
        r.person_id
        for r in SalaryRecord.objects.select_related("person")
        if newest[r.person_id] == r.effective_on
        and (r.step, r.coefficient) != (r.person.salary_step, r.person.salary_coefficient)
    ]
    assert mismatched == []
    first_kinds = set(
        SalaryRecord.objects.filter(kind="XEP_LUONG")
        .values("person")
        .annotate(n=Count("pk"))
        .values_list("n", flat=True)
    )
    assert first_kinds == {1}  # one first grading per person
    assert not SalaryRecord.objects.filter(effective_on__gt=TODAY).exists()


def test_some_raises_are_due_next_month_and_none_is_overdue_without_a_reason(demo):
    working = Person.objects.filter(status=PersonStatus.WORKING)
    due = selectors.raises_due_for(working, month=datetime.date(2027, 1, 1))
    assert len(due) >= 1
    assert {r.due_on.replace(day=1) for r in due} == {datetime.date(2027, 1, 1)}
    overdue = selectors.raises_due_for(working, month=datetime.date(2026, 12, 1), include_overdue=True)
    assert all(r.delay_months for r in overdue if r.due_on < datetime.date(2026, 12, 1))
    assert all(r.due_on <= add_months(TODAY, 36) for r in due)


def test_the_demo_resets_with_its_salary_rows(demo):
    reset_demo()
    assert not SalaryRecord.objects.exists()
