"""Excel (.xlsx) exports of the gap list and of a review campaign's findings, run as jobs on the queue
(canbo.jobs.exports): write-only, dd/mm/yyyy dates, every text written as text. The job re-checks the
starter's access, the page's filters and the scope when it runs."""

from django.core.exceptions import ValidationError
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from canbo.accounts.access import reads_cadre_work
from canbo.core.db_router import replica_reads
from canbo.core.xlsx import DATE_FORMAT, safe_value, text_cell
from canbo.jobs.exports import log_personal_export, register_export
from canbo.jobs.registry import JobFailed

from .forms import GapForm
from .gaps import MODES, count_group, gap_groups, iter_gap_entries
from .selectors import campaign_queryset_for, finding_queryset_for
from .views.access import NO_ACCESS

GAP_EXPORT = "standards.gaps"
FINDINGS_EXPORT = "standards.campaign_findings"
PROGRESS_EVERY = 1000


def _require_staff(user) -> None:
    if not reads_cadre_work(user):
        raise JobFailed(NO_ACCESS)


def _sheet(workbook, title: str, headers: list[tuple[str, int]], heading: list[str]):
    sheet = workbook.create_sheet(title)
    for index, (_title, width) in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    for line in heading:
        cell = text_cell(sheet, line)
        cell.font = bold
        sheet.append([cell])
    sheet.append([])
    row = []
    for title_, _width in headers:
        cell = text_cell(sheet, title_)
        cell.font = bold
        row.append(cell)
    sheet.append(row)
    return sheet


def _date(sheet, value):
    if value is None:
        return None
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = DATE_FORMAT
    return cell


def _wrapped(sheet, text: str):
    cell = text_cell(sheet, text)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _progress(progress, count: int, total: int) -> None:
    if count % PROGRESS_EVERY == 0:
        progress("Đang ghi tệp Excel", count, total, unit="dòng")


GAP_HEADERS = [
    ("STT", 6),
    ("Họ và tên", 28),
    ("Ngày sinh", 12),
    ("Mã hồ sơ", 12),
    ("Đơn vị công tác", 36),
    ("Chức vụ hiện tại", 26),
    ("Đối chiếu tiêu chuẩn chức vụ", 30),
    ("Số tiêu chí chưa đạt", 10),
    ("Tiêu chuẩn chưa đạt", 80),
]


def write_gap_list(groups, fileobj, *, unit, on, mode_label: str, progress) -> int:
    """The gap list (groups already counted) to `fileobj`; returns the row count."""
    total = sum(g.unmet for g in groups)
    workbook = Workbook(write_only=True)
    heading = [
        "DANH SÁCH CÁN BỘ CHƯA ĐẠT TIÊU CHUẨN CHỨC DANH",
        f"Đơn vị: {unit.name} và các đơn vị trực thuộc; tại ngày {on:%d/%m/%Y}; {mode_label.lower()}",
    ]
    sheet = _sheet(workbook, "Chưa đạt tiêu chuẩn", GAP_HEADERS, heading)
    count = 0
    for count, entry in enumerate(iter_gap_entries(groups), start=1):
        p = entry.person
        sheet.append(
            [
                count,
                safe_value(sheet, p.full_name),
                _date(sheet, p.date_of_birth),
                safe_value(sheet, p.code),
                safe_value(sheet, p.current_unit.name),
                safe_value(sheet, p.position.name) if p.position_id else None,
                safe_value(sheet, entry.group.position.name),
                len(entry.gaps),
                _wrapped(sheet, "\n".join(g.message for g in entry.gaps)),
            ]
        )
        _progress(progress, count, total)
    progress("Đang lưu tệp", count, total, unit="dòng")
    workbook.save(fileobj)
    return count


