import datetime

import pytest

from canbo.emulation.services import award_revoke
from canbo.profileforms.layouts import form_2c, form_syll
from canbo.profileforms.records import dossier_records

from .conftest import BEFORE

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 7)


def test_every_section_is_filled_from_the_records(full_dossier):
    records = dossier_records(person=full_dossier, on=TODAY)

    assert [e.start_date.year for e in records.career] == [2010, 2024]
    assert records.highest["PROFESSIONAL"] == "Thạc sĩ (Quản lý công)"
    assert {t.school for t in records.training} >= {"Đại học Luật Hà Nội", "Trường Chính trị tỉnh"}
    assert [r.year for r in records.ratings] == [2022, 2024]
    assert [a.year for a in records.awards] == [2020, 2025]
    assert [d.decision_number for d in records.discipline] == ["7/QĐ-KL", "9/QĐ-KL"]
    assert [m.full_name for m in records.family_own] == ["Nguyễn Văn Bố", "Nguyễn Văn Con"]
    assert [m.full_name for m in records.family_spouse] == ["Lò Thị Mẹ"]
    assert records.history.detention == "Không bị bắt, bị tù."
    assert records.photo is not None
    assert records.salary[0].rank_code == "01.003" and records.salary[0].step == 4


def test_as_of_a_date_leaves_out_the_later_rows(full_dossier):
    records = dossier_records(person=full_dossier, on=BEFORE)

    assert [e.start_date.year for e in records.career] == [2010]
    assert records.employment.end_date.year == 2023  # in force then; printed as running ("nay")
    assert records.highest["PROFESSIONAL"] == "Đại học (Luật)"
    assert all((t.start or t.end) <= BEFORE for t in records.training)
    assert "Quản lý công" not in {t.field for t in records.training}
    assert [r.year for r in records.ratings] == [2022]
    assert [a.year for a in records.awards] == [2020]
    assert [d.decision_number for d in records.discipline] == ["7/QĐ-KL"]
    assert [m.full_name for m in records.family_own] == ["Nguyễn Văn Bố"]  # the child was born in 2024


def test_a_revoked_award_is_printed_until_its_revocation(full_dossier, alice):
    award = full_dossier.awards.get(year=2020)
    award_revoke(
        actor=alice, award=award, on=datetime.date(2022, 1, 1), decision_number="2/QĐ-H", reason="Sai"
    )

    assert [a.year for a in dossier_records(person=full_dossier, on=datetime.date(2021, 6, 1)).awards] == [
        2020
    ]
    assert dossier_records(person=full_dossier, on=BEFORE).awards == []


def test_the_2c_follows_the_forms_numbering(full_dossier):
    text = form_2c(dossier_records(person=full_dossier, on=TODAY)).text()

    positions = [
        text.index(item)
        for item in (
            "1) Họ và tên khai sinh",
            "14) Ngạch công chức",
            "21) Khen thưởng",
            "27) ĐÀO TẠO",
            "28) TÓM TẮT",
            "29) ĐẶC ĐIỂM",
            "30) QUAN HỆ GIA ĐÌNH",
            "31) DIỄN BIẾN",
            "32) NHẬN XÉT",
        )
    ]
    assert positions == sorted(positions)
    assert "NGUYỄN VĂN ÁNH" in text
    assert "Mẫu 2C-BNV/2008" in text
    assert "Bằng khen năm 2025" in text and "Cảnh cáo" in text
    assert "Nguyễn Văn Bố" in text and "Lò Thị Mẹ" in text
    assert "3,33" in text and "01.003/4" in text
    assert "Năm 2024: Hoàn thành xuất sắc nhiệm vụ" in text


def test_the_syll_carries_the_national_motto_and_every_part(full_dossier):
    form = form_syll(dossier_records(person=full_dossier, on=BEFORE))
    text = form.text()

    assert form.header.motto
    for part in (
        "I. THÔNG TIN CHUNG",
        "II. QUÁ TRÌNH ĐÀO TẠO",
        "III. TÓM TẮT QUÁ TRÌNH CÔNG TÁC",
        "IV. ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN",
        "V. QUAN HỆ GIA ĐÌNH",
        "VI. DIỄN BIẾN QUÁ TRÌNH LƯƠNG",
        "VII. KẾT QUẢ ĐÁNH GIÁ",
        "VIII. KHEN THƯỞNG",
        "IX. KỶ LUẬT",
    ):
        assert part in text
    assert "tính đến ngày 30/06/2023" in text
    assert "88/QĐ-UBND" not in text and "9/QĐ-KL" not in text
    assert "Không có thân nhân ở nước ngoài." in text


def test_the_salary_rows_come_from_the_salary_history(full_dossier, django_user_model):
    from canbo.accounts.models import Role
    from canbo.salary.models import SalaryScale
    from canbo.salary.services import salary_record_create
    from tests.factories import UserFactory, grant

    officer = grant(UserFactory(), Role.UNIT_OFFICER, full_dossier.current_unit)
    scale = SalaryScale.objects.get(code="A1")
    for day, step in ((datetime.date(2019, 1, 1), 3), (datetime.date(2022, 1, 1), 4)):
        salary_record_create(
            actor=officer, person=full_dossier, kind="THUONG_XUYEN", effective_on=day, scale=scale, step=step
        )
    rows = dossier_records(person=full_dossier, on=TODAY).salary
    assert [(r.since, r.step) for r in rows] == [
        (datetime.date(2019, 1, 1), 3),
        (datetime.date(2022, 1, 1), 4),
    ]
    assert [r.step for r in dossier_records(person=full_dossier, on=datetime.date(2020, 6, 1)).salary] == [3]
