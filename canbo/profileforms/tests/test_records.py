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


def _in_order(text: str, items) -> None:
    positions = [text.index(item) for item in items]
    assert positions == sorted(positions), items


def test_the_2c_follows_the_forms_numbering_and_hints(full_dossier):
    text = form_2c(dossier_records(person=full_dossier, on=TODAY)).text()

    _in_order(
        text,
        [f"{n}) " for n in range(1, 15)]
        + ["Phụ cấp chức vụ", "15.1- ", "15.2- ", "15.3- ", "15.4- ", "15.5- ", "15.6- "]
        + [f"{n}) " for n in range(16, 33)],
    )
    for heading in (
        "27) Đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, lý luận chính trị, ngoại ngữ, tin học",
        "28) Tóm tắt quá trình công tác",
        "29) Đặc điểm lịch sử bản thân:",
        "30) Quan hệ gia đình",
        "a) Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột",
        "b) Về bên vợ (hoặc chồng): Cha, Mẹ, anh chị em ruột",
        "31) Diễn biến quá trình lương của cán bộ, công chức",
        "32) Nhận xét, đánh giá của cơ quan, đơn vị quản lý và sử dụng cán bộ, công chức",
        "(Số nhà, đường phố, thành phố, xóm, thôn, xã, huyện, tỉnh)",
        "(Về chính quyền hoặc Đảng, đoàn thể, kể cả chức vụ kiêm nhiệm)",
        "(Hình thức cao nhất, năm nào)",
        "(Con thương binh, con liệt sĩ, người nhiễm chất độc da cam Dioxin)",
        "3) Sinh ngày: ",
        "Ngày hưởng: ",
    ):
        assert heading in text, heading
    assert "NGUYỄN VĂN ÁNH" in text
    assert "Mẫu 2C-BNV/2008" in text
    assert "Bằng khen năm 2025" in text and "Cảnh cáo" in text
    assert "Nguyễn Văn Bố" in text and "Lò Thị Mẹ" in text
    assert "3,33" in text and "01.003/4" in text
    assert "Năm 2024: Hoàn thành xuất sắc nhiệm vụ" in text


def test_the_2c_salary_row_has_nine_columns_as_printed(full_dossier):
    form = form_2c(dossier_records(person=full_dossier, on=TODAY))
    salary = next(b for b in form.blocks if getattr(b, "columns", [("",)])[0][0] == "Tháng/năm")
    assert len(salary.columns) == 10  # the row title and nine changes


def test_the_syll_has_the_38_items_of_tt_06_2023(full_dossier):
    form = form_syll(dossier_records(person=full_dossier, on=BEFORE))
    text = form.text()

    _in_order(text, [f"{n}) " for n in range(1, 39)])
    for item in (
        "Cơ quan quản lý cán bộ, công chức, viên chức:",
        "Cơ quan, đơn vị sử dụng cán bộ, công chức, viên chức:",
        f"Số hiệu: {full_dossier.code}",
        "Mã số định danh:",
        "8) Số CCCD: ",
        "13) Ngày được tuyển dụng lần đầu: 01/01/2010",
        "30.1) Ngạch/chức danh nghề nghiệp",
        "32.1- Chuyên môn (từ trung cấp trở lên cả trong nước và nước ngoài)",
        "32.2- Lý luận chính trị",
        "32.6- Ngoại ngữ/ tiếng dân tộc",
        "33) TÓM TẮT QUÁ TRÌNH CÔNG TÁC",
        "34.2- Bản thân có làm việc cho chế độ cũ",
        "35.1- Thành tích thi đua, khen thưởng",
        "35.2- Kỷ luật Đảng/hành chính",
        "36.1- Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột",
        "37.1- Quá trình lương của bản thân",
        "38) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, TỔ CHỨC, ĐƠN VỊ SỬ DỤNG",
    ):
        assert item in text, item
    assert not form.header.motto
    assert "88/QĐ-UBND" not in text and "9/QĐ-KL" not in text
    assert "Không có thân nhân ở nước ngoài." in text


def test_the_syll_files_each_training_in_its_own_table(full_dossier):
    form = form_syll(dossier_records(person=full_dossier, on=TODAY))
    blocks = form.blocks
    titles = [n for n, b in enumerate(blocks) if getattr(b, "text", "").startswith("32.")]
    tables = {blocks[n].text[:4]: blocks[n + 1] for n in titles}
    professional = [row[2] for row in tables["32.1"].rows]
    assert "Đại học Luật Hà Nội" in professional and "Học viện Hành chính Quốc gia" in professional
    assert [row[2] for row in tables["32.6"].rows] == []


def test_a_reader_not_entitled_gets_no_family_and_no_health(full_dossier):
    records = dossier_records(person=full_dossier, on=TODAY, sensitive=False)
    assert records.family_own == [] and records.family_spouse == [] and records.health is None
    for build in (form_2c, form_syll):
        text = build(records).text()
        assert "Nguyễn Văn Bố" not in text and "Lò Thị Mẹ" not in text
        assert "thông tin cá nhân nhạy cảm" in text


def test_rank_and_salary_are_those_in_force_on_the_date(full_dossier):
    from canbo.accounts.models import Role
    from canbo.people.models import Rank
    from canbo.salary.models import SalaryScale
    from canbo.salary.services import salary_record_create
    from tests.factories import UserFactory, grant

    officer = grant(UserFactory(), Role.UNIT_OFFICER, full_dossier.current_unit)
    scale = SalaryScale.objects.get(code="A1")
    salary_record_create(
        actor=officer,
        person=full_dossier,
        kind="THUONG_XUYEN",
        effective_on=datetime.date(2019, 1, 1),
        scale=scale,
        step=3,
    )
    promoted = Rank.objects.exclude(pk=full_dossier.rank_id).filter(code__startswith="01.").first()
    full_dossier.rank = promoted
    full_dossier.save()
    salary_record_create(
        actor=officer,
        person=full_dossier,
        kind="NANG_NGACH",
        effective_on=datetime.date(2024, 1, 1),
        scale=scale,
        step=5,
        allowances=[{"kind": "CHUC_VU", "coefficient": "0,3"}],
    )

    then = dossier_records(person=full_dossier, on=datetime.date(2020, 6, 1))
    now = dossier_records(person=full_dossier, on=TODAY)
    assert (then.salary_now.rank_code, then.salary_now.step) == ("01.003", 3)
    assert (now.salary_now.rank_code, now.salary_now.step) == (promoted.code, 5)
    old_2c, old_syll = form_2c(then).text(), form_syll(then).text()
    assert "Mã ngạch: 01.003" in old_2c and "Bậc lương: 3" in old_2c and "Ngày hưởng: 01/01/2019" in old_2c
    assert promoted.name not in old_2c and promoted.name not in old_syll
    assert "Mã số: 01.003" in old_syll
    new_2c, new_syll = form_2c(now).text(), form_syll(now).text()
    assert f"Mã ngạch: {promoted.code}" in new_2c and "Phụ cấp chức vụ: 0,30" in new_2c
    assert (
        f"Mã số: {promoted.code}" in new_syll
        and "Ngày bổ nhiệm ngạch/chức danh nghề nghiệp: 01/01/2024" in new_syll
    )


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
