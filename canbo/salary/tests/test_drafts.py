"""The raise decision drafts (.docx): one person's raise, the batch under one decision with its annex, the
button on the pages, and the doors (outside → 404, read-only or partial batch → 403, not a raise → 404)."""

import datetime

import pytest
from django.urls import reverse
from docx import Document

from canbo.decisions.registry import kind_for
from canbo.decisions.tests.conftest import docx_text, download
from canbo.salary.docx import build
from canbo.salary.drafts import coefficient_text
from canbo.salary.models import SalaryRecord
from canbo.salary.services import salary_raise, salary_raise_batch, salary_record_create
from tests.factories import PersonFactory

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: D(2027, 1, 5))


@pytest.fixture
def raised(alice, graded):
    return salary_raise(actor=alice, person=graded, decision_number="12/QĐ-SA", decision_date=D(2026, 12, 20))


@pytest.fixture
def cuc(alice, tree, a1):
    person = PersonFactory(full_name="Lò Thị Cúc", gender="NU", current_unit=tree["dept_a"])
    salary_record_create(actor=alice, person=person, kind="XEP_LUONG", effective_on=D(2023, 6, 1), scale=a1,
                         step=1, decision_number="2/QĐ-SNV")  # fmt: skip
    return person


def test_one_raise_is_drafted_with_its_steps_dates_and_grounds(client, alice, raised):
    response = download(client, alice, "step_raise", raised.pk)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('nang-luong-nguyen-van-anh.docx"')
    text = docx_text(response.content)
    assert "Về việc nâng bậc lương thường xuyên đối với công chức" in text
    new = coefficient_text(raised.coefficient)
    assert f"nâng bậc lương thường xuyên từ bậc 3, hệ số 3,00 lên bậc 4, hệ số {new}" in text
    assert "kể từ ngày 01/01/2027" in text and "Số: 12/QĐ-SA" in text
    assert "Nghị định số 204/2004/NĐ-CP" in text
    assert "được sửa đổi, bổ sung bởi Thông tư số 03/2021/TT-BNV" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text


def test_the_grounds_are_those_in_force_on_the_decision_date(alice, graded, a1):
    row = SalaryRecord.objects.get(person=graded)
    row.kind, row.decision_date = "THUONG_XUYEN", D(2019, 5, 1)
    context = kind_for("step_raise").context([row])
    assert any("Thông tư số 08/2013/TT-BNV" in g and "03/2021" not in g for g in context["grounds"])


def test_a_batch_decision_is_one_draft_with_its_annex(client, alice, graded, cuc):
    done = salary_raise_batch(actor=alice, persons=[graded, cuc], decision_number="30/QĐ-SA",
                              decision_date=D(2026, 12, 28))  # fmt: skip
    response = download(client, alice, "step_raise", done[0].pk)
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "Nâng bậc lương thường xuyên đối với 02 cán bộ, công chức có tên trong danh sách" in text
    rows = [line for line in text.splitlines() if "Lò Thị Cúc" in line or "Nguyễn Văn Ánh" in line]
    assert len(rows) == 2
    assert rows[0].startswith("1 | Nguyễn Văn Ánh") and "bậc 4" in rows[0] and "01/01/2027" in rows[0]
    assert rows[1].startswith("2 | Lò Thị Cúc") and "bậc 1, hệ số 2,34 | bậc 2, hệ số 2,67" in rows[1]
    assert "(Kèm theo Quyết định số 30/QĐ-SA ngày 28/12/2026" in text


def test_a_batch_with_people_outside_the_users_units_is_refused(client, alice, charlie, graded, outsider_person,
                                                                   cuc, a1, board):  # fmt: skip
    salary_record_create(actor=board, person=outsider_person, kind="THUONG_XUYEN", effective_on=D(2026, 11, 1),
                         scale=a1, step=2, decision_number="30/QĐ-SA", decision_date=D(2026, 12, 28))  # fmt: skip
    done = salary_raise_batch(actor=alice, persons=[graded, cuc], decision_number="30/QĐ-SA",
                              decision_date=D(2026, 12, 28))  # fmt: skip
    assert download(client, alice, "step_raise", done[0].pk).status_code == 403
    assert download(client, board, "step_raise", done[0].pk).status_code == 200


def test_the_doors(client, alice, bob, charlie, dana, raised, graded):
    assert download(client, charlie, "step_raise", raised.pk).status_code == 404  # outside
    assert download(client, bob, "step_raise", raised.pk).status_code == 403  # reads only
    assert download(client, dana, "step_raise", raised.pk).status_code == 404
    initial = SalaryRecord.objects.get(person=graded, kind="XEP_LUONG")
    assert download(client, alice, "step_raise", initial.pk).status_code == 404  # not a raise
    assert download(client, alice, "step_raise", "abc").status_code == 404


def test_the_button_is_shown_to_those_who_may_draft(client, alice, bob, raised, graded):
    url = f"/quyet-dinh/du-thao/step_raise/{raised.pk}/"
    client.force_login(alice)
    assert url in client.get(reverse("salary:person", args=[graded.uuid])).content.decode()
    client.force_login(bob)
    assert url not in client.get(reverse("salary:person", args=[graded.uuid])).content.decode()


def test_after_the_batch_raise_the_page_offers_the_draft(client, alice, graded):
    client.force_login(alice)
    response = client.post(reverse("salary:batch_raise") + "?month=01/2027",
                           {"person": [graded.uuid], "decision_number": "7/QĐ"}, follow=True)  # fmt: skip
    row = SalaryRecord.objects.get(person=graded, kind="THUONG_XUYEN")
    assert f"/quyet-dinh/du-thao/step_raise/{row.pk}/" in response.content.decode()


def test_the_shipped_templates_are_the_ones_the_script_builds(tmp_path):
    for code in build.KINDS:
        build.build(code, tmp_path / f"{code}.docx")
        rebuilt = [p.text for p in Document(tmp_path / f"{code}.docx").paragraphs]
        shipped = [p.text for p in Document(build.HERE / f"{code}.docx").paragraphs]
        assert rebuilt == shipped, code
        assert kind_for(code).default_template_path == build.HERE / f"{code}.docx"
