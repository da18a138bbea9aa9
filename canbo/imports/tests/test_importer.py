import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry

from canbo.imports.importer import run_import
from canbo.people.models import Employment, Person, Qualification
from tests.factories import PersonFactory, QualificationFactory, national_id_for

from .files import BIRTH, history_row, person_row, qualification_row, write_file

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Person.objects.count(),
        Employment.objects.count(),
        Qualification.objects.count(),
        LogEntry.objects.count(),
    )


@pytest.fixture
def valid_file(tmp_path, tree):
    pao = person_row(1)
    hoa = person_row(2, full_name="Lò Thị Hoa", gender="Nữ", unit_code="SO_A", category="Viên chức")
    return write_file(
        tmp_path / "hop-le.xlsx",
        persons=[pao, hoa],
        history=[history_row(pao["national_id"])],
        qualifications=[
            qualification_row(pao["national_id"]),
            qualification_row(pao["national_id"], scale="Lý luận chính trị", level="Trung cấp", field=""),
            qualification_row(hoa["national_id"], level="Thạc sĩ", field="Kế toán"),
        ],
    )


def test_a_valid_file_imports_persons_history_and_qualifications(alice, valid_file):
    outcome = run_import(valid_file, actor=alice)

    assert outcome.ok, outcome.errors
    pao = Person.objects.get(full_name="Lò Văn Páo")
    assert pao.ethnicity == "03" and pao.gender == "NAM" and pao.category == "CC"
    assert pao.current_unit.code == "SO_A_VP" and pao.position.code == "CHUYEN_VIEN"
    assert pao.rank.code == "01.003" and pao.salary_coefficient == Decimal("3.00")
    assert pao.code == f"HS{pao.national_id}"
    assert (pao.family_name, pao.given_name) == ("Lò", "Páo") and pao.search_text.startswith("lo van pao")
    timeline = list(
        pao.employments.order_by("start_date").values_list("unit__code", "start_date", "end_date")
    )
    assert timeline == [
        ("SO_A", datetime.date(2014, 9, 1), datetime.date(2019, 12, 31)),
        ("SO_A_VP", datetime.date(2020, 1, 1), None),
    ]
    assert {(q.scale, q.level, q.rank) for q in pao.qualifications.all()} == {
        ("PROFESSIONAL", "DAI_HOC", 6),
        ("POLITICAL_THEORY", "TRUNG_CAP", 2),
    }
    hoa = Person.objects.get(full_name="Lò Thị Hoa")
    assert hoa.category == "VC" and hoa.employments.get().move == "TUYEN_DUNG"
    assert outcome.counts["persons_created"] == 2
    assert outcome.counts["employments_created"] == 3 and outcome.counts["qualifications_created"] == 3


def test_imported_records_have_audit_rows_with_the_importing_actor(alice, valid_file):
    run_import(valid_file, actor=alice)

    pao = Person.objects.get(full_name="Lò Văn Páo")
    entry = LogEntry.objects.get_for_object(pao).get()
    assert entry.actor == alice and entry.action == LogEntry.Action.CREATE
    assert entry.changes["full_name"] == ["None", "Lò Văn Páo"]
    assert entry.changes["current_unit"][1] == str(pao.current_unit_id)
    assert "sort_key" not in entry.changes
    for emp in pao.employments.all():
        assert LogEntry.objects.get_for_object(emp).get().actor == alice
    assert LogEntry.objects.filter(actor=alice).count() == 2 + 3 + 3


def test_reimporting_the_same_file_changes_nothing(alice, valid_file):
    run_import(valid_file, actor=alice)
    before = _counts()
    versions = list(Person.objects.values_list("version", flat=True))

    outcome = run_import(valid_file, actor=alice)

    assert outcome.ok
    assert _counts() == before
    assert list(Person.objects.values_list("version", flat=True)) == versions
    assert outcome.counts["persons_unchanged"] == 2
    assert outcome.counts["persons_updated"] == outcome.counts["employments_updated"] == 0


def test_a_changed_field_updates_the_person_with_one_audit_row(alice, tree, tmp_path):
    row = person_row(1)
    run_import(write_file(tmp_path / "a.xlsx", persons=[row]), actor=alice)
    row.update(phone="0987654321", salary_step=4, salary_coefficient="3,33", full_name="Lò Văn  Pảo")

    outcome = run_import(write_file(tmp_path / "b.xlsx", persons=[row]), actor=alice)

    assert outcome.ok and outcome.counts["persons_updated"] == 1
    person = Person.objects.get()
    assert (person.phone, person.salary_step, person.salary_coefficient) == ("0987654321", 4, Decimal("3.33"))
    assert person.full_name == "Lò Văn Pảo" and person.version == 2
    entry = LogEntry.objects.get_for_object(person).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == alice
    assert entry.changes["phone"] == ["0912345678", "0987654321"]
    assert set(entry.changes) == {"phone", "salary_step", "salary_coefficient", "full_name"}


