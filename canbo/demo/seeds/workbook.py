"""Write a province's rows as Canbo's own import workbook: the sheets, titles and headers of the import's column spec
(`canbo.imports.columns.SHEETS`), values as a user types them (Vietnamese labels, dates as dates, the personal ID as
text). Nothing here touches the database."""

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from canbo.imports.columns import SHEETS, header_text

DATE_FORMAT = "DD/MM/YYYY"


def write_workbook(path: Path, rows: dict[str, list[dict]]) -> Path:
    """One workbook with every sheet of the template (empty sheets keep their header, as the template has them);
    `rows` maps a sheet key ("persons", "history", "training", …) to dicts keyed by column key."""
    unknown = set(rows) - {s.key for s in SHEETS}
    if unknown:
        raise ValueError(f"unknown sheets: {sorted(unknown)}")
    book = Workbook(write_only=True)
    for spec in SHEETS:
        sheet = book.create_sheet(spec.title)
        sheet.append([header_text(c) for c in spec.columns])
        keys = [c.key for c in spec.columns]
        for values in rows.get(spec.key, ()):
            sheet.append([_cell(sheet, values.get(k)) for k in keys])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _cell(sheet, value):
    if value is None or value == "":
        return None
    if hasattr(value, "isoformat") and not isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value
