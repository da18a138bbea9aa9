"""The "Tải Excel" of a form: the Ministry's layout (merged two-row header, form number, units, date,
signature block) with the page's figures, through the export job that every report uses."""

import io

import openpyxl
import pytest

from canbo.org.models import OrgUnit
from canbo.reports.registry import get_report
from canbo.reports.rendering import to_xlsx
from canbo.statforms.definitions import FORMS_BY_SLUG
from canbo.statforms.excel import HEADER_ROW, header_cells

pytestmark = pytest.mark.django_db
ON = "31/12/2019"


def _sheet(response):
    return openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def _rows(ws):
    return list(ws.iter_rows(values_only=True))


def test_the_download_has_the_ministry_layout_and_the_figures(client, people, board, export_via_job):
    client.force_login(board)
    ws = _sheet(export_via_job("/bao-cao/bieu-0203n/xuat-excel/", {"on": ON}))
    form = FORMS_BY_SLUG["bieu-0203n"]
    merged = {str(r) for r in ws.merged_cells.ranges}

    assert ws.title == "0203.N"
    assert ws["A1"].value == "Biểu số 0203.N"
    assert "02/2023/TT-BNV" in ws["A2"].value
    assert any(c.value == "Đơn vị báo cáo: Tỉnh Thử" for row in ws.iter_rows(max_row=1) for c in row)
    assert ws["A4"].value == "SỐ LƯỢNG, CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC TỪ CẤP HUYỆN TRỞ LÊN"
    assert ws["A5"].value == "Tính đến ngày 31/12/2019"
    assert ws["A6"].value == "Phạm vi: toàn tỉnh"
    # STT and the unit name span both header rows; each group spans its columns
    assert {f"A{HEADER_ROW}:A{HEADER_ROW + 1}", f"B{HEADER_ROW}:B{HEADER_ROW + 1}"} <= merged
    level = next(b for b in header_cells(form) if b[4] == "Trình độ chuyên môn")
    first = ws.cell(row=HEADER_ROW, column=level[1])
    last = ws.cell(row=HEADER_ROW, column=level[1] + level[3] - 1)
    assert first.value == "Trình độ chuyên môn" and f"{first.coordinate}:{last.coordinate}" in merged
    assert [ws.cell(row=HEADER_ROW + 1, column=level[1] + i).value for i in range(6)] == [
        "Tiến sĩ", "Thạc sĩ", "Đại học", "Cao đẳng", "Trung cấp", "Sơ cấp"
    ]  # fmt: skip
    numbers = _rows(ws)[HEADER_ROW + 1]
    assert numbers[:4] == ("A", "B", "1", "2") and numbers[-1] == str(len(form.columns))
    rows = _rows(ws)
    by_unit = {r[1]: r for r in rows[HEADER_ROW + 2 :] if r[1] in ("Sở A", "Phòng Nội vụ", "Tổng cộng")}
    keys = [c.key for c in form.columns]
    total = by_unit["Tổng cộng"]
    assert total[2 + keys.index("quota")] == 15 and total[2 + keys.index("total")] == 5
    assert total[2 + keys.index("age_over")] == 1
    assert by_unit["Sở A"][0] == 1 and by_unit["Phòng Nội vụ"][0] == 2
    assert ws.cell(row=rows.index(total) + 1, column=2).font.bold
    texts = [c for r in rows for c in r if isinstance(c, str)]
    assert any(t.startswith("Đối chiếu:") and t.endswith("— khớp.") for t in texts)
    assert {"NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký, đóng dấu, ghi rõ họ tên)"} <= set(texts)


def test_the_command_line_workbook_is_the_same_layout(people):
    result = get_report("bieu-0208an").execute(user=None, data={"on": ON})
    ws = openpyxl.load_workbook(io.BytesIO(to_xlsx(result))).active

    assert ws["A1"].value == "Biểu số 0208a.N"
    assert ws.cell(row=HEADER_ROW, column=5).value == "Hình thức kỷ luật"


def test_a_unit_name_typed_as_a_formula_stays_text(client, people, units, board, export_via_job):
    OrgUnit.objects.filter(pk=units["so_a"].pk).update(name='=HYPERLINK("http://x","Sở A")')
    client.force_login(board)
    ws = _sheet(export_via_job("/bao-cao/bieu-0203n/xuat-excel/", {"on": ON}))

    cell = next(c for row in ws.iter_rows() for c in row if str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s"


def test_an_officer_downloads_only_their_units(client, people, alice, export_via_job):
    client.force_login(alice)
    ws = _sheet(export_via_job("/bao-cao/bieu-0203n/xuat-excel/", {"on": ON}))
    names = {r[1] for r in _rows(ws)[HEADER_ROW + 2 :] if r[0] is not None or r[1] == "Tổng cộng"}

    assert "Sở A" not in names and {"Phòng Nội vụ", "Tổng cộng"} <= names
    assert any(c.value == "Đơn vị báo cáo: Huyện B" for row in ws.iter_rows(max_row=1) for c in row)