def test_an_existing_person_is_matched_by_personal_id_and_moved(alice, anh, tree, tmp_path):
    row = person_row(
        full_name=anh.full_name,
        national_id=anh.national_id,
        date_of_birth=anh.date_of_birth,
        code=anh.code,
        unit_code="SO_A",
        start_date=datetime.date(2024, 3, 1),
    )

    outcome = run_import(write_file(tmp_path / "a.xlsx", persons=[row]), actor=alice)

    assert outcome.ok, outcome.errors
    anh.refresh_from_db()
    assert anh.current_unit == tree["dept_a"] and Person.objects.count() == 1
    old, new = anh.employments.order_by("start_date")
    assert old.end_date == datetime.date(2024, 2, 29) and new.end_date is None
    assert new.move == "DIEU_DONG"


def test_one_bad_row_writes_nothing_and_names_sheet_row_and_column(alice, tree, tmp_path):
    good = person_row(1)
    bad = person_row(2, date_of_birth="31/02/1990")
    path = write_file(
        tmp_path / "a.xlsx",
        persons=[good, bad],
        qualifications=[qualification_row(good["national_id"], level="Cao cấp")],
    )
    before = _counts()

    outcome = run_import(path, actor=alice)

    assert not outcome.ok
    assert _counts() == before
    found = {(e.sheet, e.row, e.column) for e in outcome.errors}
    assert ("Cán bộ", 3, "Ngày sinh") in found
    assert ("Văn bằng chứng chỉ", 2, "Trình độ") in found
    messages = " ".join(e.message for e in outcome.errors)
    assert "không có thật" in messages and "không có trong danh sách" in messages


@pytest.mark.parametrize(
    ("values", "column", "fragment"),
    [
        ({"national_id": "123"}, "Số định danh cá nhân", "12 chữ số"),
        (
            {"gender": "Nữ", "national_id": national_id_for("NAM", BIRTH, 1)},
            "Số định danh cá nhân",
            "giới tính",
        ),
        ({"email": "khong-phai-email"}, "Email", "email"),
        ({"salary_step": 20}, "Bậc lương", "16"),
        ({"unit_code": "KHONG_CO"}, "Mã đơn vị", "Không có đơn vị"),
        ({"unit_code": "T11"}, "Mã đơn vị", "địa bàn"),
        ({"rank_code": "99.999"}, "Mã ngạch", "Không có ngạch"),
        ({"ethnicity": "Không rõ"}, "Dân tộc", "không có trong danh sách"),
        ({"full_name": ""}, "Họ và tên", "Không được để trống"),
        ({"party_admission_date": datetime.date(2000, 1, 1)}, "Ngày vào Đảng", "18 tuổi"),
        ({"party_full_member_date": datetime.date(2015, 1, 1)}, "Ngày chính thức", "sau ngày vào Đảng"),
        (
            {"category": "Cán bộ cấp xã (trước 01/07/2025)", "start_date": datetime.date(2025, 8, 1)},
            "Phân loại",
            "cấp xã",
        ),
    ],
)
def test_each_rule_of_the_services_is_applied(board, tree, tmp_path, values, column, fragment):
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1, **values)])

    outcome = run_import(path, actor=board)

    assert not outcome.ok and Person.objects.count() == 0
    assert any(e.column == column and fragment in e.message for e in outcome.errors), outcome.errors


def test_rows_for_units_outside_the_users_units_are_refused(charlie, tree, tmp_path):
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1, unit_code="SO_A")])

    outcome = run_import(path, actor=charlie)

    assert not outcome.ok and Person.objects.count() == 0
    assert outcome.errors[0].column == "Mã đơn vị" and "ngoài phạm vi" in outcome.errors[0].message


def test_a_stored_person_of_another_unit_cannot_be_updated(charlie, anh, tree, tmp_path):
    row = qualification_row(anh.national_id)

    outcome = run_import(write_file(tmp_path / "a.xlsx", qualifications=[row]), actor=charlie)

    assert not outcome.ok and Qualification.objects.count() == 0
    assert outcome.errors[0].column == "Số định danh cá nhân"


def test_history_and_qualifications_can_target_stored_persons(alice, anh, tmp_path):
    QualificationFactory(person=anh, level="DAI_HOC", field="Luật", awarded_on=datetime.date(2012, 6, 30))
    path = write_file(
        tmp_path / "a.xlsx",
        history=[
            history_row(
                anh.national_id, start_date=datetime.date(2005, 1, 1), end_date=datetime.date(2009, 12, 31)
            )
        ],
        qualifications=[qualification_row(anh.national_id, issuer="Đại học Luật TP.HCM")],
    )

    outcome = run_import(path, actor=alice)

    assert outcome.ok, outcome.errors
    assert anh.employments.count() == 2
    anh.refresh_from_db()
    assert anh.current_unit.code == "SO_A_VP"
    qual = anh.qualifications.get()
    assert qual.issuer == "Đại học Luật TP.HCM" and outcome.counts["qualifications_updated"] == 1


