"""The due-raises page at size: the current row flag, the SQL candidates equal to the rule, the summary and the
keyset paging of a month's list."""

import datetime
import itertools
from decimal import Decimal

import pytest

from canbo.salary import rules, selectors, views
from canbo.salary.models import SalaryGrade, SalaryRecord, SalaryScale
from canbo.salary.services import salary_record_create
from tests.factories import PersonFactory

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: D(2026, 12, 7))


def test_only_the_newest_row_is_current_whatever_the_order_rows_are_added(alice, graded, a1):
    salary_record_create(
        actor=alice, person=graded, kind="PHU_CAP", effective_on=D(2025, 6, 1), scale=a1, step=3
    )
    salary_record_create(
        actor=alice, person=graded, kind="XEP_LUONG", effective_on=D(2020, 1, 1), scale=a1, step=2
    )
    current = SalaryRecord.objects.filter(person=graded, is_current=True)
    assert list(current.values_list("effective_on", flat=True)) == [D(2025, 6, 1)]


def test_the_sql_base_months_are_those_of_next_step(a1):
    """rules.base_months_expression (the SQL filter) gives next_step's base months for every scale, step and %."""
    step_rules = rules.step_rules_on(D(2027, 1, 31))
    grades: dict[int, dict[int, Decimal]] = {}
    for scale_id, step, coefficient in SalaryGrade.objects.values_list("scale_id", "step", "coefficient"):
        grades.setdefault(scale_id, {})[step] = coefficient
    scales = SalaryScale.objects.in_bulk(list(grades))
    tops = {pk: (scales[pk].training_class, max(g)) for pk, g in grades.items()}
    expression = rules.base_months_expression(scales=tops, step_rules=step_rules)
    person = PersonFactory()
    checked = 0
    for (scale_id, steps), percent in itertools.product(list(grades.items())[:6], (0, 5, 7)):
        for step in (1, max(steps)):
            if percent and step != max(steps):
                continue
            record = SalaryRecord.objects.create(
                person=person, unit=person.current_unit, kind="XEP_LUONG", effective_on=D(2000, 1, 1) + datetime.timedelta(days=checked),
                counted_from=D(2000, 1, 1), scale_id=scale_id, step=step, coefficient=steps[step], seniority_percent=percent,
            )  # fmt: skip
            sql = SalaryRecord.objects.annotate(m=expression).get(pk=record.pk).m
            rule = step_rules[scales[scale_id].training_class]
            assert (
                sql
                == rules.next_step(step=step, seniority_percent=percent, grades=steps, rule=rule).base_months
            )
            checked += 1
    assert checked >= 12


def _graded_many(alice, unit, a1, n):
    """n persons at A1 step 3 counted from 01/01/2024: all due on 01/01/2027."""
    for i in range(n):
        person = PersonFactory(full_name=f"Người {i:02d}", current_unit=unit)
        salary_record_create(
            actor=alice, person=person, kind="XEP_LUONG", effective_on=D(2024, 1, 1), scale=a1, step=3
        )


def test_the_page_shows_the_summary_and_pages_the_month_by_cursor(client, alice, tree, a1, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 4)
    _graded_many(alice, tree["dept_a"], a1, 10)
    client.force_login(alice)
    response = client.get("/luong/?month=01/2027&sap_xep=ten")
    page = response.context["page"]
    assert response.context["summary"].due == 10 and response.context["summary"].regular == 10
    assert page.count == 10 and page.has_next and not page.has_previous
    seen = [r.person.full_name for r in page]
    while page.has_next:
        page = client.get("/luong/" + page.next_url).context["page"]
        seen += [r.person.full_name for r in page]
    assert seen == sorted(seen) and len(seen) == len(set(seen)) == 10
    back = client.get("/luong/" + page.previous_url).context["page"]
    assert [r.person.full_name for r in back] == seen[4:8]


def test_a_tampered_cursor_gives_the_first_page_and_a_kind_filter_narrows(client, alice, tree, a1):
    _graded_many(alice, tree["dept_a"], a1, 3)
    client.force_login(alice)
    response = client.get("/luong/?month=01/2027&sau=xyz")
    assert response.status_code == 200 and response.context["page"].count == 3
    assert client.get("/luong/?month=01/2027&kind=VUOT_KHUNG").context["page"].count == 0


def test_someone_outside_the_unit_is_not_counted(client, alice, outsider_person, a1, board):
    salary_record_create(
        actor=board, person=outsider_person, kind="XEP_LUONG", effective_on=D(2024, 1, 1), scale=a1, step=3
    )
    assert selectors.raises_due(user=alice, month=D(2027, 1, 1)) == []
    assert [r.person for r in selectors.raises_due(user=board, month=D(2027, 1, 1))] == [outsider_person]
