"""Excel exports of the plan (composition + people), the training needs and the gap list, run as jobs on the
queue (canbo.jobs.exports): write-only sheets (memory stays flat), Vietnamese headers, dates DD/MM/YYYY,
shares 0.0, every text written as text. The job re-checks the starter's access, the page's parameters and the
scope when it runs."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from canbo.core.db_router import replica_reads
from canbo.core.xlsx import safe_value, text_cell
from canbo.jobs.exports import log_personal_export, register_export
from canbo.jobs.registry import JobFailed
from canbo.people.choices import Gender, QualificationScale, level_label, level_rank
from canbo.reports.formatting import fmt_date, round1

from .forms import AsOfForm, GapListForm
from .gaps import TIERS, gap_persons
from .needs import criterion_label, training_needs
from .selectors import is_reader, plan_composition, plan_entries_on, scope_condition, term_queryset_for

PLAN_EXPORT = "planning.plan"
NEEDS_EXPORT = "planning.needs"
GAPS_EXPORT = "planning.gaps"
NO_ACCESS = "Anh/chị không có quyền xem trang quy hoạch cán bộ."
PROGRESS_EVERY = 1000
DATE, PCT, INT = "DD/MM/YYYY", "0.0", "#,##0"
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="EEF1F5")
GENDERS = dict(Gender.choices)
TIER_SHORT = {"TINH": "Cấp tỉnh", "HUYEN": "Cấp huyện", "PHONG": "Trưởng phòng", "XA": "Cấp xã"}


def _sheet(wb, title: str, heading: str, subtitle: str, headers: list[tuple[str, int]]):
    """A write-only sheet: heading, subtitle, an empty row, then the header row (row 4), frozen under it."""
    ws = wb.create_sheet(title)
    for index, (_h, width) in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A5"
    first = text_cell(ws, heading)
    first.font = Font(bold=True, size=13)
    ws.append([first])
    ws.append([text_cell(ws, subtitle)])
    ws.append([])
    row = []
    for header, _w in headers:
        cell = text_cell(ws, header)
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        row.append(cell)
    ws.append(row)
    return ws


def _append(ws, values: list, formats: dict | None = None, bold=False) -> None:
    """One row; `formats` maps a 1-based column to its number format."""
    formats = formats or {}
    row = []
    for col, value in enumerate(values, start=1):
        cell = safe_value(ws, value)
        if value is not None and (bold or col in formats):
            if not isinstance(cell, Cell):
                cell = WriteOnlyCell(ws, value=cell)
            if col in formats:
                cell.number_format = formats[col]
            if bold:
                cell.font = BOLD
        row.append(cell)
    ws.append(row)


def _ok(flag) -> str:
    return {True: "Đạt", False: "Chưa đạt", None: ""}[flag]


def _tick(progress, count: int, total: int) -> None:
    if count % PROGRESS_EVERY == 0:
        progress("Đang ghi tệp Excel", count, total, unit="dòng")


def write_plan(table, entries, fileobj, *, progress) -> int:
    """The composition table and the people in the plan; returns the number of people rows."""
    term, on = table.term, table.on
    total = entries.count()
    wb = Workbook(write_only=True)
    subtitle = f"Nhiệm kỳ {term.code}; tính đến ngày {fmt_date(on)}"
    ws = _sheet(
        wb,
        "Cơ cấu, tỷ lệ",
        f"CƠ CẤU, TỶ LỆ QUY HOẠCH CÁN BỘ NHIỆM KỲ {term.code}",
        subtitle,
        [
            ("Đơn vị", 40),
            ("Số chức danh", 10),
            ("Lượt quy hoạch", 10),
            ("Số người", 10),
            ("Hệ số", 8),
            ("Nữ (%)", 8),
            ("", 9),
            ("Trẻ (%)", 8),
            ("", 9),
            ("Đủ tuổi trọn nhiệm kỳ (%)", 12),
            ("", 9),
        ],  # fmt: skip
    )
    for row in [*table.rows, table.total]:
        values = [
            row.unit["name"] if row.unit else "Tổng cộng",
            row.seats,
            row.entries,
            row.persons,
            round1(row.ratio),
            round1(row.women_pct),
            _ok(row.women_ok),
            round1(row.young_pct),
            _ok(row.young_ok),
            round1(row.full_term_pct),
            _ok(row.full_term_ok),
        ]
        _append(ws, [float(v) if hasattr(v, "as_tuple") else v for v in values],
                {5: PCT, 6: PCT, 8: PCT, 10: PCT}, bold=row.unit is None)  # fmt: skip
    ws = _sheet(
        wb,
        "Danh sách quy hoạch",
        f"DANH SÁCH CÁN BỘ TRONG QUY HOẠCH NHIỆM KỲ {term.code}",
        subtitle,
        [
            ("STT", 6),
            ("Đơn vị", 30),
            ("Chức danh quy hoạch", 28),
            ("Nhóm", 14),
            ("Họ và tên", 26),
            ("Ngày sinh", 12),
            ("Giới tính", 9),
            ("Đơn vị công tác", 30),
            ("Chức vụ hiện tại", 24),
            ("Bổ sung", 8),
            ("Quyết định phê duyệt", 18),
            ("Ngày phê duyệt", 12),
        ],  # fmt: skip
    )
    n = 0
    for n, e in enumerate(entries.iterator(chunk_size=2000), start=1):
        p = e.person
        _append(
            ws,
            [
                n,
                e.post.unit.name,
                str(e.post.position),
                TIER_SHORT.get(e.post.tier, e.post.tier),
                p.full_name,
                p.date_of_birth,
                GENDERS.get(p.gender, p.gender),
                p.current_unit.name,
                str(p.position or ""),
                "x" if e.is_supplement else "",
                e.approved_by.number if e.approved_by else "",
                e.approved_on,
            ],  # fmt: skip
            {6: DATE, 12: DATE},
        )
        _tick(progress, n, total)
    progress("Đang lưu tệp", n, total, unit="dòng")
    wb.save(fileobj)
    return n


def write_needs(needs, fileobj, *, progress) -> int:
    """The counts by tier and criterion, then the people short of a qualification standard."""
    wb = Workbook(write_only=True)
    subtitle = f"Nhiệm kỳ {needs.term.code}; tính đến ngày {fmt_date(needs.on)}"
    ws = _sheet(
        wb,
        "Số lượng",
        "NHU CẦU ĐÀO TẠO, BỒI DƯỠNG CỦA CÁN BỘ TRONG QUY HOẠCH",
        subtitle,
        [("Nhóm", 50), ("Tiêu chuẩn chưa đạt", 40), ("Số người", 10)],
    )
    for tier, counts in needs.tier_rows():
        for label, count in counts:
            _append(ws, [str(tier.label), label, count], {3: INT})
    ws = _sheet(
        wb,
        "Danh sách",
        "DANH SÁCH CÁN BỘ TRONG QUY HOẠCH CHƯA ĐẠT TIÊU CHUẨN TRÌNH ĐỘ",
        subtitle,
        [
            ("STT", 6),
            ("Họ và tên", 26),
            ("Ngày sinh", 12),
            ("Đơn vị công tác", 30),
            ("Chức danh quy hoạch", 40),
            ("Nhóm", 14),
            ("Chưa đạt", 40),
            ("Chi tiết", 60),
        ],  # fmt: skip
    )
    total = len(needs.items)
    n = 0
    for n, item in enumerate(needs.items, start=1):
        posts = "; ".join(f"{p.position} – {p.unit.name}" for p in item.posts)
        _append(
            ws,
            [
                n,
                item.person.full_name,
                item.person.date_of_birth,
                item.person.current_unit.name,
                posts,
                TIER_SHORT.get(item.tier, item.tier),
                "; ".join(g.label for g in item.gaps),
                " ".join(g.message for g in item.gaps),
            ],  # fmt: skip
            {3: DATE},
        )
        _tick(progress, n, total)
    progress("Đang lưu tệp", n, total, unit="dòng")
    wb.save(fileobj)
    return n


def tier_marks(person, tiers) -> str:
    """“Cấp tỉnh: đương chức, quy hoạch” from the s_/p_ flags of canbo.planning.gaps.gap_persons."""
    parts = []
    for t in tiers:
        kinds = [
            k for k, flag in (("đương chức", f"s_{t}"), ("quy hoạch", f"p_{t}")) if getattr(person, flag)
        ]
        if kinds:
            parts.append(f"{TIER_SHORT[t]}: {', '.join(kinds)}")
    return "; ".join(parts)


def write_gaps(persons, tiers, params, fileobj, *, progress) -> int:
    """The people sitting in or planned for a tier's posts who lack the qualification."""
    scale, level = params["scale"], params["level"]
    total = persons.count()
    wb = Workbook(write_only=True)
    ws = _sheet(
        wb,
        "Danh sách",
        f"CÁN BỘ ĐƯƠNG CHỨC VÀ TRONG QUY HOẠCH CHƯA CÓ {criterion_label(scale, level)[6:].upper()}",
        f"Tính đến ngày {fmt_date(params['on'])}; nhiệm kỳ: {', '.join(t.code for t in params['terms']) or '—'}",
        [
            ("STT", 6),
            ("Họ và tên", 26),
            ("Ngày sinh", 12),
            ("Giới tính", 9),
            ("Đơn vị công tác", 32),
            ("Chức vụ", 26),
            ("Nhóm", 40),
            (f"{QualificationScale(scale).label} hiện có", 20),
        ],  # fmt: skip
    )
    n = 0
    for n, p in enumerate(persons.iterator(chunk_size=2000), start=1):
        held = level_label(scale, p.held_level) if p.held_level else "Chưa có"
        _append(
            ws,
            [
                n,
                p.full_name,
                p.date_of_birth,
                GENDERS.get(p.gender, p.gender),
                p.current_unit.name,
                str(p.position or ""),
                tier_marks(p, tiers),
                held,
            ],  # fmt: skip
            {3: DATE},
        )
        _tick(progress, n, total)
    progress("Đang lưu tệp", n, total, unit="dòng")
    wb.save(fileobj)
    return n


