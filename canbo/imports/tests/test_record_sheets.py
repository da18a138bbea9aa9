"""Issue 14.1: training lượt, annual ratings, awards and discipline in the same workbook, checked in one pass,
scoped to the importer's units, all or nothing, audited; the unit of each record is the person's unit at its date,
taken from the history."""

import datetime

import pytest
from auditlog.models import LogEntry

from canbo.discipline.models import DisciplineRecord
from canbo.emulation.models import Award
from canbo.evaluation.models import AnnualRating
from canbo.imports.importer import run_import
from canbo.training.models import Enrolment, TrainingClass

from .files import history_row, person_row, write_file

pytestmark = pytest.mark.django_db

D = datetime.date


def _person():
    person = person_row(1, start_date=None, unit_code="SO_A_VP")
    nid = person["national_id"]
    history = [
        history_row(nid, unit_code="SO_A", start_date=D(2014, 9, 1), end_date=D(2019, 12, 31)),
        history_row(nid, unit_code="SO_A_VP", start_date=D(2020, 1, 1), end_date=None, move="Điều động"),
    ]
    return person, nid, history


def training_row(nid, **values):
    row = {
        "national_id": nid,
        "programme": "LLCT_TRUNG_CAP",
        "course_name": "Lớp trung cấp LLCT khóa 12",
        "training_mode": "Không tập trung",
        "venue": "Trong nước",
        "start_date": D(2016, 3, 1),
        "end_date": D(2016, 11, 30),
        "training_result": "Hoàn thành",
        "certificate_number": "TC-0012",
    }
    row.update(values)
    return row


def _records(nid):
    return {
        "training": [
            training_row(nid),
            training_row(
                nid,
                programme="Ứng dụng công nghệ thông tin cơ bản",
                course_name="",
                start_date=D(2021, 5, 3),
                end_date=D(2021, 5, 20),
                certificate_number="",
            ),  # fmt: skip
        ],
        "ratings": [
            {"national_id": nid, "year": 2018, "rating_level": "Hoàn thành tốt nhiệm vụ"},
            {"national_id": nid, "year": 2022, "rating_level": "HTXS", "rating_decision": "5/QĐ-SNV"},
        ],
        "awards": [
            {
                "national_id": nid,
                "award_form": "Lao động tiên tiến",
                "year": 2022,
                "award_decision": "7/QĐ-UBND",
                "award_date": D(2023, 1, 10),
                "issuing_body": "UBND tỉnh",
            },  # fmt: skip
        ],
        "discipline": [
            {
                "national_id": nid,
                "discipline_form": "Khiển trách",
                "discipline_decision": "9/QĐ-SNV",
                "decided_on": D(2017, 6, 1),
                "effective_until": D(2018, 5, 31),
                "reason": "Vi phạm giờ làm việc",
            },  # fmt: skip
        ],
    }


def test_records_take_the_persons_unit_at_their_date_from_the_history(board, tree, tmp_path):
    person, nid, history = _person()
    path = write_file(tmp_path / "a.xlsx", persons=[person], history=history, **_records(nid))

    outcome = run_import(path, actor=board)

    assert outcome.ok, outcome.errors
    first, second = Enrolment.objects.order_by("start_date")
    assert (first.unit.code, first.result, first.training_class.name) == (
        "SO_A",
        "COMPLETED",
        "Lớp trung cấp LLCT khóa 12",
    )
    assert (second.unit.code, second.training_class, second.programme.code) == ("SO_A_VP", None, "TH_CO_BAN")
    assert dict(AnnualRating.objects.values_list("year", "unit__code")) == {2018: "SO_A", 2022: "SO_A_VP"}
    assert Award.objects.get().unit.code == "SO_A_VP"
    assert DisciplineRecord.objects.get().unit.code == "SO_A"
    assert TrainingClass.objects.get().capacity == 1
    assert outcome.counts["enrolments_created"] == 2 and outcome.counts["ratings_created"] == 2
    assert LogEntry.objects.get_for_model(Enrolment).count() == 2
    assert LogEntry.objects.get_for_model(Award).get().actor == board


def test_importing_the_records_again_keeps_them_once(board, tree, tmp_path):
    person, nid, history = _person()
    path = write_file(tmp_path / "a.xlsx", persons=[person], history=history, **_records(nid))
    run_import(path, actor=board)

    outcome = run_import(path, actor=board)

    assert outcome.ok, outcome.errors
    assert Enrolment.objects.count() == 2 and AnnualRating.objects.count() == 2 and Award.objects.count() == 1
    assert outcome.counts["records_kept"] == 6


def test_a_person_who_left_still_gets_their_training(board, tree, tmp_path):
    person, nid, history = _person()
    person.update(status="Đã nghỉ hưu", exit_date=D(2023, 6, 30))
    path = write_file(tmp_path / "a.xlsx", persons=[person], history=history, training=[training_row(nid)])

    outcome = run_import(path, actor=board)

    assert outcome.ok, outcome.errors
    assert Enrolment.objects.get().person.status == "RETIRED"


def test_every_bad_record_cell_is_reported_and_nothing_is_written(board, tree, tmp_path):
    person, nid, history = _person()
    records = _records(nid)
    records["training"][0].update(programme="Trung cấp lí luận chính trị", end_date=D(2015, 1, 1))
    records["ratings"][0].update(year=1980)
    records["ratings"][1].update(year=2018)
    records["awards"][0].update(award_date=D(2021, 1, 1))
    records["discipline"][0].update(effective_until=D(2016, 1, 1))
    path = write_file(tmp_path / "a.xlsx", persons=[person], history=history, **records)

    outcome = run_import(path, actor=board)

    assert not outcome.ok
    found = {(e.sheet, e.column) for e in outcome.errors}
    assert {
        ("Đào tạo, bồi dưỡng", "Chương trình"),
        ("Đào tạo, bồi dưỡng", "Ngày kết thúc"),
        ("Xếp loại", "Năm"),
        ("Khen thưởng", "Ngày quyết định"),
        ("Kỷ luật", "Hết hiệu lực ngày"),
    } <= found
    assert "Có phải" in next(e.message for e in outcome.errors if e.column == "Chương trình")
    assert Enrolment.objects.count() == AnnualRating.objects.count() == 0
    assert not DisciplineRecord.objects.exists()


def test_a_rating_twice_in_one_year_is_refused(board, tree, tmp_path):
    person, nid, history = _person()
    ratings = [{"national_id": nid, "year": 2018, "rating_level": "HT"}] * 2
    path = write_file(tmp_path / "a.xlsx", persons=[person], history=history, ratings=ratings)

    outcome = run_import(path, actor=board)

    assert [(e.sheet, e.row) for e in outcome.errors] == [("Xếp loại", 3)]


def test_records_of_a_person_outside_the_importers_units_are_refused(charlie, tree, tmp_path, anh):
    path = write_file(tmp_path / "a.xlsx", training=[training_row(anh.national_id)])

    outcome = run_import(path, actor=charlie)

    assert not outcome.ok and "ngoài phạm vi" in outcome.errors[0].message
    assert not Enrolment.objects.exists()


def test_the_same_person_may_repeat_a_programme_in_another_class(board, tree, tmp_path):
    person, nid, history = _person()
    training = [
        training_row(nid),
        training_row(nid, start_date=D(2018, 3, 1), end_date=D(2018, 11, 30), course_name="Khóa 14"),
    ]
    path = write_file(tmp_path / "a.xlsx", persons=[person], history=history, training=training)

    outcome = run_import(path, actor=board)

    assert outcome.ok, outcome.errors
    assert TrainingClass.objects.count() == 2 and Enrolment.objects.count() == 2
