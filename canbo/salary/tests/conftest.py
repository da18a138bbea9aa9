import datetime

import pytest

from canbo.people.models import Rank
from canbo.salary.models import SalaryScale
from canbo.salary.services import salary_record_create

D = datetime.date


@pytest.fixture
def a1(db):
    return SalaryScale.objects.get(code="A1")


@pytest.fixture
def graded(alice, anh, a1):
    """Ánh, chuyên viên (A1), at step 3 (3,00) counted from 01/01/2024: the next step is due on 01/01/2027."""
    anh.rank = Rank.objects.get(code="01.003")
    anh.save(update_fields=["rank"])
    salary_record_create(
        actor=alice,
        person=anh,
        kind="XEP_LUONG",
        effective_on=D(2024, 1, 1),
        scale=a1,
        step=3,
        decision_number="1/QĐ-SNV",
        decision_date=D(2023, 12, 20),
        allowances=[{"kind": "KHU_VUC", "coefficient": "0,5"}],
    )
    anh.refresh_from_db()
    return anh