# --- the jobs' side: the page's parameters again, within what the starter may see now ------------------------


def _errors(form) -> ValidationError:
    return ValidationError([str(e) for errors in form.errors.values() for e in errors])


def _term_and_date(user, query):
    """The term (in the user's reach) and the "tính đến ngày" of a term's page."""
    if not is_reader(user):
        raise JobFailed(NO_ACCESS)
    try:
        pk = int(query.get("term", ""))
    except ValueError:
        raise ValidationError("Chưa chọn nhiệm kỳ quy hoạch.") from None
    term = term_queryset_for(user=user).filter(pk=pk).first()
    if term is None:
        raise ValidationError("Không tìm thấy nhiệm kỳ quy hoạch.")
    form = AsOfForm({"on": query.get("on", "")})
    if not form.is_valid():
        raise _errors(form)
    return term, form.cleaned_data["on"] or timezone.localdate()


def write_plan_export(*, user, query, fileobj, progress) -> int:
    term, on = _term_and_date(user, query)
    with replica_reads():
        table = plan_composition(user=user, term=term, on=on)
        entries = (
            plan_entries_on(term=term, on=on)
            .filter(scope_condition(user=user))
            .select_related(
                "post__unit", "post__position", "person__current_unit", "person__position", "approved_by"
            )
            .order_by("post__unit__path", "-post__position__tier", "post_id", "person__sort_key")
        )
        count = write_plan(table, entries, fileobj, progress=progress)
        person_ids = list(entries.order_by().values_list("person_id", flat=True))
    log_personal_export(key=PLAN_EXPORT, user=user, person_ids=person_ids)
    return count


