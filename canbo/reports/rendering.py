"""One ReportResult, four shapes: aligned text, JSON, .xlsx (openpyxl) and cells for the HTML template."""

import io
from decimal import Decimal

from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from canbo.core.xlsx import PROGRESS_EVERY, safe_value

from .base import ReportResult, Row
from .formatting import fmt_value
from .registry import get_report

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_NUMBER_FORMATS = {
    "int": "#,##0",
    "pct": "0.0",
    "pp": "+0.0;-0.0;0.0",
    "pct2": "0.00",
    "pp2": "+0.00;-0.00;0.00",
}


def _all_rows(result: ReportResult) -> list[Row]:
    return [*result.rows, *result.totals]


def _json_value(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, Promise):  # a lazy Vietnamese label
        return str(value)
    return value


def to_json(result: ReportResult) -> dict:
    def row(r: Row) -> dict:
        return {
            "kind": r.kind,
            "values": {k: _json_value(v) for k, v in r.values.items()},
            "links": r.links,
        }

    return {
        "report": result.report,
        "title": result.title,
        "parameters": result.parameters,
        "parameters_text": result.parameters_text,
        "columns": [{"key": c.key, "label": c.label, "type": c.kind} for c in result.columns],
        "rows": [row(r) for r in result.rows],
        "totals": [row(r) for r in result.totals],
        "notes": result.notes,
        "chart": result.chart,
        "meta": result.meta,
    }


def to_text(result: ReportResult) -> str:
    """An aligned table with Vietnamese numbers; a rule before each subtotal and before the totals."""
    header = [c.label for c in result.columns]
    body = [
        (r.kind, [fmt_value(r.values.get(c.key), c.kind) for c in result.columns]) for r in _all_rows(result)
    ]
    widths = [len(h) for h in header]
    for _kind, cells in body:
        widths = [max(w, len(cell)) for w, cell in zip(widths, cells, strict=True)]

    def line(cells):
        out = []
        for column, cell, width in zip(result.columns, cells, widths, strict=True):
            out.append(cell.rjust(width) if column.numeric else cell.ljust(width))
        return "  ".join(out).rstrip()

    rule = "  ".join("-" * w for w in widths)
    lines = [result.title, result.parameters_text, "", line(header), rule]
    previous = None
    for kind, cells in body:
        if kind == "total" and previous != "total":
            lines.append(rule)
        lines.append(line(cells))
        previous = kind
        if kind == "subtotal":
            lines.append("")
    if result.notes:
        lines.append("")
        lines += [f"* {note}" for note in result.notes]
    return "\n".join(lines) + "\n"


def write_report_xlsx(result: ReportResult, fileobj, progress=None) -> int:
    """The report as a workbook written to `fileobj` (every door: the export job, the command line); every
    value goes through canbo.core.xlsx.safe_value, so a unit's or a person's name is never a formula.
    Returns the number of rows (totals included). A report with its own layout (a `write_xlsx` method, e.g. the
    Ministry's statistical forms) writes the workbook itself."""
    own_layout = getattr(get_report(result.report), "write_xlsx", None)
    if own_layout is not None:
        return own_layout(result, fileobj, progress)
    rows = _all_rows(result)
    wb = Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    ws.append([safe_value(ws, result.title)])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([safe_value(ws, result.parameters_text)])
    ws.append([])
    ws.append([safe_value(ws, str(c.label)) for c in result.columns])
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEF1F5")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for done, r in enumerate(rows, start=1):
        ws.append([safe_value(ws, _json_value(r.values.get(c.key))) for c in result.columns])
        for column, cell in zip(result.columns, ws[ws.max_row], strict=True):
            if column.numeric:
                cell.number_format = XLSX_NUMBER_FORMATS[column.kind]
            if r.kind != "data":
                cell.font = Font(bold=True)
        if progress and done % PROGRESS_EVERY == 0:
            progress("Đang ghi tệp Excel", done, len(rows), unit="dòng")
    if result.notes:
        ws.append([])
        for note in result.notes:
            ws.append([safe_value(ws, str(note))])
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    for index, column in enumerate(result.columns, start=1):
        width = max([len(column.label)] + [len(str(r.values.get(column.key) or "")) for r in rows])
        ws.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 10), 45)
    if progress:
        progress("Đang lưu tệp", len(rows), len(rows), unit="dòng")
    wb.save(fileobj)
    return len(rows)


def to_xlsx(result: ReportResult) -> bytes:
    """The same workbook as bytes (the command line's `--format xlsx --output FILE`)."""
    buffer = io.BytesIO()
    write_report_xlsx(result, buffer)
    return buffer.getvalue()


def html_rows(result: ReportResult) -> list[dict]:
    """Rows of cells for templates/reports/_table.html: text, link and whether it is a number."""
    rows = []
    for r in _all_rows(result):
        cells = [
            {
                "text": fmt_value(r.values.get(c.key), c.kind),
                "href": r.links.get(c.key, ""),
                "numeric": c.numeric,
            }
            for c in result.columns
        ]
        rows.append({"kind": r.kind, "cells": cells})
    return rows
