import datetime
import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook as OpenpyxlWorkbook
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from canbo.core.sheets import cells
from canbo.core.sheets.xlsx import CellError, FormulaWithoutValue, Workbook, WorkbookError
from canbo.imports.reading import ImportFileError, read_workbook

from .files import person_row, write_file

ROWS = [
    ["Họ và tên", "Ngày", "Số", "Hệ số", None, "Cờ"],
    ["Nguyễn Văn Ánh", datetime.date(2019, 12, 31), 12, 2.67, None, True],
    [None, None, None, None, "cột E & <ký tự>", False],
    ["  cách   xa  ", datetime.datetime(1985, 5, 17, 0, 0), -3, 1e-3, "=1+1", None],
]


def _reference(path, title):
    sheet = load_workbook(path, read_only=True, data_only=True)[title]
    return [list(r) for r in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("write_only", [False, True], ids=["shared-strings", "inline-strings"])
def test_the_reader_agrees_with_openpyxl(tmp_path, write_only):
    workbook = OpenpyxlWorkbook(write_only=write_only)
    if not write_only:
        workbook.remove(workbook.active)
    sheet = workbook.create_sheet("Trang 1")
    for row in ROWS:
        sheet.append(row)
    path = tmp_path / "a.xlsx"
    workbook.save(path)

    with Workbook(path) as ours:
        got = list(ours.rows("Trang 1"))

    expected = _reference(path, "Trang 1")
    assert [n for n, _ in got] == [1, 2, 3, 4]
    # openpyxl reads a formula saved without its value as empty; ours marks it, to say so to the user.
    assert isinstance(got[3][1][4], FormulaWithoutValue) and got[3][1][4].formula == "1+1"
    for (_n, row), reference in zip(got, expected, strict=True):
        converted = [
            None
            if isinstance(v, FormulaWithoutValue)
            else cells.to_date(v)
            if isinstance(r, datetime.datetime)
            else v
            for v, r in zip(row + [None] * (len(reference) - len(row)), reference, strict=True)
        ]
        assert converted == [r.date() if isinstance(r, datetime.datetime) else r for r in reference]


def test_rich_text_is_read_as_plain_text(tmp_path):
    workbook = OpenpyxlWorkbook()
    workbook.active.title = "T"
    workbook.active["A1"] = CellRichText(["Lò ", TextBlock(InlineFont(b=True), "Văn"), " Páo"])
    workbook.save(tmp_path / "a.xlsx")

    with Workbook(tmp_path / "a.xlsx") as ours:
        assert list(ours.rows("T")) == [(1, ["Lò Văn Páo"])]


def test_error_cells_are_flagged():
    with pytest.raises(cells.CellValueError, match="#N/A"):
        cells.to_text(CellError("#N/A"))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("31/12/2019", datetime.date(2019, 12, 31)),
        ("1/7/2025", datetime.date(2025, 7, 1)),
        ("2019-12-31", datetime.date(2019, 12, 31)),
        (43830, datetime.date(2019, 12, 31)),
        (datetime.datetime(2019, 12, 31, 8, 0), datetime.date(2019, 12, 31)),
        (None, None),
    ],
)
def test_dates_are_read_in_every_usual_form(raw, expected):
    assert cells.to_date(raw) == expected


@pytest.mark.parametrize("raw", ["31/02/2019", "12/31/2019 trưa", "hôm qua", -5, True])
def test_bad_dates_get_a_vietnamese_message(raw):
    with pytest.raises(cells.CellValueError, match="ngày|Ngày"):
        cells.to_date(raw)


def test_numbers_ids_and_choices():
    assert cells.to_id(11090700001) == "011090700001"
    assert cells.to_id(" 011 090 700 001 ") == "011090700001"
    assert cells.to_decimal("2,67") == Decimal("2.67") and cells.to_decimal(2.67) == Decimal("2.67")
    assert cells.to_int(3.0) == 3 and cells.to_int("4") == 4
    with pytest.raises(cells.CellValueError):
        cells.to_int(3.5)
    lookup = {"nam": "NAM", "nữ": "NU", "nu": "NU"}
    assert cells.to_choice("NỮ", lookup, ["Nam", "Nữ"]) == "NU"
    with pytest.raises(cells.CellValueError, match="“Nam”, “Nữ”"):
        cells.to_choice("Khác", lookup, ["Nam", "Nữ"])