def write_needs_export(*, user, query, fileobj, progress) -> int:
    term, on = _term_and_date(user, query)
    progress("Đang đối chiếu tiêu chuẩn", 0, 0, unit="dòng")
    with replica_reads():
        needs = training_needs(user=user, term=term, on=on)
        count = write_needs(needs, fileobj, progress=progress)
    log_personal_export(key=NEEDS_EXPORT, user=user, person_ids=[item.person.pk for item in needs.items])
    return count


def write_gaps_export(*, user, query, fileobj, progress) -> int:
    if not is_reader(user):
        raise JobFailed(NO_ACCESS)
    form = GapListForm(query or None, user=user)
    params = form.params()
    if params is None:
        raise _errors(form)
    with replica_reads():
        persons = (
            gap_persons(
                user=user,
                on=params["on"],
                terms=params["terms"],
                scale=params["scale"],
                rank=level_rank(params["scale"], params["level"]),
                org=params["org"],
                tier=params["tier"],
            )
            .select_related("current_unit", "position")
            .order_by("sort_key", "pk")
        )
        tiers = [params["tier"]] if params["tier"] else TIERS
        count = write_gaps(persons, tiers, params, fileobj, progress=progress)
        person_ids = list(persons.order_by().values_list("pk", flat=True))
    log_personal_export(key=GAPS_EXPORT, user=user, person_ids=person_ids)
    return count


register_export(
    PLAN_EXPORT,
    title="Quy hoạch cán bộ (cơ cấu, tỷ lệ và danh sách)",
    filename="quy-hoach-{date}.xlsx",
    write=write_plan_export,
)
register_export(
    NEEDS_EXPORT,
    title="Nhu cầu đào tạo, bồi dưỡng của cán bộ trong quy hoạch",
    filename="nhu-cau-dao-tao-quy-hoach-{date}.xlsx",
    write=write_needs_export,
)
register_export(
    GAPS_EXPORT,
    title="Cán bộ đương chức và trong quy hoạch chưa đạt trình độ",
    filename="thieu-trinh-do-{date}.xlsx",
    write=write_gaps_export,
)
