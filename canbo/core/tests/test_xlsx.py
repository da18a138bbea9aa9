"""canbo.core.xlsx: the one rule for cell values (text stays text, never a formula) and the streamed list the
export jobs write."""

import datetime
import io

from openpyxl import Workbook, load_workbook

from canbo.core.xlsx import Money, safe_value, set_cell, write_merged, write_table

FORMULA = '=HYPERLINK("//x","a")'


def _reload(workbook_or_bytes):
    if isinstance(workbook_or_bytes, Workbook):
        buffer = io.BytesIO()
        workbook_or_bytes.save(buffer)
        workbook_or_bytes = buffer.getvalue()
    return load_workbook(io.BytesIO(workbook_or_bytes)).active


def test_write_table_numbers_the_rows_and_writes_texts_as_text():
    buffer = io.BytesIO()
    rows = [[FORMULA, datetime.date(2019, 12, 31), Money(98500000), 3, None]]

    count = write_table(
        buffer, title="Danh sách", headers=["STT", "Tên", "Ngày", "Tiền", "Số", "Trống"], rows=rows
    )

    sheet = _reload(buffer.getvalue())
    assert count == 1 and sheet.title == "Danh sách"
    assert [c.value for c in sheet[1]] == ["STT", "Tên", "Ngày", "Tiền", "Số", "Trống"]
    number, text, day, money, plain, empty = sheet[2]
    assert number.value == 1 and (text.value, text.data_type) == (FORMULA, "s")
    assert day.value.date() == datetime.date(2019, 12, 31) and day.number_format == "DD/MM/YYYY"
    assert money.value == 98500000 and money.number_format == "#,##0"
    assert plain.value == 3 and empty.value is None


def test_write_table_reports_progress_and_drops_characters_excel_cannot_store():
    calls = []
    buffer = io.BytesIO()

    write_table(buffer, title="T", headers=["STT", "Tên"], rows=([f"a\x01{i}"] for i in range(2500)), total=2500,
                progress=lambda *args, **kwargs: calls.append(args))  # fmt: skip

    assert calls == [("Đang ghi tệp Excel", 1000, 2500), ("Đang ghi tệp Excel", 2000, 2500),
                     ("Đang lưu tệp", 2500, 2500)]  # fmt: skip
    assert _reload(buffer.getvalue())["B3"].value == "a1"


def test_set_cell_and_safe_value_keep_text_as_text_in_an_ordinary_sheet():
    book = Workbook()
    sheet = book.active
    set_cell(sheet, 1, 1, FORMULA).number_format = "@"
    set_cell(sheet, 1, 2, 42)
    set_cell(sheet, 1, 3, "-2+3")
    sheet.append([safe_value(sheet, "=1+1"), safe_value(sheet, 7)])

    saved = _reload(book)

    assert (saved["A1"].value, saved["A1"].data_type) == (FORMULA, "s")
    assert (saved["B1"].value, saved["B1"].data_type) == (42, "n")
    assert (saved["C1"].value, saved["C1"].data_type) == ("-2+3", "s")
    assert (saved["A2"].value, saved["A2"].data_type) == ("=1+1", "s") and saved["B2"].value == 7


def test_write_merged_merges_a_block_and_keeps_text_as_text():
    workbook = Workbook()
    sheet = workbook.active

    write_merged(sheet, row=2, column=3, rows=2, columns=4, value=FORMULA)
    write_merged(sheet, row=5, column=1, value="một ô")

    sheet = _reload(workbook)
    assert [str(r) for r in sheet.merged_cells.ranges] == ["C2:F3"]
    assert sheet["C2"].value == FORMULA and sheet["C2"].data_type == "s"
    assert sheet["A5"].value == "một ô"