def test_a_file_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_text("họ tên;ngày sinh\n", encoding="utf-8")

    with pytest.raises(ImportFileError, match="không phải tệp Excel .xlsx"):
        read_workbook(path)


def test_a_truncated_file_is_refused(tmp_path, tree):
    good = write_file(tmp_path / "good.xlsx", persons=[person_row(1)])
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(good.read_bytes()[:-700])

    with pytest.raises(ImportFileError):
        read_workbook(broken)


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")

    with pytest.raises(WorkbookError, match="cấu trúc"):
        Workbook(path)


def test_a_damaged_sheet_is_refused(tmp_path, tree):
    good = write_file(tmp_path / "good.xlsx", persons=[person_row(1)])
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)

    with pytest.raises(ImportFileError, match="bị hỏng"):
        read_workbook(damaged)


def test_an_oversized_file_is_refused_before_reading(tmp_path, settings):
    settings.IMPORT_MAX_BYTES = 100
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"x" * 101)

    with pytest.raises(ImportFileError, match="Tệp quá lớn"):
        read_workbook(path)


def test_a_missing_sheet_is_named(tmp_path):
    path = write_file(tmp_path / "a.xlsx", drop_sheet="Quá trình công tác")

    with pytest.raises(ImportFileError, match="thiếu trang tính: “Quá trình công tác”"):
        read_workbook(path)


def test_a_missing_header_is_named(tmp_path):
    path = write_file(tmp_path / "a.xlsx", drop_column="Ngày sinh")

    with pytest.raises(ImportFileError, match="“Cán bộ” thiếu cột: “Ngày sinh \\(\\*\\)”"):
        read_workbook(path)


def test_headers_match_without_case_or_required_mark_and_empty_rows_are_skipped(tmp_path):
    workbook = OpenpyxlWorkbook()
    workbook.remove(workbook.active)
    from canbo.imports.columns import SHEETS

    for spec in SHEETS:
        sheet = workbook.create_sheet(spec.title.upper())
        sheet.append([f"  {c.header.lower()} " for c in spec.columns])
    workbook["CÁN BỘ"].append([None] * 3)
    workbook["CÁN BỘ"].append(["HS1", "Lò Văn Páo"])
    workbook.save(tmp_path / "a.xlsx")

    rows, errors = read_workbook(tmp_path / "a.xlsx")

    assert len(rows["persons"]) == 1 and rows["persons"][0].number == 3
    assert {e.column for e in errors} >= {"Giới tính", "Ngày sinh"}


def _rewrite(source, target, part, transform):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item)
            new.writestr(item, transform(data) if item.filename == part else data)


def test_a_sheet_with_a_doctype_is_refused(tmp_path, tree):
    good = write_file(tmp_path / "good.xlsx", persons=[person_row(1)])
    hostile = tmp_path / "hostile.xlsx"
    _rewrite(
        good,
        hostile,
        "xl/worksheets/sheet1.xml",
        lambda data: data.replace(b"<worksheet", b'<!DOCTYPE w [<!ENTITY a "aaaa">]><worksheet', 1),
    )

    with pytest.raises(ImportFileError, match="bị hỏng"):
        read_workbook(hostile)


def test_a_corrupted_compressed_stream_is_refused(tmp_path, tree):
    good = write_file(tmp_path / "good.xlsx", persons=[person_row(1)] * 1)
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + 40):
        data[i] ^= 0x5A
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(bytes(data))

    with pytest.raises(ImportFileError):
        read_workbook(broken)


@pytest.mark.django_db
def test_a_list_export_is_recognised_and_the_template_is_named(tmp_path):
    from canbo.people.exports import write_persons_xlsx
    from canbo.people.models import Person

    path = tmp_path / "danh-sach.xlsx"
    with path.open("wb") as fileobj:
        write_persons_xlsx(Person.objects.none(), fileobj)

    with pytest.raises(ImportFileError, match="không phải tệp mẫu nhập dữ liệu"):
        read_workbook(path)