def write_gap_export(*, user, query, fileobj, progress) -> int:
    """The gap list's "Xuất Excel": the page's unit, post, mode and date, within what the user may see now."""
    _require_staff(user)
    form = GapForm(query, user=user)
    if not form.is_valid():
        raise ValidationError([str(e) for errors in form.errors.values() for e in errors])
    data = form.cleaned_data
    progress("Đang đối chiếu tiêu chuẩn", 0, 0, unit="dòng")
    with replica_reads():
        groups = [
            count_group(g)
            for g in gap_groups(
                user=user,
                unit=data["unit"],
                on=data["on"],
                position=data.get("position"),
                mode=data["mode"],
            )
        ]
        count = write_gap_list(
            groups,
            fileobj,
            unit=data["unit"],
            on=data["on"],
            mode_label=MODES[data["mode"]],
            progress=progress,
        )
    person_ids = [entry.person.pk for entry in iter_gap_entries(groups)]
    log_personal_export(key=GAP_EXPORT, user=user, person_ids=person_ids)
    return count


FINDING_HEADERS = [
    ("STT", 6),
    ("Họ và tên", 28),
    ("Ngày sinh", 12),
    ("Mã hồ sơ", 12),
    ("Đơn vị (khi rà soát)", 36),
    ("Chức vụ (khi rà soát)", 26),
    ("Tiêu chuẩn chưa đạt", 80),
    ("Đã khắc phục ngày", 14),
]


def write_findings(campaign, findings, fileobj, *, progress) -> int:
    total = findings.count()
    workbook = Workbook(write_only=True)
    heading = [
        campaign.name.upper(),
        f"Ngày rà soát {campaign.review_date:%d/%m/%Y}; hạn khắc phục {campaign.deadline:%d/%m/%Y}"
        + (f"; kiểm tra lại ngày {campaign.rechecked_on:%d/%m/%Y}" if campaign.rechecked_on else ""),
    ]
    sheet = _sheet(workbook, "Kết quả rà soát", FINDING_HEADERS, heading)
    rows = findings.order_by("unit__path", "person__sort_key", "pk").values_list(
        "person__full_name",
        "person__date_of_birth",
        "person__code",
        "unit__name",
        "position__name",
        "gaps",
        "resolved_on",
    )
    count = 0
    for count, (name, born, code, unit, position, gaps, resolved) in enumerate(
        rows.iterator(chunk_size=2000), start=1
    ):
        sheet.append(
            [
                count,
                safe_value(sheet, name),
                _date(sheet, born),
                safe_value(sheet, code),
                safe_value(sheet, unit),
                safe_value(sheet, position),
                _wrapped(sheet, "\n".join(g.get("message", "") for g in gaps)),
                _date(sheet, resolved),
            ]
        )
        _progress(progress, count, total)
    progress("Đang lưu tệp", count, total, unit="dòng")
    workbook.save(fileobj)
    return count


def write_findings_export(*, user, query, fileobj, progress) -> int:
    """A campaign's findings in the user's units (open=1: only those still short)."""
    _require_staff(user)
    try:
        pk = int(query.get("campaign", ""))
    except ValueError:
        raise ValidationError("Chưa chọn đợt rà soát.") from None
    with replica_reads():
        campaign = campaign_queryset_for(user=user).filter(pk=pk).first()
        if campaign is None:
            raise ValidationError("Không tìm thấy đợt rà soát trong phạm vi được xem.")
        findings = finding_queryset_for(user=user, campaign=campaign)
        if query.get("open"):
            findings = findings.filter(resolved_on__isnull=True)
        count = write_findings(campaign, findings, fileobj, progress=progress)
        person_ids = list(findings.order_by().values_list("person_id", flat=True))
    log_personal_export(key=FINDINGS_EXPORT, user=user, person_ids=person_ids)
    return count


register_export(
    GAP_EXPORT,
    title="Danh sách cán bộ chưa đạt tiêu chuẩn chức danh",
    filename="chua-dat-tieu-chuan-{date}.xlsx",
    write=write_gap_export,
)
register_export(
    FINDINGS_EXPORT,
    title="Kết quả rà soát tiêu chuẩn chức danh",
    filename="ra-soat-tieu-chuan-{date}.xlsx",
    write=write_findings_export,
)