def test_overlapping_history_is_refused(alice, tree, tmp_path):
    row = person_row(1)
    history = [history_row(row["national_id"], end_date=datetime.date(2020, 6, 30))]

    outcome = run_import(write_file(tmp_path / "a.xlsx", persons=[row], history=history), actor=alice)

    assert not outcome.ok and Person.objects.count() == 0
    assert "Trùng thời gian với quá trình công tác từ 01/09/2014" in outcome.errors[0].message


def test_only_the_latest_history_row_may_stay_open(alice, tree, tmp_path):
    row = person_row(1)
    history = [history_row(row["national_id"], end_date=None)]

    outcome = run_import(write_file(tmp_path / "a.xlsx", persons=[row], history=history), actor=alice)

    assert not outcome.ok and outcome.errors[0].column == "Đến ngày"


def test_a_person_sheet_row_for_a_person_named_nowhere_else_is_required(alice, tree, tmp_path):
    path = write_file(tmp_path / "a.xlsx", qualifications=[qualification_row("011090799999")])

    outcome = run_import(path, actor=alice)

    assert not outcome.ok and "Không có cán bộ" in outcome.errors[0].message


def test_duplicate_personal_ids_in_the_file_are_refused(alice, tree, tmp_path):
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1), person_row(1, full_name="Người Khác")])

    outcome = run_import(path, actor=alice)

    assert not outcome.ok and outcome.errors[0].row == 3 and "trùng với dòng 2" in outcome.errors[0].message


def test_a_code_used_by_another_person_is_refused(alice, anh, tmp_path):
    outcome = run_import(write_file(tmp_path / "a.xlsx", persons=[person_row(1, code=anh.code)]), actor=alice)

    assert not outcome.ok and outcome.errors[0].column == "Mã hồ sơ"


def test_dry_run_validates_and_writes_nothing(alice, valid_file):
    before = _counts()

    outcome = run_import(valid_file, actor=alice, dry_run=True)

    assert outcome.ok and outcome.dry_run and outcome.counts["persons_created"] == 2
    assert _counts() == before


def test_without_an_actor_every_unit_is_open_and_audit_has_no_actor(tree, tmp_path):
    path = write_file(tmp_path / "a.xlsx", persons=[person_row(1, unit_code="SO_B")])

    outcome = run_import(path)

    assert outcome.ok
    assert LogEntry.objects.get_for_object(Person.objects.get()).get().actor is None


def test_a_retired_person_gets_no_new_open_row(alice, tree, tmp_path):
    person = PersonFactory(
        current_unit=tree["dept_a"], status="RETIRED", status_date=datetime.date(2023, 1, 1)
    )
    Employment.objects.filter(person=person).update(end_date=datetime.date(2023, 1, 1))
    row = person_row(
        full_name=person.full_name,
        national_id=person.national_id,
        date_of_birth=person.date_of_birth,
        gender=person.get_gender_display(),
        start_date=datetime.date(2024, 1, 1),
    )

    outcome = run_import(write_file(tmp_path / "a.xlsx", persons=[row]), actor=alice)

    assert not outcome.ok and "tình trạng" in outcome.errors[0].message


def test_a_correction_of_the_current_row_updates_it_in_place(alice, anh, tree, tmp_path):
    row = person_row(
        full_name=anh.full_name,
        national_id=anh.national_id,
        date_of_birth=anh.date_of_birth,
        code=anh.code,
        unit_code="SO_A",
        position_code="",
        rank_code="01.002",
        start_date=datetime.date(2010, 1, 1),
    )

    outcome = run_import(write_file(tmp_path / "a.xlsx", persons=[row]), actor=alice)

    assert outcome.ok, outcome.errors
    anh.refresh_from_db()
    emp = anh.employments.get()
    assert emp.unit == tree["dept_a"] and anh.current_unit == tree["dept_a"] and anh.rank.code == "01.002"
    entry = LogEntry.objects.get_for_object(emp).get(action=LogEntry.Action.UPDATE)
    assert entry.actor == alice and entry.changes["unit"] == [
        str(tree["dept_a_office"].pk),
        str(tree["dept_a"].pk),
    ]
    person_entry = LogEntry.objects.get_for_object(anh).get(action=LogEntry.Action.UPDATE)
    assert {"current_unit", "rank"} <= set(person_entry.changes)
