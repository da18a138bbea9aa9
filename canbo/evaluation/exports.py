"""Excel export of a rating campaign's results, run as a job on the queue: the campaign and its sheets re-read
within the starter's scope when the job runs; every text written as text (canbo.core.xlsx.set_cell)."""

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from canbo.core.db_router import replica_reads
from canbo.core.xlsx import PROGRESS_EVERY, set_cell
from canbo.core.xlsx_styles import BORDER, DATE, HEADER_FILL, HEADER_FONT, INT, TEXT
from canbo.jobs.exports import log_personal_export, register_export
from canbo.jobs.registry import JobFailed

from .selectors import campaign_queryset_for, reads_cadre_work, sheet_list

CAMPAIGN_EXPORT = "evaluation.campaign"
NO_ACCESS = "Anh/chị không có quyền xuất kết quả đánh giá của đơn vị."
HEADER_ROW = 3
TITLES = [
    ("STT", 6),
    ("Họ và tên", 28),
    ("Mã hồ sơ", 12),
    ("Đơn vị", 30),
    ("Tháng công tác", 10),
    ("Tự xếp loại", 10),
    ("Đề xuất", 10),
    ("Kết quả", 10),
    ("Điểm", 8),
    ("Số quyết định", 16),
    ("Ngày quyết định", 14),
    ("Trạng thái", 24),
]
FORMATS = [INT, TEXT, TEXT, TEXT, INT, TEXT, TEXT, TEXT, "0.00", TEXT, DATE, TEXT]


def _header(ws) -> None:
    for col, (title, width) in enumerate(TITLES, start=1):
        cell = set_cell(ws, HEADER_ROW, col, title)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[HEADER_ROW].height = 32


def write_campaign(campaign, sheets, fileobj, progress=None) -> int:
    """One row per rating sheet (already scoped and ordered); returns the row count."""
    book = Workbook()
    ws = book.active
    ws.title = f"Xep loai {campaign.year}"
    set_cell(ws, 1, 1, f"Kết quả đánh giá, xếp loại năm {campaign.year} – {campaign.unit.name}")
    _header(ws)
    total = sheets.count() if progress else 0
    n = 0
    for n, sheet in enumerate(sheets.iterator(chunk_size=2000), start=1):
        values = [
            n,
            sheet.person.full_name,
            sheet.person.code,
            sheet.unit.name,
            sheet.months_worked,
            sheet.self_level,
            sheet.proposed_level,
            sheet.level,
            sheet.score,
            sheet.decision_number,
            sheet.decided_on,
            sheet.get_status_display(),
        ]
        for col, (value, fmt) in enumerate(zip(values, FORMATS, strict=True), start=1):
            cell = set_cell(ws, HEADER_ROW + n, col, value)
            cell.border, cell.number_format = BORDER, fmt
        if progress and n % PROGRESS_EVERY == 0:
            progress("Đang ghi tệp Excel", n, total, unit="dòng")
    if progress:
        progress("Đang lưu tệp", n, total, unit="dòng")
    book.save(fileobj)
    return n


def write_campaign_export(*, user, query, fileobj, progress) -> int:
    """`query`: `campaign` (its id); the sheets of it the user may read now."""
    if not reads_cadre_work(user):
        raise JobFailed(NO_ACCESS)
    pk = query.get("campaign") or ""
    campaign = campaign_queryset_for(user=user).filter(pk=int(pk) if pk.isdigit() else None).first()
    if campaign is None:
        raise JobFailed("Không tìm thấy đợt đánh giá này trong phạm vi được xem.")
    with replica_reads():
        sheets = sheet_list(user=user, campaign=campaign)
        count = write_campaign(campaign, sheets, fileobj, progress)
        person_ids = list(sheets.order_by().values_list("person_id", flat=True))
    log_personal_export(key=CAMPAIGN_EXPORT, user=user, person_ids=person_ids)
    return count


register_export(
    CAMPAIGN_EXPORT,
    title="Kết quả đánh giá, xếp loại",
    filename="xep-loai-{date}.xlsx",
    write=write_campaign_export,
)
