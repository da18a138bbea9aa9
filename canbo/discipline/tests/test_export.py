"""Excel files of discipline, written by jobs: the decisions list (scope, texts as text) and the
discipline-by-form report through the reports' one export (a unit's name typed as "=…" stays text)."""

import datetime
import io

from django.urls import reverse
from openpyxl import load_workbook

from canbo.discipline.models import DisciplineForm as F
from canbo.discipline.models import DisciplineRecord
from canbo.discipline.services import case_decide
from canbo.org.models import OrgUnit

D = datetime.date
FORMULA = '=HYPERLINK("//x","a")'


def _sheet(response):
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def test_the_decisions_export_is_scoped_and_writes_texts_as_text(
    client, alice, charlie, reviewed, tree, outsider_person, export_via_job
):
    case_decide(actor=alice, case=reviewed, decision_number=FORMULA, decided_on=D(2026, 3, 2))
    DisciplineRecord.objects.create(person=outsider_person, unit=tree["dept_b"], form=F.WARNING,
                                    decision_number="2", decided_on=D(2026, 4, 1))  # fmt: skip
    client.force_login(alice)

    sheet = _sheet(export_via_job(reverse("discipline:record_export")))

    header = [c.value for c in sheet[1]]
    assert header[:3] == ["STT", "Mã hồ sơ", "Họ và tên"] and sheet.max_row == 2
    assert sheet.cell(row=2, column=3).value == "Nguyễn Văn Ánh"
    number = sheet.cell(row=2, column=header.index("Số quyết định") + 1)
    assert number.data_type == "s" and number.value == FORMULA
    client.force_login(charlie)
    assert [r[2] for r in _sheet(export_via_job(reverse("discipline:record_export"))).iter_rows(
        min_row=2, values_only=True)] == ["Trần Thị Bích"]  # fmt: skip


def test_the_report_file_writes_a_unit_name_typed_as_a_formula_as_text(
    client, alice, board, reviewed, export_via_job
):
    case_decide(actor=alice, case=reviewed, decision_number="1", decided_on=D(2026, 3, 2))
    OrgUnit.objects.filter(pk=reviewed.unit_id).update(name=FORMULA)
    client.force_login(board)

    response = export_via_job(
        reverse("reports:export", args=["discipline-by-form"]),
        {"from": "01/01/2026", "to": "31/12/2026", "group": "unit_form"},
    )

    assert response["Content-Disposition"].endswith('filename="bao-cao-discipline-by-form-20261231.xlsx"')
    cells = [c for row in _sheet(response).iter_rows() for c in row if c.value == FORMULA]
    assert cells and all(c.data_type == "s" for c in cells)


def test_the_person_sees_the_decisions_export_on_their_own_page(client, alice, reviewed, anh, export_via_job):
    from tests.access_log import assert_the_person_sees_the_export

    case_decide(actor=alice, case=reviewed, decision_number="5/QĐ", decided_on=D(2026, 3, 2))
    client.force_login(alice)
    assert export_via_job(reverse("discipline:record_export")).status_code == 200
    assert_the_person_sees_the_export(client, anh, alice)
