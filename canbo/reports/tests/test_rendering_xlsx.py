"""The report workbook (the export job and `report --format xlsx` write the same one): figures as numbers,
every text as text — a unit's or a person's name typed as "=…" is never a formula."""

import io

import openpyxl

from canbo.reports.base import Column, ReportResult, Row
from canbo.reports.rendering import to_xlsx, write_report_xlsx

FORMULA = '=HYPERLINK("//x","a")'


def result() -> ReportResult:
    return ReportResult(
        columns=[Column("unit", "Đơn vị"), Column("n", "Số người", "int")],
        rows=[Row({"unit": FORMULA, "n": 3}), Row({"unit": "Sở B", "n": 2})],
        totals=[Row({"unit": "Tổng cộng", "n": 5}, kind="total")],
        notes=["=1+1"],
        title="=SUM(A1)",
        parameters_text="@cmd",
    )


def test_the_job_writer_and_the_command_write_text_as_text():
    buffer = io.BytesIO()
    rows = write_report_xlsx(result(), buffer)

    for content in (buffer.getvalue(), to_xlsx(result())):
        ws = openpyxl.load_workbook(io.BytesIO(content)).active
        assert (ws["A1"].value, ws["A1"].data_type) == ("=SUM(A1)", "s")
        assert (ws["A2"].value, ws["A2"].data_type) == ("@cmd", "s")
        assert (ws["A5"].value, ws["A5"].data_type) == (FORMULA, "s")
        assert (ws["B5"].value, ws["B5"].data_type, ws["B5"].number_format) == (3, "n", "#,##0")
        assert [ws["A7"].value, ws["B7"].value] == ["Tổng cộng", 5]
        assert (ws["A9"].value, ws["A9"].data_type) == ("=1+1", "s")
    assert rows == 3


def test_progress_is_reported_while_writing():
    calls = []

    write_report_xlsx(result(), io.BytesIO(), lambda *args, **kwargs: calls.append((args, kwargs)))

    assert calls[-1] == (("Đang lưu tệp", 3, 3), {"unit": "dòng"})
