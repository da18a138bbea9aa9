"""Build import files for the tests: rows are dicts keyed by column key, holding what a user would type."""

import datetime

from openpyxl import Workbook

from canbo.core.sheets.columns import header_text
from canbo.imports.columns import HISTORY, PERSONS, QUALIFICATIONS, SALARY, SHEETS
from tests.factories import national_id_for

BIRTH = datetime.date(1990, 3, 2)


def person_row(serial: int = 1, **values) -> dict:
    gender = values.get("gender", "Nam")
    birth = values.get("date_of_birth", BIRTH)
    birth = birth if isinstance(birth, datetime.date) else BIRTH
    row = {
        "code": "",
        "full_name": "Lò Văn Páo",
        "gender": gender,
        "date_of_birth": birth,
        "national_id": national_id_for("NU" if gender == "Nữ" else "NAM", birth, 700000 + serial),
        "ethnicity": "Thái",
        "religion": "Không",
        "place_of_origin": "Xã Mường Phăng, huyện Điện Biên",
        "place_of_birth": "Điện Biên",
        "phone": "0912345678",
        "email": "pao@dienbien.gov.vn",
        "category": "Công chức",
        "unit_code": "SO_A_VP",
        "position_code": "CHUYEN_VIEN",
        "rank_code": "01.003",
        "salary_step": 3,
        "salary_coefficient": 3.0,
        "recruited_on": datetime.date(2014, 9, 1),
        "party_admission_date": datetime.date(2015, 5, 19),
        "party_full_member_date": datetime.date(2016, 5, 19),
        "start_date": datetime.date(2020, 1, 1),
    }
    row.update(values)
    return row


def history_row(national_id: str, **values) -> dict:
    row = {
        "national_id": national_id,
        "unit_code": "SO_A",
        "position_code": "",
        "category": "Công chức",
        "start_date": datetime.date(2014, 9, 1),
        "end_date": datetime.date(2019, 12, 31),
        "move": "Tuyển dụng",
        "decision_number": "123/QĐ-SNV",
    }
    row.update(values)
    return row


def qualification_row(national_id: str, **values) -> dict:
    row = {
        "national_id": national_id,
        "scale": "Trình độ chuyên môn",
        "level": "Đại học",
        "field": "Luật",
        "awarded_on": datetime.date(2012, 6, 30),
        "document_number": "A123456",
        "issuer": "Trường Đại học Luật Hà Nội",
    }
    row.update(values)
    return row


def salary_row(national_id: str, **values) -> dict:
    row = {
        "national_id": national_id,
        "effective_on": datetime.date(2024, 1, 1),
        "salary_kind": "Xếp lương (lần đầu, khi tuyển dụng, tiếp nhận)",
        "scale": "A1",
        "step": 3,
        "decision_number": "1/QĐ-SNV",
        "allowance_KHU_VUC": 0.5,
    }
    row.update(values)
    return row


def write_file(
    path,
    persons=(),
    history=(),
    qualifications=(),
    salary=(),
    *,
    drop_sheet=None,
    drop_column=None,
    **records,
):
    """An .xlsx in the template's layout (headers in row 1), written with openpyxl (shared strings)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    data = {
        PERSONS.key: persons,
        HISTORY.key: history,
        QUALIFICATIONS.key: qualifications,
        SALARY.key: salary,
        **records,  # the other sheets by key: org_units=[...], training=[...], ...
    }
    for spec in SHEETS:
        if spec.title == drop_sheet:
            continue
        sheet = workbook.create_sheet(spec.title)
        columns = [c for c in spec.columns if c.header != drop_column]
        sheet.append([header_text(c) for c in columns])
        for row in data.get(spec.key, ()):
            sheet.append([row.get(c.key) for c in columns])
    workbook.save(path)
    return path
